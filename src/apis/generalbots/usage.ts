/** Usage figures: conversations, messages and users per window, day and month. */
import type { TimeUnit, Window } from '../../core/time.js';
import { calendarDate, windowFields } from './figures.js';
import { type Scope, vectorName } from './scope.js';
import { addInto, emptyBuckets, fillBuckets, type VectorBucket } from './vectors.js';

/** The usage of a span: conversations, messages, first-time users and distinct active users. */
export interface UsageSums {
  conversations: number;
  messages: number;
  newUsers: number;
  activeUsers: number;
}

const FRESH = 0;
const RETURNING = 1;
const MESSAGES = 2;

function usagePerHour(scope: Scope): (hour: number) => readonly number[] {
  return (hour) => {
    const [fresh = 0, returning = 0] = scope.users(hour);
    return [fresh, returning, fresh + returning === 0 ? 0 : scope.messages(hour)];
  };
}

function sumsOf(scope: Scope, sums: readonly number[], hours: number): UsageSums {
  const fresh = sums[FRESH] ?? 0;
  const returning = sums[RETURNING] ?? 0;
  return {
    conversations: fresh + returning,
    messages: sums[MESSAGES] ?? 0,
    newUsers: fresh,
    activeUsers: scope.activeUsers(fresh, returning, hours),
  };
}

/** The usage of each bucket of a unit, and of the whole window (the buckets' sums). */
export function usageSeries(
  scope: Scope,
  window: Window,
  unit: TimeUnit,
): { total: UsageSums; points: { bucket: VectorBucket; usage: UsageSums }[] } {
  const buckets = fillBuckets(emptyBuckets(window, unit, 3), usagePerHour(scope), vectorName(scope, 'usage'));
  const sums = [0, 0, 0];
  let hours = 0;
  for (const b of buckets) {
    addInto(sums, b.sums);
    hours += b.hours;
  }
  return {
    total: sumsOf(scope, sums, hours),
    points: buckets.map((bucket) => ({ bucket, usage: sumsOf(scope, bucket.sums, bucket.hours) })),
  };
}

/** The usage of the whole window. */
export function usageOf(scope: Scope, window: Window): UsageSums {
  // Months keep the bucket count small for any window; the total does not depend on the unit.
  return usageSeries(scope, window, 'month').total;
}

/** GET /usage. */
export function usageStats(scope: Scope, window: Window) {
  const usage = usageOf(scope, window);
  return {
    ...windowFields(window),
    total_conversations: usage.conversations,
    total_messages: usage.messages,
    active_users: usage.activeUsers,
    new_users: usage.newUsers,
  };
}

/** GET /usage/daily: one point per UTC day; the points sum to total_conversations. */
export function dailyUsage(scope: Scope, window: Window) {
  const { total, points } = usageSeries(scope, window, 'day');
  return {
    ...windowFields(window),
    total_conversations: total.conversations,
    data: points.map(({ bucket, usage }) => ({
      date: calendarDate(bucket.start),
      conversations: usage.conversations,
      messages: usage.messages,
      active_users: usage.activeUsers,
    })),
  };
}

/** GET /usage/monthly: one point per UTC month; the points sum to the totals. */
export function monthlyUsage(scope: Scope, window: Window) {
  const { total, points } = usageSeries(scope, window, 'month');
  return {
    ...windowFields(window),
    total_conversations: total.conversations,
    total_messages: total.messages,
    data: points.map(({ bucket, usage }) => ({
      month: calendarDate(bucket.start).slice(0, 7),
      conversations: usage.conversations,
      messages: usage.messages,
      active_users: usage.activeUsers,
      new_users: usage.newUsers,
    })),
  };
}
