/** The SeriesQuery of a validated bot or team request: whose traffic, which window, filters, bucket. */
import type { OperationInput } from '../../core/api.js';
import { botOf, VERSIONS, type Version } from './bot.js';
import type { SeriesQuery } from './conversation-series.js';
import { type Bucket, readBucket, readGroupBy, readList, readWindow } from './query.js';
import { teamBotIds } from './team.js';

/** The buckets bot series accept (doc). */
export const BOT_BUCKETS: readonly Bucket[] = ['1h', '1d', '1w'];
/** The buckets team series accept (doc). */
export const TEAM_BUCKETS: readonly Bucket[] = ['1d', '1w', '1m'];

/** One read-only set per version, shared by every bot query of that version (not one per request). */
const ONE_VERSION = new Map<string, ReadonlySet<Version>>(VERSIONS.map((v) => [v, new Set([v])]));
/** Both versions, shared by every team query. */
const ALL_VERSIONS: ReadonlySet<Version> = new Set<Version>(VERSIONS);

/**
 * One bot, one version, its filters (`channel_type`, `language`: any strings; unknown ones match
 * nothing). Unbucketed (an operation without `bucket` that wants totals): yearly buckets, unchecked.
 */
export function botQuery(input: OperationInput, bucketed = true): SeriesQuery {
  const { query } = input;
  const window = readWindow(query);
  return {
    bots: [botOf(input.ctx.seed, input.path.bot_id as string)],
    teamId: '',
    window,
    unit: bucketed ? readBucket(window, (query.bucket as Bucket | undefined) ?? '1d', BOT_BUCKETS) : 'year',
    versions: ONE_VERSION.get(query.version as string) ?? new Set([query.version as Version]),
    channels: readList(query.channel_type),
    languages: readList(query.language),
    groupBy: readGroupBy(query.group_by),
  };
}

/** Every bot of a team, LIVE and DRAFT, with the request's filters and bucket. */
export function teamQuery(input: OperationInput, buckets: readonly Bucket[]): SeriesQuery {
  const { query, ctx } = input;
  const teamId = input.path.team_id as string;
  const window = readWindow(query);
  return {
    bots: teamBotIds(ctx.seed, teamId).map((id) => botOf(ctx.seed, id)),
    teamId,
    window,
    unit: readBucket(window, (query.bucket as Bucket | undefined) ?? '1d', buckets),
    versions: ALL_VERSIONS,
    channels: readList(query.channel_type),
    languages: readList(query.language),
    groupBy: readGroupBy(query.group_by),
  };
}
