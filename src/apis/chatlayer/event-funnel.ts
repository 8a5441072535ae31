/**
 * The events funnel: how many users did each step's event, in step order. A user's progress moves
 * on when their next matching event comes (sequential: other events may come between; strict: any
 * other event of theirs ends the attempt, and they may start over). A user counts at every step
 * up to the furthest they reached, so counts never increase.
 */
import { type AttributeFilter, passesAll } from './event-filters.js';
import type { TrackingEvent } from './events.js';

/** A funnel step as sent (FunnelStep). */
export interface FunnelStepInput {
  order?: number;
  event_id?: string;
  properties?: AttributeFilter[];
}

/** One step result (FunnelStepResult). */
export interface FunnelStepResult {
  event_id: string;
  count: number;
  order: number;
  breakdown_value: string;
}

interface Progress {
  at: number;
  best: number;
  cohort: string;
}

/** The funnel over events given in time order. */
export function computeFunnel(
  events: Iterable<TrackingEvent>,
  input: readonly FunnelStepInput[],
  strict: boolean,
  breakdown: string | undefined,
): { values: FunnelStepResult[] }[] {
  const steps = input
    .map((s, i) => ({ order: s.order ?? i + 1, eventId: s.event_id ?? '', filters: s.properties, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const matches = (e: TrackingEvent, k: number) => {
    const step = steps[k];
    return step !== undefined && e.event === step.eventId && passesAll(e, step.filters);
  };
  const users = new Map<string, Progress>();
  for (const e of events) {
    let p = users.get(e.user_id);
    if (matches(e, p?.at ?? 0)) {
      if (!p) {
        const cohort =
          breakdown === undefined
            ? ''
            : breakdown === 'channel_type'
              ? e.channel_type
              : (e.attributes[breakdown] ?? '');
        p = { at: 0, best: 0, cohort };
        users.set(e.user_id, p);
      }
      p.at++;
      p.best = Math.max(p.best, p.at);
      if (p.at === steps.length) p.at = 0;
    } else if (strict && p && p.at > 0) {
      p.at = matches(e, 0) ? 1 : 0;
    }
  }
  const cohorts = new Map<string, number[]>();
  if (breakdown === undefined) cohorts.set('', new Array<number>(steps.length).fill(0));
  for (const p of users.values()) {
    const counts = cohorts.get(p.cohort) ?? new Array<number>(steps.length).fill(0);
    for (let k = 0; k < p.best; k++) counts[k] = (counts[k] ?? 0) + 1;
    cohorts.set(p.cohort, counts);
  }
  return [...cohorts.keys()].sort().map((cohort) => ({
    values: steps.map((s, k) => ({
      event_id: s.eventId,
      count: cohorts.get(cohort)?.[k] ?? 0,
      order: s.order,
      breakdown_value: cohort,
    })),
  }));
}
