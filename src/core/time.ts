/** Instants, UTC units and buckets: parsing what vendors accept and cutting windows into series. */

export const MS_HOUR = 3_600_000;
export const MS_DAY = 86_400_000;

/** A time unit buckets align to (UTC; weeks start Monday; quarters start Jan/Apr/Jul/Oct). */
export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A half-open window [start, end) in epoch milliseconds. */
export interface Window {
  start: number;
  end: number;
}

/** Date.UTC for every year: Date.UTC reads years 0–99 as 1900–1999, which this corrects. */
export function utc(
  year: number,
  monthIndex: number,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0,
): number {
  const ms = Date.UTC(year, monthIndex, day, hour, minute, second, millis);
  if (year < 0 || year > 99) return ms;
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - 1900);
  return d.getTime();
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Parsed instant, and whether the text was a date alone (some vendors read a date-only end as "that whole day"). */
export interface ParsedInstant {
  ms: number;
  dateOnly: boolean;
}

/**
 * Parses an ISO 8601 date or date-time as vendors accept it: a date alone is midnight UTC, a time
 * without zone is UTC. Returns undefined for anything else, including impossible dates (2025-02-30).
 */
export function parseInstant(text: string): Readonly<ParsedInstant> | undefined {
  if (text.length > PARSED_TEXT_LIMIT) return readInstant(text);
  let parsed = parsedInstants.get(text);
  if (parsed === undefined && !parsedInstants.has(text)) {
    parsed = readInstant(text);
    if (parsed) Object.freeze(parsed);
    if (parsedInstants.size >= PARSED_LIMIT) parsedInstants.clear();
    parsedInstants.set(text, parsed);
  }
  return parsed;
}

// Requests repeat their instants (a dashboard polls the same window): each text is parsed once,
// while the memo holds it (cleared when full, so memory stays bounded; longer texts than any
// instant are not kept).
const parsedInstants = new Map<string, ParsedInstant | undefined>();
const PARSED_LIMIT = 4096;
const PARSED_TEXT_LIMIT = 64;

function readInstant(text: string): ParsedInstant | undefined {
  const m = INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const millis = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = utc(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCFullYear() !== year) return undefined;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offH = Number(digits.slice(0, 2));
    const offM = Number(digits.slice(2, 4));
    if (offH > 23 || offM > 59) return undefined;
    ms -= sign * (offH * 60 + offM) * 60_000;
  }
  return { ms, dateOnly: h === undefined };
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** 10000-01-01T00:00:00Z: instants before it have a four-digit year. */
export const YEAR_10000 = 253_402_300_800_000;

/**
 * Date#toISOString for an instant in years 1970–9999, from the civil calendar of its day (Howard
 * Hinnant's days-to-civil), without a Date object: rows format two timestamps each, and
 * toISOString cost several times as much. Property-tested against toISOString.
 */
function formatIso(ms: number): string {
  if (!(ms >= 0 && ms < YEAR_10000 && Number.isInteger(ms))) return new Date(ms).toISOString();
  const days = Math.floor(ms / MS_DAY);
  let rest = ms - days * MS_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / MS_HOUR);
  rest -= hour * MS_HOUR;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const d = TWO_DIGITS;
  return `${d[Math.floor(year / 100)]}${d[year % 100]}-${d[month]}-${d[day]}T${d[hour]}:${d[minute]}:${d[second]}.${THREE_DIGITS[rest - second * 1000]}Z`;
}

// Series format the same bucket starts request after request: whole hours (every bucket start, a
// pinned clock) are remembered, cleared when full so memory stays bounded. Other instants (rows'
// timestamps, each one different) are formatted directly.
const isoCache = new Map<number, string>();
const ISO_CACHE_LIMIT = 20_000;

/** ISO 8601 with milliseconds in UTC (2024-04-01T00:00:00.000Z). */
export function isoMs(ms: number): string {
  if (ms % MS_HOUR !== 0) return formatIso(ms);
  let iso = isoCache.get(ms);
  if (iso === undefined) {
    iso = formatIso(ms);
    if (isoCache.size >= ISO_CACHE_LIMIT) isoCache.clear();
    isoCache.set(ms, iso);
  }
  return iso;
}

const isoSecondsCache = new Map<number, string>();

