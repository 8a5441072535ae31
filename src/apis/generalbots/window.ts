/** The time window of a request: explicit dates over `days` over `period` over the last 30 days. */
import { MockError } from '../../core/errors.js';
import type { RequestClock } from '../../core/request-clock.js';
import { showValue } from '../../core/show-value.js';
import {
  countBuckets,
  isoMs,
  MS_DAY,
  parseInstant,
  startOf,
  type TimeUnit,
  type Window,
} from '../../core/time.js';

/** The longest window, in days (bounds the work of one request). */
export const MAX_WINDOW_DAYS = 3650;
/** The most points one series may have (group_by=hour allows about 416 days). */
export const MAX_POINTS = 10_000;
/** The window when nothing is given, and before an end_date given alone. */
export const DEFAULT_DAYS = 30;

/** The instants a body can state (ISO 8601 with four-digit years): 0000-01-01 to 9999-12-31. */
const FIRST_INSTANT = -62_167_219_200_000;
const LAST_INSTANT = 253_402_300_799_999;

const PERIOD_DAYS: Record<string, number> = { week: 7, month: 30, year: 365 };

/** What selects a window, in the query or a report body. */
export interface WindowInput {
  start_date?: unknown;
  end_date?: unknown;
  days?: unknown;
  period?: unknown;
}

function invalid(message: string): MockError {
  return new MockError(400, message, { code: 'invalid_parameter' });
}

/** Reads an instant; a date-only end covers that whole day. */
function instant(name: string, value: unknown, isEnd: boolean): number {
  const parsed = parseInstant(String(value));
  if (!parsed) {
    throw invalid(
      `Invalid ${name}: '${showValue(String(value))}' is not a calendar date; send an ISO 8601 date or instant such as 2025-01-31 or 2025-01-31T12:00:00Z.`,
    );
  }
  return isEnd && parsed.dateOnly ? parsed.ms + MS_DAY : parsed.ms;
}

/** The N UTC days ending today: [midnight N-1 days before today, now). */
function lastDays(days: number, now: number): Window {
  return { start: startOf(now, 'day') - (days - 1) * MS_DAY, end: now };
}

/** Explicit dates: a missing end is now, a missing start is 30 days before the end. */
function explicit(input: WindowInput, nowOf: () => number): Window {
  const hasStart = input.start_date !== undefined;
  const hasEnd = input.end_date !== undefined;
  const end = hasEnd ? instant('end_date', input.end_date, true) : nowOf();
  const start = hasStart ? instant('start_date', input.start_date, false) : end - DEFAULT_DAYS * MS_DAY;
  if (hasStart && hasEnd && end <= start) {
    throw invalid(
      `Invalid end_date: '${showValue(String(input.end_date))}' must be after start_date '${showValue(String(input.start_date))}'.`,
    );
  }
  if (end - start > MAX_WINDOW_DAYS * MS_DAY) {
    const days = Math.round(((end - start) / MS_DAY) * 100) / 100;
    throw invalid(
      `Invalid window: from start_date ${isoMs(start)} to end_date ${isoMs(end)} is ${days} days; the limit is ${MAX_WINDOW_DAYS} days.`,
    );
  }
  return { start, end: Math.max(end, start) };
}

/**
 * The window a request asks for (precedence: start_date/end_date, then days, then period, then
 * the last 30 days), before clamping: reports echo it as asked. `nowOf` is read only by a window
 * that ends at now.
 */
export function requestedWindow(input: WindowInput, nowOf: () => number): Window {
  if (input.start_date !== undefined || input.end_date !== undefined) return explicit(input, nowOf);
  if (input.days !== undefined) return lastDays(Number(input.days), nowOf());
  if (input.period === 'today') {
    const now = nowOf();
    return { start: startOf(now, 'day'), end: now };
  }
  return lastDays(PERIOD_DAYS[String(input.period)] ?? DEFAULT_DAYS, nowOf());
}

/** Clamps a window's end to an instant: nothing exists after it; a window starting later is empty. */
export function clampWindow(window: Window, until: number): Window {
  return { start: window.start, end: Math.max(window.start, Math.min(window.end, until)) };
}

/** Refuses a window whose bounds cannot be written as four-digit-year instants. */
export function checkStatable(window: Window): Window {
  if (window.start < FIRST_INSTANT || window.end > LAST_INSTANT) {
    throw invalid(
      `Invalid window: it would run from ${isoMs(window.start)} to ${isoMs(window.end)}; dates must lie between 0000-01-01 and 9999-12-31.`,
    );
  }
  return window;
}

/**
 * The window of a query, clamped to now. Its end is echoed to the millisecond: a window that ends at
 * now (or reaches past it) holds for this millisecond only; one that ended before now, for good.
 */
export function resolveWindow(input: WindowInput, clock: RequestClock): Window {
  const window = requestedWindow(input, () => clock.exact());
  return checkStatable(clampWindow(window, clock.capped(window.end)));
}

/** Refuses a series with more points than MAX_POINTS, naming the limit and what to change. */
export function checkPoints(window: Window, unit: TimeUnit): void {
  const points = countBuckets(window, unit);
  if (points > MAX_POINTS) {
    throw invalid(
      `Invalid group_by: '${unit}' gives ${points} points for this window; the limit is ${MAX_POINTS} points. Use a coarser group_by or a shorter window.`,
    );
  }
}
