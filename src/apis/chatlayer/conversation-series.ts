/** Conversation counts and insight statistics of one or more bots, as SeriesData. */
import { cacheKey } from '../../core/bounded-cache.js';
import { checkHourBudget } from '../../core/budget.js';
import { type Knobs, knobsKey } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { type Groups, groupsOf, type HourAdds, type Sink, sumBuckets, sumWindow } from '../../core/series.js';
import { isoSeconds, type TimeUnit, type Window } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { API, type Bot, LEVEL, type Version } from './bot.js';
import type { TeamGroupField } from './query.js';
import { int32, type SeriesData, seriesDataOf } from './series-data.js';
import {
  type Cell,
  type CellQuery,
  type CellVisitor,
  cellStats,
  cellsInHour,
  eachCell,
  type SplitNode,
} from './traffic.js';

/** What a series request selects: whose conversations, which window, filters and groups. */
export interface SeriesQuery {
  bots: readonly Bot[];
  teamId: string;
  window: Window;
  unit: TimeUnit;
  versions: ReadonlySet<Version>;
  channels: ReadonlySet<string> | undefined;
  languages: ReadonlySet<string> | undefined;
  groupBy: readonly TeamGroupField[];
}

/** The insight statistics (doc), each a total per bucket (inferred). */
export type Stat = 'num_conversations' | 'duration_seconds' | 'num_messages';

/** The split level a group_by field needs, and its label for a cell (its path) of a bot. */
const FIELDS: Record<
  TeamGroupField,
  { level: number; label: (bot: Bot, path: readonly string[], teamId: string) => string }
> = {
  bot_id: { level: LEVEL.version, label: (bot) => bot.id },
  bot_version: { level: LEVEL.version, label: (_, path) => path[LEVEL.version] ?? '' },
  team_id: { level: LEVEL.version, label: (_bot, _path, teamId) => teamId },
  channel_type: { level: LEVEL.channel, label: (_, path) => path[LEVEL.channel] ?? '' },
  language: { level: LEVEL.language, label: (_, path) => path[LEVEL.language] ?? '' },
  campaign_id: { level: LEVEL.campaign, label: (_, path) => path[LEVEL.campaign] ?? '' },
  campaign_source: {
    level: LEVEL.campaign,
    label: (bot, path) => bot.campaignSources.get(path[LEVEL.campaign] ?? '') ?? '',
  },
};

/**
 * The hours that can hold data: from the oldest bot's creation up to the last complete hour before
 * now (inferred: analytics show an hour once it is over, so a series never changes for a past hour).
 * So a series holds until the hour in progress completes, if its window reaches that far, else for
 * good. More hours than the shared hour budget is a 400 (core/budget.ts).
 */
export function liveHours(q: SeriesQuery, clock: RequestClock): Window {
  const createdAt = Math.min(...q.bots.map((bot) => tenantProfile(bot.key).createdAt));
  return checkHourBudget(
    q.window,
    createdAt,
    clock.cappedToCompleteHours(q.window.end),
    `The range [start_time, end_time) (${isoSeconds(q.window.start)} to ${isoSeconds(q.window.end)})`,
  );
}

/** How deep the query must split each hour: its filters and group_by fields need their levels. */
export function cellQuery(q: SeriesQuery, minDepth: number): CellQuery {
  const keep = [q.versions, q.channels, q.languages, undefined];
  let depth = minDepth;
  if (q.channels) depth = Math.max(depth, LEVEL.channel);
  if (q.languages) depth = Math.max(depth, LEVEL.language);
  for (const field of q.groupBy) depth = Math.max(depth, FIELDS[field].level);
  return { depth, keep };
}

/**
 * The cache name of a query's series of `what`: everything its hours depend on besides the hour
 * (see core/series.ts `SumOptions.name`). The window and the live hours are keyed by the summer.
 */
function seriesName(q: SeriesQuery, knobs: Knobs, what: string): string {
  const sorted = (set: ReadonlySet<string> | undefined) => (set ? [...set].sort() : null);
  const selection = [
    q.bots.map((bot) => bot.id),
    q.teamId,
    sorted(q.versions),
    sorted(q.channels),
    sorted(q.languages),
    q.groupBy,
  ];
  return cacheKey(API, what, q.bots[0]?.key.seed ?? 0, knobsKey(knobs), JSON.stringify(selection));
}

