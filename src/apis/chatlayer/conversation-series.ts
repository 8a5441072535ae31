/** Conversation counts and insight statistics of one or more bots, as SeriesData. */
import { checkHourBudget } from '../../core/budget.js';
import type { Knobs } from '../../core/knobs.js';
import { isoSeconds, MS_HOUR, type TimeUnit, type Window } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { type Bot, LEVEL, type Version } from './bot.js';
import { type AddToGroup, groupedBucketSums } from './grouped-sums.js';
import type { TeamGroupField } from './query.js';
import { type SeriesData, seriesDataOf } from './series-data.js';
import { type Cell, type CellQuery, cellStats, cellsInHour } from './traffic.js';

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

/** The split level a group_by field needs, and its label for a cell of a bot. */
const FIELDS: Record<
  TeamGroupField,
  { level: number; label: (bot: Bot, cell: Cell, teamId: string) => string }
> = {
  bot_id: { level: LEVEL.version, label: (bot) => bot.id },
  bot_version: { level: LEVEL.version, label: (_, cell) => cell.path[LEVEL.version] ?? '' },
  team_id: { level: LEVEL.version, label: (_bot, _cell, teamId) => teamId },
  channel_type: { level: LEVEL.channel, label: (_, cell) => cell.path[LEVEL.channel] ?? '' },
  language: { level: LEVEL.language, label: (_, cell) => cell.path[LEVEL.language] ?? '' },
  campaign_id: { level: LEVEL.campaign, label: (_, cell) => cell.path[LEVEL.campaign] ?? '' },
  campaign_source: {
    level: LEVEL.campaign,
    label: (bot, cell) => bot.campaignSources.get(cell.path[LEVEL.campaign] ?? '') ?? '',
  },
};

/**
 * The hours that can hold data: from the oldest bot's creation up to the last complete hour before
 * now (inferred: analytics show an hour once it is over, so a series never changes for a past hour).
 * More hours than the shared hour budget is a 400 (core/budget.ts).
 */
export function liveHours(q: SeriesQuery, now: number): Window {
  const createdAt = Math.min(...q.bots.map((bot) => tenantProfile(bot.key).createdAt));
  return checkHourBudget(
    q.window,
    createdAt,
    Math.floor(now / MS_HOUR) * MS_HOUR,
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

/** Conversations started per bucket, one serie per group present (or one ungrouped serie). */
export function conversationSeries(q: SeriesQuery, now: number, knobs: Knobs): SeriesData {
  const cq = cellQuery(q, LEVEL.version);
  const sums = groupedBucketSums(q.window, q.unit, liveHours(q, now), (hour, add) => {
    for (const bot of q.bots) {
      for (const cell of cellsInHour(bot, hour, knobs, cq)) {
        add(
          q.groupBy.map((field) => FIELDS[field].label(bot, cell, q.teamId)),
          cell.count,
        );
      }
    }
  });
  return seriesDataOf(sums, q.groupBy);
}

/** Adds a quantity of one (version, channel, language) cell of a bot's hour to a group. */
export type PerCell = (bot: Bot, hour: number, cell: Cell, add: AddToGroup) => void;

/**
 * Bucket sums of a quantity drawn per (version, channel, language) cell and hour, whatever the
 * filters, so that a filter only drops cells and every measure of a cell agrees with the others.
 */
export function cellSeries(
  q: SeriesQuery,
  now: number,
  knobs: Knobs,
  fields: readonly string[],
  perCell: PerCell,
): SeriesData {
  const cq = cellQuery(q, LEVEL.language);
  const sums = groupedBucketSums(q.window, q.unit, liveHours(q, now), (hour, add) => {
    for (const bot of q.bots)
      for (const cell of cellsInHour(bot, hour, knobs, cq)) perCell(bot, hour, cell, add);
  });
  return seriesDataOf(sums, fields);
}

/** One statistic per bucket, ungrouped; totals over cells, so a filter can only lower them. */
export function insightSeries(q: SeriesQuery, stat: Stat, now: number, knobs: Knobs): SeriesData {
  return cellSeries(q, now, knobs, [], (bot, hour, cell, add) => {
    if (stat === 'num_conversations') add([], cell.count);
    else {
      const stats = cellStats(bot, hour, cell);
      add([], stat === 'num_messages' ? stats.messages : stats.durationSeconds);
    }
  });
}