/** RFC 3339 in UTC without fractional seconds (2024-04-01T00:00:00Z); whole hours remembered as isoMs's. */
export function isoSeconds(ms: number): string {
  if (ms % MS_HOUR !== 0) return isoMs(ms).replace(/\.\d{3}Z$/, 'Z');
  let iso = isoSecondsCache.get(ms);
  if (iso === undefined) {
    iso = isoMs(ms).replace(/\.\d{3}Z$/, 'Z');
    if (isoSecondsCache.size >= ISO_CACHE_LIMIT) isoSecondsCache.clear();
    isoSecondsCache.set(ms, iso);
  }
  return iso;
}

/** The start of the UTC unit containing the instant. */
export function startOf(ms: number, unit: TimeUnit): number {
  const d = new Date(ms);
  switch (unit) {
    case 'hour':
      return Math.floor(ms / MS_HOUR) * MS_HOUR;
    case 'day':
      return Math.floor(ms / MS_DAY) * MS_DAY;
    case 'week': {
      const day = Math.floor(ms / MS_DAY) * MS_DAY;
      const dow = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
      return day - dow * MS_DAY;
    }
    case 'month':
      return utc(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'quarter':
      return utc(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    case 'year':
      return utc(d.getUTCFullYear(), 0, 1);
  }
}

/** The start of the next unit after the one starting at `start`. */
export function addUnit(start: number, unit: TimeUnit, count = 1): number {
  switch (unit) {
    case 'hour':
      return start + count * MS_HOUR;
    case 'day':
      return start + count * MS_DAY;
    case 'week':
      return start + count * 7 * MS_DAY;
    case 'month': {
      const d = new Date(start);
      const months = d.getUTCMonth() + count;
      return utc(d.getUTCFullYear() + Math.floor(months / 12), ((months % 12) + 12) % 12, 1);
    }
    case 'quarter':
      return addUnit(start, 'month', 3 * count);
    case 'year':
      return utc(new Date(start).getUTCFullYear() + count, 0, 1);
  }
}

/** One bucket of a series: its aligned start, and the part of the window it covers. */
export interface Bucket {
  start: number;
  from: number;
  to: number;
}

/** The buckets of a unit that intersect [start, end), aligned to UTC unit boundaries. */
export function bucketsOf(window: Window, unit: TimeUnit): Bucket[] {
  const buckets: Bucket[] = [];
  if (window.end <= window.start) return buckets;
  for (let b = startOf(window.start, unit); b < window.end; b = addUnit(b, unit)) {
    const next = addUnit(b, unit);
    buckets.push({ start: b, from: Math.max(b, window.start), to: Math.min(next, window.end) });
  }
  return buckets;
}

/** The ordinal of the unit containing an instant: consecutive units have consecutive ordinals. */
function unitOrdinal(ms: number, unit: TimeUnit): number {
  const d = new Date(ms);
  switch (unit) {
    case 'hour':
      return Math.floor(ms / MS_HOUR);
    case 'day':
      return Math.floor(ms / MS_DAY);
    case 'week':
      // Weeks start on Monday; the epoch (1970-01-01) is a Thursday, 3 days after one.
      return Math.floor((ms + 3 * MS_DAY) / (7 * MS_DAY));
    case 'month':
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    case 'quarter':
      return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
    case 'year':
      return d.getUTCFullYear();
  }
}

/** How many buckets `bucketsOf(window, unit)` would list, counted without building the list. */
export function countBuckets(window: Window, unit: TimeUnit): number {
  if (!(window.end > window.start)) return 0;
  return unitOrdinal(window.end - 1, unit) - unitOrdinal(window.start, unit) + 1;
}

// Series show the same bucket starts request after request: their labels are remembered per window,
// unit and format (cleared when full, so memory stays bounded).
const startLabelLists = new Map<string, readonly string[]>();
const START_LABEL_LISTS = 1024;
const formatIds = new Map<(ms: number) => string, number>();

/**
 * The start of each bucket of `bucketsOf(window, unit)` formatted by `format` (a module-level
 * function, such as isoMs), remembered: a window asked again formats nothing. Shared: read only.
 */
export function bucketStartLabels(
  window: Window,
  unit: TimeUnit,
  format: (ms: number) => string,
): readonly string[] {
  let id = formatIds.get(format);
  if (id === undefined) {
    id = formatIds.size;
    formatIds.set(format, id);
  }
  const key = `${id}:${unit}:${window.start}:${window.end}`;
  let labels = startLabelLists.get(key);
  if (labels === undefined) {
    labels = Object.freeze(bucketsOf(window, unit).map((bucket) => format(bucket.start)));
    if (startLabelLists.size >= START_LABEL_LISTS) startLabelLists.clear();
    startLabelLists.set(key, labels);
  }
  return labels;
}
