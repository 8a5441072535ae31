/**
 * The common query of every analytics endpoint: the window `[dateFrom snapped, dateTo)`, its
 * buckets, the hours of recorded activity inside it, and the limits that keep the work bounded.
 */
import type { OperationInput } from '../../core/api.js';
import { checkHourBudget } from '../../core/budget.js';
import { MockError } from '../../core/errors.js';
import type { RequestClock } from '../../core/request-clock.js';
import { showValue } from '../../core/show-value.js';
import { bucketStartLabels, countBuckets, isoMs, MS_HOUR, parseInstant, startOf } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { type Workspace, workspaceOf } from './workspace.js';

/** The documented resolutions. */
export type Resolution = 'hour' | 'day' | 'week' | 'month' | 'quarter';

/** Instants accepted for dateFrom and dateTo (inferred: the epoch to the last 4-digit year). */
export const EARLIEST = Date.UTC(1970, 0, 1);
export const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** At most this many buckets per series (inferred: hourly data for more than a year). */
export const MAX_BUCKETS = 10_000;

/** Hour indexes [first, end) of the workspace's recorded activity inside the window. */
export interface HourRange {
  first: number;
  end: number;
}

/** What a request asks for, after validation. */
export interface AnalyticsQuery {
  client: string;
  resolution: Resolution;
  /** `dateFrom` snapped to the start of its resolution unit. */
  start: number;
  /** `dateTo` as given (exclusive). */
  end: number;
  /** Each bucket's start, as an ISO instant (shared: read only). */
  dates: readonly string[];
  hours: HourRange;
}

function instant(name: string, value: unknown): number {
  const text = String(value);
  const parsed = parseInstant(text);
  if (!parsed) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${showValue(text)}' is not a date; send an ISO 8601 date or date-time such as 2024-04-16T10:57:12.873Z.`,
    );
  }
  if (parsed.ms < EARLIEST || parsed.ms > LATEST) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${showValue(text)}' is outside the accepted range ${isoMs(EARLIEST)} to ${isoMs(LATEST)}.`,
    );
  }
  return parsed.ms;
}

/**
 * The hours that count: an hour's activity is recorded once the hour is over, and counts in a
 * window only when the whole hour lies inside it; nothing exists before the workspace was created.
 * A window reaching past now holds until the hour in progress is over.
 */
function activeHours(ws: Workspace, start: number, end: number, clock: RequestClock): HourRange {
  const createdAt = tenantProfile(ws.key).createdAt;
  const first = Math.ceil(Math.max(start, createdAt) / MS_HOUR);
  const last = Math.floor(clock.cappedToCompleteHours(end) / MS_HOUR);
  return { first, end: Math.max(first, last) };
}

/** Reads the validated query and the `wbb-client` header, enforces the window limits, finds the workspace. */
export function readQuery(input: OperationInput): { q: AnalyticsQuery; ws: Workspace } {
  const { query, headers } = input;
  const { seed, clock, knobs } = input.ctx;
  const client = String(query.client);
  const header = headers['wbb-client'];
  if (header !== undefined && header !== client) {
    throw new MockError(
      400,
      `Invalid header 'wbb-client': '${showValue(String(header))}' must equal the client query parameter ('${showValue(client)}'); send the same workspace in both, or leave the header out.`,
    );
  }
  const resolution = (query.resolution ?? 'day') as Resolution;
  const from = instant('dateFrom', query.dateFrom);
  const end = instant('dateTo', query.dateTo);
  if (end < from) {
    throw new MockError(
      400,
      `Invalid query parameter 'dateTo': ${isoMs(end)} is before dateFrom ${isoMs(from)}; send a dateTo at or after dateFrom.`,
    );
  }
  const start = startOf(from, resolution);
  const count = countBuckets({ start, end }, resolution);
  if (count > MAX_BUCKETS) {
    throw new MockError(
      400,
      `The window from dateFrom ${isoMs(start)} to dateTo ${isoMs(end)} holds ${count} ${resolution} buckets; at most ${MAX_BUCKETS} are returned: narrow the window or use a coarser resolution.`,
    );
  }
  const ws = workspaceOf(seed, client, knobs);
  // The shared hour budget (core/budget.ts): at most MAX_WALKED_HOURS hours are computed per request.
  checkHourBudget(
    { start, end },
    tenantProfile(ws.key).createdAt,
    // The budget counts every hour begun before now: it can only change when the next one begins.
    clock.cappedToStartedHours(end),
    `The window from dateFrom ${isoMs(start)} to dateTo ${isoMs(end)} of workspace '${showValue(client)}'`,
  );
  const hours = activeHours(ws, start, end, clock);
  // An empty world has no activity at all (and needs no work).
  const counted = knobs.empty ? { first: hours.first, end: hours.first } : hours;
  const dates = bucketStartLabels({ start, end }, resolution, isoMs);
  return { q: { client, resolution, start, end, dates, hours: counted }, ws };
}
