/** Usage figures: conversations, messages and users per window, day and month. */
import { LabelledRows, RowShape } from '../../core/json-fragments.js';
import { type BucketSums, startLabels, sumBuckets, vectorAdds } from '../../core/series.js';
import type { TimeUnit, Window } from '../../core/time.js';
import { calendarDate, windowFields } from './figures.js';
import { type Scope, vectorName } from './scope.js';

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
): { total: UsageSums; points: { start: number; usage: UsageSums }[]; sums: BucketSums } {
  const series = sumBuckets(window, unit, vectorAdds(usagePerHour(scope), 3), {
    width: 3,
    name: vectorName(scope, 'usage'),
  });
  const count = series.starts.length;
  const sums = [0, 0, 0];
  let hours = 0;
  const points = new Array<{ start: number; usage: UsageSums }>(count);
  const bucket = [0, 0, 0];
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < 3; i++) {
      bucket[i] = (series.values[i] as number[])[b] as number;
      sums[i] = (sums[i] as number) + (bucket[i] as number);
    }
    hours += series.hours[b] as number;
    points[b] = {
      start: series.starts[b] as number,
      usage: sumsOf(scope, bucket, series.hours[b] as number),
    };
  }
  return { total: sumsOf(scope, sums, hours), points, sums: series };
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

/** A day's usage (`{ date, conversations, messages, active_users }`). */
const DAY = new RowShape('date', ['conversations', 'messages', 'active_users']);

/** GET /usage/daily: one point per UTC day; the points sum to total_conversations. */
export function dailyUsage(scope: Scope, window: Window) {
  const { total, points, sums } = usageSeries(scope, window, 'day');
  const conversations: number[] = [];
  const messages: number[] = [];
  const activeUsers: number[] = [];
  for (const { usage } of points) {
    conversations.push(usage.conversations);
    messages.push(usage.messages);
    activeUsers.push(usage.activeUsers);
  }
  return {
    ...windowFields(window),
    total_conversations: total.conversations,
    // Rows that write their own JSON text (core/json-fragments.ts), one per day.
    data: new LabelledRows(DAY, startLabels(sums, calendarDate), [conversations, messages, activeUsers]),
  };
}

/** GET /usage/monthly: one point per UTC month; the points sum to the totals. */
export function monthlyUsage(scope: Scope, window: Window) {
  const { total, points } = usageSeries(scope, window, 'month');
  return {
    ...windowFields(window),
    total_conversations: total.conversations,
    total_messages: total.messages,
    data: points.map(({ start, usage }) => ({
      month: calendarDate(start).slice(0, 7),
      conversations: usage.conversations,
      messages: usage.messages,
      active_users: usage.activeUsers,
      new_users: usage.newUsers,
    })),
  };
}
