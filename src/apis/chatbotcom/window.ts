/** The report window: `from`/`to` over `period`, periods against the mock clock (UTC), `dimension=auto`. */
import { MockError } from '../../core/errors.js';
import type { RequestClock } from '../../core/request-clock.js';
import { showValue } from '../../core/show-value.js';
import { addUnit, countBuckets, isoMs, MS_DAY, parseInstant, type Window } from '../../core/time.js';

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

/** A report's window, and whether it ends at now (then a report holds only while no new hour begins). */
export interface ReportWindow extends Window {
  endsAtNow: boolean;
}

/**
 * A window that ends at now. Every report counts whole hours, each from the moment it begins, and
 * its buckets start on hour boundaries: such a window's report holds until the next hour begins.
 */
function untilNow(start: number, clock: RequestClock): ReportWindow {
  return { start, end: clock.cappedToStartedHours(Number.POSITIVE_INFINITY), endsAtNow: true };
}

/** The window of a period on the request's clock, in UTC: the spec's table of periods. */
export function periodWindow(period: Period, clock: RequestClock): ReportWindow {
  const closed = (start: number, end: number): ReportWindow => ({ start, end, endsAtNow: false });
  switch (period) {
    case 'today':
      return untilNow(clock.startOf('day'), clock);
    case 'yesterday':
      return closed(clock.startOf('day') - MS_DAY, clock.startOf('day'));
    case 'last7days':
      return untilNow(clock.startOf('day') - 6 * MS_DAY, clock);
    case 'last30days':
      return untilNow(clock.startOf('day') - 29 * MS_DAY, clock);
    case 'thisMonth':
      return untilNow(clock.startOf('month'), clock);
    case 'lastMonth':
      return closed(addUnit(clock.startOf('month'), 'month', -1), clock.startOf('month'));
    case 'last3Months':
      return untilNow(addUnit(clock.startOf('month'), 'month', -2), clock);
    case 'thisYear':
      return untilNow(clock.startOf('year'), clock);
    case 'lastYear':
      return closed(addUnit(clock.startOf('year'), 'year', -1), clock.startOf('year'));
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
export function reportWindow(query: Record<string, unknown>, clock: RequestClock): ReportWindow {
  const from = query.from as string | undefined;
  const to = query.to as string | undefined;
  if (from === undefined && to === undefined) return periodWindow(query.period as Period, clock);
  const start = from === undefined ? DEFAULT_FROM : instant('from', from).ms;
  if (to === undefined) {
    const open = untilNow(start, clock);
    // Once 'from' is not later than now it never is again; the 400 names now itself.
    if (start > open.end) {
      throw new MockError(
        400,
        `Invalid query parameters 'from' and 'to': 'from' (${isoMs(start)}) must not be later than 'to' (now, ${isoMs(clock.exact())}).`,
      );
    }
    return open;
  }
  const end = instant('to', to);
  // The last instant `to` still covers: its whole day when it is a date alone.
  const last = end.dateOnly ? end.ms + MS_DAY - 1 : end.ms;
  if (start > last) {
    throw new MockError(
      400,
      `Invalid query parameters 'from' and 'to': 'from' (${isoMs(start)}) must not be later than 'to' (${showValue(to)}).`,
    );
  }
  return { start, end: end.dateOnly ? end.ms + MS_DAY : end.ms, endsAtNow: false };
}

/**
 * `dimension=auto` (inferred): hour up to 2 days, day up to 90 days, month up to 3 years, else year.
 * A window ending at now grows: its dimension holds until it passes the next of those lengths.
 */
export function resolveDimension(
  dimension: Dimension,
  window: ReportWindow,
  clock: RequestClock,
): SeriesUnit {
  if (dimension !== 'auto') return dimension;
  const longer = (days: number) =>
    window.endsAtNow
      ? clock.reached(window.start + days * MS_DAY + 1)
      : (window.end - window.start) / MS_DAY > days;
  if (!longer(2)) return 'hour';
  if (!longer(90)) return 'day';
  if (!longer(1096)) return 'month';
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
