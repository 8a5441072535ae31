/**
 * The event stream of some bots over a window: generated events of the hours that are over, and
 * the events a client tracked with the same token, merged in time order and paged statelessly.
 */
import { checkHourBudget } from '../../core/budget.js';
import type { Knobs } from '../../core/knobs.js';
import { isoMs, MS_HOUR, type Window } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import type { Bot } from './bot.js';
import { byTime, eventCells, hourEvents, type TrackingEvent } from './events.js';
import { type PagerQuery, pageOf } from './hourly-pager.js';
import { readShelf } from './store.js';

/** What a stream request selects. */
export interface StreamQuery {
  seed: number;
  bots: readonly Bot[];
  versions: ReadonlySet<string>;
  window: Window;
  /** Keeps an event (the request's filters). */
  keep: (event: TrackingEvent) => boolean;
  /** The filters as sent: a page token belongs to them. */
  filterKey: string;
  /** The app and token whose tracked events join the stream. */
  app: object;
  token: string;
}

/** The tracked events of the query's bots and versions in its window, by hour. */
function trackedByHour(q: StreamQuery): Map<number, TrackingEvent[]> {
  const byHour = new Map<number, TrackingEvent[]>();
  for (const bot of q.bots) {
    for (const event of readShelf(q.app, q.seed, q.token, bot.id)?.events.values() ?? []) {
      if (!q.versions.has(event.version) || event.ms < q.window.start || event.ms >= q.window.end) continue;
      const hour = Math.floor(event.ms / MS_HOUR);
      byHour.set(hour, [...(byHour.get(hour) ?? []), event]);
    }
  }
  return byHour;
}

/** The pager over a stream: live hours (budget-checked) plus the hours of tracked events. */
export function streamPager(
  q: StreamQuery,
  now: number,
  knobs: Knobs,
  pageSize: number,
): PagerQuery<TrackingEvent> {
  const createdAt = Math.min(...q.bots.map((bot) => tenantProfile(bot.key).createdAt));
  const live = checkHourBudget(
    q.window,
    createdAt,
    Math.floor(now / MS_HOUR) * MS_HOUR,
    `The range [start_time, end_time) (${isoMs(q.window.start)} to ${isoMs(q.window.end)})`,
  );
  const first = Math.floor(live.start / MS_HOUR);
  const last = live.end > live.start ? Math.ceil(live.end / MS_HOUR) - 1 : first - 1;
  const tracked = trackedByHour(q);
  const cq = eventCells(q.versions);
  return {
    scope: [q.seed, ...q.bots.map((b) => b.id), ...q.versions, q.window.start, q.window.end, q.filterKey],
    window: q.window,
    first,
    last,
    extraHours: [...tracked.keys()].filter((h) => h < first || h > last).sort((a, b) => a - b),
    itemsIn(hour) {
      const generated = hour >= first && hour <= last ? hourEvents(q.bots, hour, knobs, cq) : [];
      const extra = tracked.get(hour);
      const all = extra ? [...generated, ...extra].sort(byTime) : generated;
      return all.filter(q.keep);
    },
    pageSize,
  };
}

/** The wire form of an event (without the ordering instant). */
export function wireEvent(event: TrackingEvent): Omit<TrackingEvent, 'ms'> {
  const { ms: _, ...wire } = event;
  return wire;
}

/** One page of a stream. */
export function streamPage(
  q: StreamQuery,
  now: number,
  knobs: Knobs,
  pageSize: number,
  token: string | undefined,
): { events: Omit<TrackingEvent, 'ms'>[]; next_page_token: string } {
  const { items, next } = pageOf(streamPager(q, now, knobs, pageSize), token);
  return { events: items.map(wireEvent), next_page_token: next };
}
