/** Conversation figures: totals, volume series, durations and outcomes. */

import { percentOf, ratio, round1 } from '../../core/rounding.js';
import { perBucket, sumBuckets, sumWindow, vectorAdds } from '../../core/series.js';
import { isoMs, type TimeUnit, type Window } from '../../core/time.js';
import { meanDuration, quantileDuration } from './durations.js';
import { sum, windowFields } from './figures.js';
import { DURATION_BINS, OUTCOMES, type Scope, vectorName } from './scope.js';
import { usageOf } from './usage.js';

/** How a window's conversations ended. */
export interface Outcomes {
  resolved: number;
  escalated: number;
  abandoned: number;
}

/** The outcomes of the window's conversations. */
export function outcomesOf(scope: Scope, window: Window): Outcomes {
  const [resolved = 0, escalated = 0, abandoned = 0] = sumWindow(
    window,
    vectorAdds((h) => scope.outcomes(h), OUTCOMES),
    { width: OUTCOMES, name: vectorName(scope, 'outcomes') },
  );
  return { resolved, escalated, abandoned };
}

/** The duration histogram of the window's conversations. */
export function durationsOf(scope: Scope, window: Window): number[] {
  return sumWindow(
    window,
    vectorAdds((h) => scope.durations(h), DURATION_BINS),
    {
      width: DURATION_BINS,
      name: vectorName(scope, 'durations'),
    },
  );
}

/** GET /conversations. */
export function conversationMetrics(scope: Scope, window: Window) {
  const usage = usageOf(scope, window);
  const outcomes = outcomesOf(scope, window);
  return {
    ...windowFields(window),
    total_conversations: usage.conversations,
    total_messages: usage.messages,
    avg_messages_per_conversation: ratio(usage.messages, usage.conversations),
    avg_duration_seconds: round1(meanDuration(durationsOf(scope, window))),
    resolution_rate: percentOf(outcomes.resolved, usage.conversations),
  };
}

/** GET /conversations/volume: conversations per bucket; the points sum to total_conversations. */
export function conversationVolume(scope: Scope, window: Window, unit: TimeUnit) {
  const series = sumBuckets(
    window,
    unit,
    vectorAdds((h) => [sum(scope.users(h))], 1),
    {
      width: 1,
      name: vectorName(scope, 'conversations'),
    },
  );
  const counts = series.values[0] ?? [];
  const data = series.starts.map((start, b) => ({
    period_start: isoMs(start),
    conversations: counts[b] ?? 0,
  }));
  return {
    ...windowFields(window),
    group_by: unit,
    total_conversations: sum(data.map((p) => p.conversations)),
    data,
  };
}

/** GET /conversations/duration: mean, median and p90 over the window, and the mean per bucket. */
export function conversationDuration(scope: Scope, window: Window, unit: TimeUnit) {
  const series = sumBuckets(
    window,
    unit,
    vectorAdds((h) => scope.durations(h), DURATION_BINS),
    {
      width: DURATION_BINS,
      name: vectorName(scope, 'durations'),
    },
  );
  const buckets = perBucket(series, DURATION_BINS);
  const histogram = new Array<number>(DURATION_BINS).fill(0);
  for (const b of buckets)
    for (let i = 0; i < DURATION_BINS; i++) histogram[i] = (histogram[i] as number) + (b[i] as number);
  return {
    ...windowFields(window),
    group_by: unit,
    total_conversations: sum(histogram),
    avg_duration_seconds: round1(meanDuration(histogram)),
    median_duration_seconds: round1(quantileDuration(histogram, 0.5)),
    p90_duration_seconds: round1(quantileDuration(histogram, 0.9)),
    data: buckets.map((b, i) => ({
      period_start: isoMs(series.starts[i] as number),
      conversations: sum(b),
      avg_duration_seconds: round1(meanDuration(b)),
    })),
  };
}

/** GET /conversations/resolution: resolved + escalated + abandoned = total_conversations. */
export function conversationResolution(scope: Scope, window: Window) {
  const o = outcomesOf(scope, window);
  const all = o.resolved + o.escalated + o.abandoned;
  return {
    ...windowFields(window),
    total_conversations: all,
    resolved: o.resolved,
    escalated: o.escalated,
    abandoned: o.abandoned,
    resolution_rate: percentOf(o.resolved, all),
    escalation_rate: percentOf(o.escalated, all),
    abandonment_rate: percentOf(o.abandoned, all),
  };
}
