/** Reading a Chatlayer request: the window, the bucket and its documented rule, filters and group_by. */
import { MockError } from '../../core/errors.js';
import { distinct, listItems } from '../../core/list-values.js';
import { showValue } from '../../core/show-value.js';
import {
  countBuckets,
  isoSeconds,
  MS_DAY,
  MS_HOUR,
  parseInstant,
  type TimeUnit,
  type Window,
} from '../../core/time.js';

/** The most buckets a series may have (inferred cap, so that no request means unbounded work). */
export const MAX_BUCKETS = 10_000;

/** The documented bucket values and the UTC unit each stands for (1m = calendar month, inferred). */
export const BUCKET_UNITS = { '1h': 'hour', '1d': 'day', '1w': 'week', '1m': 'month' } as const;
/** A bucket value. */
export type Bucket = keyof typeof BUCKET_UNITS;

// google.protobuf.Timestamp (grpc-gateway) holds 0001-01-01T00:00:00Z up to the end of 9999.
const TIMESTAMP_MAX = Date.UTC(10000, 0, 1);

function instant(name: string, value: unknown): number {
  const text = String(value);
  const parsed = parseInstant(text);
  if (!parsed || parsed.ms >= TIMESTAMP_MAX) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${showValue(text)}' is not a valid timestamp; send an RFC 3339 instant from year 0100 to 9999, such as 2025-03-01T00:00:00Z.`,
    );
  }
  return parsed.ms;
}

/** The half-open window [start_time, end_time); end_time must be after start_time. */
export function readWindow(query: Record<string, unknown>): Window {
  const start = instant('start_time', query.start_time);
  const end = instant('end_time', query.end_time);
  if (end <= start) {
    throw new MockError(
      400,
      `Invalid time range: end_time ${isoSeconds(end)} must be after start_time ${isoSeconds(start)} (end_time is exclusive).`,
    );
  }
  return { start, end };
}

/** The instant one calendar month after `ms`, the day clamped to that month's length (Jan 31 → Feb 28). */
export function oneMonthAfter(ms: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const days = new Date(d);
  days.setUTCMonth(days.getUTCMonth() + 1, 0);
  d.setUTCDate(Math.min(day, days.getUTCDate()));
  return d.getTime();
}

function bucketEnd(start: number, bucket: Bucket): number {
  if (bucket === '1h') return start + MS_HOUR;
  if (bucket === '1d') return start + MS_DAY;
  if (bucket === '1w') return start + 7 * MS_DAY;
  return oneMonthAfter(start);
}

/**
 * The unit of a bucket that is smaller than the window (doc: "The interval should be smaller than
 * the range"), and gives at most MAX_BUCKETS buckets (inferred).
 */
export function readBucket(window: Window, bucket: Bucket, accepted: readonly Bucket[]): TimeUnit {
  if (bucketEnd(window.start, bucket) >= window.end) {
    const smaller = accepted.slice(0, accepted.indexOf(bucket));
    const hint =
      smaller.length > 0 ? `a smaller bucket (${smaller.join(', ')}) or a longer range` : 'a longer range';
    throw new MockError(
      400,
      `Invalid query parameter 'bucket': ${bucket} must be smaller than the range [start_time, end_time) (${isoSeconds(window.start)} to ${isoSeconds(window.end)}); send ${hint}.`,
    );
  }
  const unit = BUCKET_UNITS[bucket];
  const count = countBuckets(window, unit);
  if (count > MAX_BUCKETS) {
    const larger = accepted.slice(accepted.indexOf(bucket) + 1);
    const hint =
      larger.length > 0 ? `a larger bucket (${larger.join(', ')}) or a shorter range` : 'a shorter range';
    throw new MockError(
      400,
      `Invalid query parameter 'bucket': ${bucket} cuts the range into ${count} buckets; at most ${MAX_BUCKETS} are allowed; send ${hint}.`,
    );
  }
  return unit;
}

/** A filter as a set: from an array (repeated or comma-separated) or a comma-separated string; undefined when absent. */
export function readList(value: unknown): ReadonlySet<string> | undefined {
  const set = new Set(listItems(value, { trim: true }));
  return set.size === 0 ? undefined : set;
}

/** The team group_by fields (doc). */
export const TEAM_GROUP_FIELDS = [
  'bot_id',
  'bot_version',
  'team_id',
  'channel_type',
  'language',
  'campaign_id',
  'campaign_source',
] as const;
/** A team group_by field. */
export type TeamGroupField = (typeof TEAM_GROUP_FIELDS)[number];

/** The group_by list in request order, names trimmed and each kept once (the spec's pattern checked the names). */
export function readGroupBy(value: unknown): TeamGroupField[] {
  return distinct(listItems(value, { trim: true })) as TeamGroupField[];
}
