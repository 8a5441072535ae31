import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversationDuration,
  conversationMetrics,
  conversationResolution,
  conversationVolume,
} from '../../../src/apis/generalbots/conversations.js';
import { engagementMetrics, retention, satisfaction } from '../../../src/apis/generalbots/engagement.js';
import { activeSessionsCount, realtimeMetrics } from '../../../src/apis/generalbots/realtime.js';
import { scopeOf } from '../../../src/apis/generalbots/scope.js';
import { dailyUsage, monthlyUsage, usageStats } from '../../../src/apis/generalbots/usage.js';
import { DEFAULT_KNOBS } from '../../../src/core/knobs.js';
import { MS_DAY, MS_HOUR, type Window } from '../../../src/core/time.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const UNITS = ['hour', 'day', 'week', 'month'] as const;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A window of up to 60 days ending up to 200 days before now, starting at any hour. */
const windows = fc
  .record({ back: fc.integer({ min: 0, max: 200 * 24 }), hours: fc.integer({ min: 0, max: 60 * 24 }) })
  .map(({ back, hours }): Window => {
    const end = Math.floor(NOW / MS_HOUR) * MS_HOUR - back * MS_HOUR;
    return { start: end - hours * MS_HOUR, end };
  });

const filters = fc.record({
  botId: fc.option(fc.uuid(), { nil: undefined }),
  userId: fc.option(fc.uuid(), { nil: undefined }),
});

const RUNS = { seed: 42, numRuns: 60 };

describe('General Bots invariants across endpoints', () => {
  it('sums daily usage to the monthly summary and to /usage, for any window and filter', () => {
    fc.assert(
      fc.property(windows, filters, (window, f) => {
        const scope = scopeOf(1, 'inv-token', DEFAULT_KNOBS, f);
        const usage = usageStats(scope, window);
        const daily = dailyUsage(scope, window);
        // The rows as JSON.stringify sees them (they write their own text).
        const days = daily.data.toJSON() as {
          conversations: number;
          messages: number;
          active_users: number;
        }[];
        const monthly = monthlyUsage(scope, window);
        expect(sum(days.map((d) => d.conversations))).toBe(usage.total_conversations);
        expect(daily.total_conversations).toBe(usage.total_conversations);
        expect(monthly.total_conversations).toBe(usage.total_conversations);
        expect(sum(monthly.data.map((m) => m.conversations))).toBe(usage.total_conversations);
        expect(sum(days.map((d) => d.messages))).toBe(monthly.total_messages);
        expect(monthly.total_messages).toBe(usage.total_messages);
        expect(sum(monthly.data.map((m) => m.new_users))).toBe(usage.new_users);
        for (const point of [...days, ...monthly.data])
          expect(point.active_users).toBeLessThanOrEqual(usage.active_users);
      }),
      RUNS,
    );
  });

  it('sums every volume and duration series to total_conversations, whatever group_by', () => {
    fc.assert(
      fc.property(windows, filters, fc.constantFrom(...UNITS), (window, f, unit) => {
        const scope = scopeOf(1, 'inv-token', DEFAULT_KNOBS, f);
        const total = usageStats(scope, window).total_conversations;
        const volume = conversationVolume(scope, window, unit);
        const duration = conversationDuration(scope, window, unit);
        expect(sum(volume.data.map((p) => p.conversations))).toBe(total);
        expect(volume.total_conversations).toBe(total);
        expect(duration.total_conversations).toBe(total);
        expect(sum(duration.data.map((p) => p.conversations))).toBe(total);
        expect(volume.data.map((p) => p.period_start)).toEqual(duration.data.map((p) => p.period_start));
        expect(duration.p90_duration_seconds).toBeGreaterThanOrEqual(duration.median_duration_seconds);
      }),
      RUNS,
    );
  });

  it('agrees on conversations, outcomes, users and survey answers across endpoints', () => {
    fc.assert(
      fc.property(windows, filters, (window, f) => {
        const scope = scopeOf(1, 'inv-token', DEFAULT_KNOBS, f);
        const usage = usageStats(scope, window);
        const metrics = conversationMetrics(scope, window);
        const resolution = conversationResolution(scope, window);
        const engagement = engagementMetrics(scope, window);
        const duration = conversationDuration(scope, window, 'day');
        const survey = satisfaction(scope, window);
        expect(metrics.total_conversations).toBe(usage.total_conversations);
        expect(metrics.avg_duration_seconds).toBe(duration.avg_duration_seconds);
        expect(metrics.resolution_rate).toBe(resolution.resolution_rate);
        expect(resolution.resolved + resolution.escalated + resolution.abandoned).toBe(
          usage.total_conversations,
        );
        expect(engagement.active_users).toBe(usage.active_users);
        expect(engagement.new_users + engagement.returning_users).toBe(engagement.active_users);
        expect(engagement.total_sessions).toBe(usage.total_conversations);
        expect(sum(Object.values(survey.distribution))).toBe(survey.responses);
        expect(survey.responses).toBeLessThanOrEqual(usage.total_conversations);
        if (f.userId !== undefined) expect(usage.active_users).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('never gives a bot more than its account, on any figure that counts', () => {
    fc.assert(
      fc.property(windows, fc.uuid(), (window, bot) => {
        const all = scopeOf(1, 'inv-token', DEFAULT_KNOBS);
        const one = scopeOf(1, 'inv-token', DEFAULT_KNOBS, { botId: bot });
        const counts = (scope: typeof all) => {
          const u = usageStats(scope, window);
          const r = conversationResolution(scope, window);
          const s = satisfaction(scope, window);
          return [
            u.total_conversations,
            u.total_messages,
            u.active_users,
            u.new_users,
            r.resolved,
            r.escalated,
            r.abandoned,
            s.responses,
            ...Object.values(s.distribution),
            ...retention(scope, window).cohorts.map((c) => c.users),
            activeSessionsCount(scope, window.end).active_sessions,
          ];
        };
        const [a, b] = [counts(all), counts(one)];
        for (const [i, n] of b.entries()) expect(n).toBeLessThanOrEqual(a[i] as number);
      }),
      RUNS,
    );
  });

  it('shapes retention cohorts: one per week, week 0 at 100, never past the window end', () => {
    fc.assert(
      fc.property(windows, (window) => {
        const scope = scopeOf(1, 'inv-token', DEFAULT_KNOBS);
        for (const cohort of retention(scope, window).cohorts) {
          expect(cohort.retention[0]).toBe(cohort.users > 0 ? 100 : 0);
          expect(cohort.retention.length).toBeLessThanOrEqual(13);
          const lastWeek = Date.parse(cohort.cohort_start) + (cohort.retention.length - 1) * 7 * MS_DAY;
          expect(lastWeek).toBeLessThan(window.end);
        }
      }),
      RUNS,
    );
  });

  it('counts the same active sessions on /realtime and /realtime/active at any clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.option(fc.uuid(), { nil: undefined }),
        (m, bot) => {
          const now = NOW - m * 60_000;
          const scope = scopeOf(1, 'inv-token', DEFAULT_KNOBS, { botId: bot });
          const realtime = realtimeMetrics(scope, now);
          expect(activeSessionsCount(scope, now).active_sessions).toBe(realtime.active_sessions);
          expect(realtime.active_users).toBeLessThanOrEqual(realtime.active_sessions);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