/** Conversations started per bucket, one serie per group present (or one ungrouped serie). */
export function conversationSeries(q: SeriesQuery, clock: RequestClock, knobs: Knobs): SeriesData {
  const cq = cellQuery(q, LEVEL.version);
  const name = seriesName(q, knobs, 'conversations');
  const groups = groupsOf(name);
  // A cell's group depends only on its bot and path: worked out once per node, not per hour.
  const componentOf = new Map<SplitNode, number>();
  let bot = q.bots[0] as Bot;
  let sink: Sink | undefined;
  const visit: CellVisitor = (node, count) => {
    let component = componentOf.get(node);
    if (component === undefined) {
      component = groups.component(q.groupBy.map((field) => FIELDS[field].label(bot, node.path, q.teamId)));
      componentOf.set(node, component);
    }
    sink?.add(component, count);
  };
  const sums = sumBuckets(
    q.window,
    q.unit,
    (hour, to) => {
      sink = to;
      for (const b of q.bots) {
        bot = b;
        eachCell(b, hour, knobs, cq, visit);
      }
    },
    { live: liveHours(q, clock), width: q.groupBy.length === 0 ? 1 : 0, name, groups },
  );
  return seriesDataOf(sums, groups, q.groupBy);
}

/** Adds a cell's quantity: to the one serie of an ungrouped measure, or to the group of `label`. */
export type AddToSerie = (n: number, label?: string) => void;

/** A quantity drawn per (version, channel, language) cell and hour, as a series. */
export interface CellMeasure {
  /** What it counts, unique among measures (`users`, `intents`…): with `field`, it names the cached sums. */
  what: string;
  /** The field its series are grouped by (each label a serie), or none: one serie. */
  field?: string;
  /** Adds the quantity of one cell of a bot's hour. */
  perCell(bot: Bot, hour: number, cell: Cell, add: AddToSerie): void;
}

/** A measure's hourly adds for a query, and the cache name and Groups its sums are numbered by. */
function cellAdds(
  q: SeriesQuery,
  knobs: Knobs,
  measure: CellMeasure,
): { adds: HourAdds; name: string; groups: Groups } {
  const cq = cellQuery(q, LEVEL.language);
  // Grouped and ungrouped sums of one measure number their components differently: two names.
  const name = seriesName(q, knobs, `${measure.what}/${measure.field ?? ''}`);
  const groups = groupsOf(name);
  const componentOf = new Map<string, number>();
  let sink: Sink | undefined;
  const add: AddToSerie = (n, label) => {
    if (label === undefined) return sink?.add(0, n);
    let component = componentOf.get(label);
    if (component === undefined) {
      component = groups.component([label]);
      componentOf.set(label, component);
    }
    sink?.add(component, n);
  };
  const adds: HourAdds = (hour, to) => {
    sink = to;
    for (const bot of q.bots)
      for (const cell of cellsInHour(bot, hour, knobs, cq)) measure.perCell(bot, hour, cell, add);
  };
  return { adds, name, groups };
}

/**
 * Bucket sums of a quantity drawn per (version, channel, language) cell and hour, whatever the
 * filters, so that a filter only drops cells and every measure of a cell agrees with the others.
 */
export function cellSeries(
  q: SeriesQuery,
  clock: RequestClock,
  knobs: Knobs,
  measure: CellMeasure,
): SeriesData {
  const { adds, name, groups } = cellAdds(q, knobs, measure);
  const sums = sumBuckets(q.window, q.unit, adds, {
    live: liveHours(q, clock),
    width: measure.field === undefined ? 1 : 0,
    name,
    groups,
  });
  return seriesDataOf(sums, groups, measure.field === undefined ? [] : [measure.field]);
}

/** One group's total over a window: its label and the sum of its serie (int32, as a serie's `sum`). */
export interface LabelTotal {
  label: string;
  total: number;
}

/**
 * The window's total of a grouped measure per label, for each group that holds data: the `sum`s
 * that `cellSeries` gives its series, without summing bucket by bucket (same cached days).
 */
export function cellTotals(
  q: SeriesQuery,
  clock: RequestClock,
  knobs: Knobs,
  measure: CellMeasure & { field: string },
): LabelTotal[] {
  const { adds, name, groups } = cellAdds(q, knobs, measure);
  const sums = sumWindow(q.window, adds, { live: liveHours(q, clock), name, groups });
  const totals: LabelTotal[] = [];
  for (let component = 0; component < sums.length; component++) {
    const total = sums[component] as number;
    if (total > 0) totals.push({ label: groups.labels(component)[0] ?? '', total: int32(total) });
  }
  return totals;
}

/** One statistic per bucket, ungrouped; totals over cells, so a filter can only lower them. */
export function insightSeries(q: SeriesQuery, stat: Stat, clock: RequestClock, knobs: Knobs): SeriesData {
  return cellSeries(q, clock, knobs, {
    what: `insight:${stat}`,
    perCell: (bot, hour, cell, add) => {
      if (stat === 'num_conversations') add(cell.count);
      else {
        const stats = cellStats(bot, hour, cell);
        add(stat === 'num_messages' ? stats.messages : stats.durationSeconds);
      }
    },
  });
}
