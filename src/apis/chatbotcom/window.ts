/** The report window: `from`/`to` over `period`, periods against the mock clock (UTC), `dimension=auto`. */
import { MockError } from '../../core/errors.js';
import { showValue } from '../../core/show-value.js';
import { addUnit, countBuckets, isoMs, MS_DAY, parseInstant, startOf, type Window } from '../../core/time.js';

/** The documented periods. */
export type Period =
  | 'today'
  | 'yesterday'
  | 'last7days'
  | 'last30days'
  | 'thisMonth'
  | 'lastMonth'
  | 'last3Months'
  | 'thisYear'
  | 'lastYear';

/** The documented dimensions; `auto` resolves to one of the others. */
export type Dimension = 'auto' | 'year' | 'month' | 'day' | 'hour';

/** The bucket size of a series: a dimension other than `auto`. */
export type SeriesUnit = Exclude<Dimension, 'auto'>;

/** The documented default of `from` (vendor: 1974-1-1). */
export const DEFAULT_FROM = Date.UTC(1974, 0, 1);

/**
 * The most points one series may have (inferred): day points over the documented default window
 * (1974-01-01 → now, about 19,000) fit, hour points over more than about 2.8 years do not.
 */
export const MAX_POINTS = 25_000;

/** The window of a period at `now`, in UTC: the spec's table of periods. */
export function periodWindow(period: Period, now: number): Window {
  const today = startOf(now, 'day');
  const month = startOf(now, 'month');
  const year = startOf(now, 'year');
  switch (period) {
    case 'today':
      return { start: today, end: now };
    case 'yesterday':
      return { start: today - MS_DAY, end: today };
    case 'last7days':
      return { start: today - 6 * MS_DAY, end: now };
    case 'last30days':
      return { start: today - 29 * MS_DAY, end: now };
    case 'thisMonth':
      return { start: month, end: now };
    case 'lastMonth':
      return { start: addUnit(month, 'month', -1), end: month };
    case 'last3Months':
      return { start: addUnit(month, 'month', -2), end: now };
    case 'thisYear':
      return { start: year, end: now };
    case 'lastYear':
      return { start: addUnit(year, 'year', -1), end: year };
  }
}

function instant(name: string, value: string): { ms: number; dateOnly: boolean } {
  const parsed = parseInstant(value);
  if (!parsed) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${showValue(value)}' is not a real date; send YYYY-MM-DD or an ISO 8601 instant such as 2019-03-17T00:00:00Z.`,
    );
  }
  return parsed;
}

/**
 * The window a report covers: explicit `from`/`to` win over `period` (the missing one takes its
 * documented default); a date-only `to` covers that whole day. `from` later than `to` is a 400.
 */
export function reportWindow(query: Record<string, unknown>, now: number): Window {
  const from = query.from as string | undefined;
  const to = query.to as string | undefined;
  if (from === undefined && to === undefined) return periodWindow(query.period as Period, now);
  const start = from === undefined ? DEFAULT_FROM : instant('from', from).ms;
  const end = to === undefined ? { ms: now, dateOnly: false } : instant('to', to);
  // The last instant `to` still covers: its whole day when it is a date alone.
  const last = end.dateOnly ? end.ms + MS_DAY - 1 : end.ms;
  if (start > last) {
    throw new MockError(
      400,
      `Invalid query parameters 'from' and 'to': 'from' (${isoMs(start)}) must not be later than 'to' (${to === undefined ? `now, ${isoMs(now)}` : showValue(to)}).`,
    );
  }
  return { start, end: end.dateOnly ? end.ms + MS_DAY : end.ms };
}

/** `dimension=auto` (inferred): hour up to 2 days, day up to 90 days, month up to 3 years, else year. */
export function resolveDimension(dimension: Dimension, window: Window): SeriesUnit {
  if (dimension !== 'auto') return dimension;
  const days = (window.end - window.start) / MS_DAY;
  if (days <= 2) return 'hour';
  if (days <= 90) return 'day';
  if (days <= 1096) return 'month';
  return 'year';
}

/** Refuses a series longer than MAX_POINTS with a 400 that names the limit and how to stay under it. */
export function checkPoints(window: Window, unit: SeriesUnit): void {
  const points = countBuckets(window, unit);
  if (points > MAX_POINTS) {
    throw new MockError(
      400,
      `Invalid query parameter 'dimension': the window from ${isoMs(window.start)} to ${isoMs(window.end)} has ${points} ${unit} points; the limit is ${MAX_POINTS} points per series. Send a larger dimension (day, month, year) or a shorter window (from/to or period).`,
    );
  }
}
