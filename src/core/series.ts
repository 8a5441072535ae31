/**
 * Series from the world model: the one bucket summer every API uses, and exact per-category splits.
 * Because every count is a sum of hours and every split is exact per hour, hourly series roll up to
 * daily ones and grouped series add up to the ungrouped one, whatever the window.
 */
import type { Knobs } from './knobs.js';
import { Rng, splitCount } from './rng.js';
import {
  type Groups,
  type NameEntry,
  nameEntry,
  rememberRun,
  rememberSums,
  runOf,
  sumsOf,
} from './series-cache.js';
import { bucketsOf, MS_HOUR, type TimeUnit, type Window } from './time.js';
import { conversationsInHour, type TenantKey } from './world.js';

export { Groups, groupsOf } from './series-cache.js';

/** A quantity per hour index (conversations, messages, one category's share…). */
export type PerHour = (hourIndex: number) => number;

/** Several quantities of one hour, by position: a count per category, sums and counts for averages… */
export type PerHourVector = (hourIndex: number) => readonly number[];

/** Where an hour's quantities go: `add(component, n)` adds n to one component of the bucket being summed. */
export interface Sink {
  add(component: number, n: number): void;
}

/**
 * One hour's quantities, told to a sink component by component. A component the hour never adds to
 * holds nothing (a group that has no data there); adding 0 still makes it present.
 */
export type HourAdds = (hourIndex: number, sink: Sink) => void;

/** The tenant's conversations per hour. */
export function conversationsPerHour(key: TenantKey, knobs: Knobs): PerHour {
  return (hour) => conversationsInHour(key, hour, knobs);
}

/** HourAdds of a per-hour vector of `width` components: component i gets the vector's i-th value (0 if none), every hour. */
export function vectorAdds(perHour: PerHourVector, width: number): HourAdds {
  return (hour, sink) => {
    const vector = perHour(hour);
    for (let i = 0; i < width; i++) sink.add(i, vector[i] ?? 0);
  };
}

/** What the summer is told besides the window and the hours. */
export interface SumOptions {
  /**
   * Only hours starting inside it are visited (default: the whole window) — the caller's promise
   * that the others hold nothing (before the tenant existed, after now…).
   */
  live?: Window;
  /** Components that always have a row, zeros where nothing was added (a vector's width). */
  width?: number;
  /**
   * Names the hourly quantities so that sums can be reused (bounded caches): whole UTC days are
   * summed once, and a window asked again is one lookup. It must stand for everything the hours
   * depend on besides the hour (seed, API, tenant, knobs, filters, what is counted): two sources
   * of the same name are taken to be equal. Without a name nothing is cached.
   */
  name?: string;
  /** The label tuples the components stand for, from `groupsOf(name)`: then the components are the name's. */
  groups?: Groups;
}

/** What sumBuckets answers. */
export interface BucketSums {
  /** Each bucket's aligned start (shared with the cache: never changed). */
  starts: readonly number[];
  /** How many hours start in each bucket's part of the window (visited or not; shared, never changed). */
  hours: readonly number[];
  /**
   * `values[i][b]`: component i summed over bucket b. Components below `width` always have a row;
   * any other only when an hour added to it (the array has a hole where none did).
   */
  values: number[][];
}

/**
 * `n` zeros in a packed array (pushed: `new Array(n)` is holey, and so are its copies, and
 * JSON.stringify writes a holey array element by element through its slow path).
 */
function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/**
 * A span's running sums: the components added to (the first `count` of `added`, in order of first
 * addition) and whether every value added was an integer. Cleared by a new stamp, not by writes.
 */
class Span implements Sink {
  sums: number[] = [];
  added: number[] = [];
  count = 0;
  whole = true;
  private readonly stamps: number[] = [];
  private stamp = 1;

  add(component: number, n: number): void {
    if (this.stamps[component] !== this.stamp) {
      this.stamps[component] = this.stamp;
      this.sums[component] = n;
      this.added[this.count++] = component;
    } else this.sums[component] = (this.sums[component] as number) + n;
    if (this.whole && !Number.isInteger(n)) this.whole = false;
  }

  clear(): void {
    this.stamp++;
    this.count = 0;
    this.whole = true;
  }
}

function addHours(span: Span, first: number, last: number, adds: HourAdds): void {
  for (let h = first; h <= last; h++) adds(h, span);
}

/**
 * Adds the cached sums of hours [first, last] (a whole day, or a part of one) into the span; false
 * when an hour of them is not an integer (then they are not summed from a cache: integer sums are
 * exact in any order, fractions only in one).
 */
function addRun(
  span: Span,
  entry: NameEntry,
  first: number,
  last: number,
  adds: HourAdds,
  scratch: Span,
): boolean {
  let run = runOf(entry, first, last);
  if (run === undefined) {
    scratch.clear();
    addHours(scratch, first, last, adds);
    run = null;
    if (scratch.whole) {
      run = [];
      for (let i = 0; i < scratch.count; i++) {
        const c = scratch.added[i] as number;
        run.push(c, scratch.sums[c] as number);
      }
    }
    rememberRun(entry, first, last, run);
  }
  if (run === null) return false;
  for (let i = 0; i < run.length; i += 2) span.add(run[i] as number, run[i + 1] as number);
  return true;
}

/**
 * Adds a part of one day: from the cache when it is a few hours (a window's first or last day,
 * reused while a window that ends at now stays inside one hour), else hour by hour.
 */
function addPart(
  span: Span,
  entry: NameEntry | undefined,
  first: number,
  last: number,
  adds: HourAdds,
  scratch: Span,
): boolean {
  if (last < first) return true;
  if (entry === undefined || last - first < 2) {
    addHours(span, first, last, adds);
    return true;
  }
  return addRun(span, entry, first, last, adds, scratch);
}

/** Adds whole days [firstDay, endDay) from the cache; false at the first that holds a fraction. */
function everyDay(
  span: Span,
  entry: NameEntry,
  firstDay: number,
  endDay: number,
  adds: HourAdds,
  scratch: Span,
): boolean {
  for (let d = firstDay; d < endDay; d++)
    if (!addRun(span, entry, d * 24, d * 24 + 23, adds, scratch)) return false;
  return true;
}

/**
 * Sums hours [first, last] into a cleared span: in hour order, or (named) the whole days and the
 * parts of days at its edges from the cache. Any fraction sends the span back to hour order, so that a
 * sum is the same to the bit however it was reached.
 */
function sumSpan(
  span: Span,
  first: number,
  last: number,
  adds: HourAdds,
  entry: NameEntry | undefined,
  scratch: Span,
): void {
  span.clear();
  if (last < first) return;
  const firstDay = Math.ceil(first / 24);
  const endDay = Math.floor((last + 1) / 24);
  if (entry === undefined) {
    addHours(span, first, last, adds);
    return;
  }
  const cached =
    endDay <= firstDay
      ? addPart(span, entry, first, last, adds, scratch)
      : addPart(span, entry, first, firstDay * 24 - 1, adds, scratch) &&
        everyDay(span, entry, firstDay, endDay, adds, scratch) &&
        addPart(span, entry, endDay * 24, last, adds, scratch);
  if (!cached || !span.whole) {
    span.clear();
    addHours(span, first, last, adds);
  }
}

/** The first and last hour index starting in [start, end). */
/**
 * An end (or a whole window's start) as the sums see it: an hour counts where it starts, so every
 * instant in (H, H + 1 h] counts the same hours and bounds the same unit-aligned buckets. Cached
 * sums are keyed by it: a window ending now, a new millisecond each request under the real clock,
 * is summed once an hour, not once a millisecond.
 */
function hourKey(instant: number): number {
  return Math.ceil(instant / MS_HOUR);
}

function hourRange(start: number, end: number): { first: number; last: number } {
  return { first: Math.ceil(start / MS_HOUR), last: Math.ceil(end / MS_HOUR) - 1 };
}

function entryFor(options: SumOptions): NameEntry | undefined {
  if (options.name === undefined) return undefined;
  const entry = nameEntry(options.name);
  // Components numbered by another Groups than the name's would mix with the name's cached sums.
  return options.groups === undefined || options.groups === entry.groups ? entry : undefined;
}

function computeBuckets(
  window: Window,
  unit: TimeUnit,
  adds: HourAdds,
  live: Window,
  entry: NameEntry | undefined,
): BucketSums {
  const buckets = bucketsOf(window, unit);
  const count = buckets.length;
  const values: number[][] = [];
  const span = new Span();
  const scratch = new Span();
  const hours = zeros(count);
  for (let b = 0; b < count; b++) {
    const bucket = buckets[b] as (typeof buckets)[number];
    hours[b] = Math.max(0, Math.ceil(bucket.to / MS_HOUR) - Math.ceil(bucket.from / MS_HOUR));
    const from = Math.max(bucket.from, live.start);
    const to = Math.min(bucket.to, live.end);
    if (to <= from) continue;
    sumSpan(span, Math.ceil(from / MS_HOUR), Math.ceil(to / MS_HOUR) - 1, adds, entry, scratch);
    for (let i = 0; i < span.count; i++) {
      const c = span.added[i] as number;
      let row = values[c];
      if (row === undefined) {
        row = zeros(count);
        values[c] = row;
      }
      row[b] = span.sums[c] as number;
    }
  }
  // Shared by every copy of cached sums (ownCopy): frozen, so that no caller can change them.
  return {
    starts: Object.freeze(buckets.map((bucket) => bucket.start)),
    hours: Object.freeze(hours),
    values,
  };
}

/**
 * Values the caller may change, with a row (zeros) for every component below `width`; the starts
 * and hours (read only) are the cached ones, so that what is derived from them is kept with them
 * (`startLabels`).
 */
function ownCopy(sums: BucketSums, width: number): BucketSums {
  const values = sums.values.map((row) => row.slice());
  for (let i = 0; i < width; i++) values[i] ??= zeros(sums.starts.length);
  return { starts: sums.starts, hours: sums.hours, values };
}

const labelsOfStarts = new WeakMap<readonly number[], Map<(ms: number) => string, readonly string[]>>();

/**
 * The bucket starts formatted by `format` (an ISO instant, a calendar date…), kept with the cached
 * sums they belong to: a window asked again formats nothing. The list is shared: read only.
 */
export function startLabels(sums: BucketSums, format: (ms: number) => string): readonly string[] {
  let byFormat = labelsOfStarts.get(sums.starts);
  if (byFormat === undefined) {
    byFormat = new Map();
    labelsOfStarts.set(sums.starts, byFormat);
  }
  let labels = byFormat.get(format);
  if (labels === undefined) {
    labels = sums.starts.map((start) => format(start));
    byFormat.set(format, labels);
  }
  return labels;
}

/**
 * Sums hourly quantities into the window's buckets (UTC-aligned units); an hour counts in the
 * bucket where it starts (half-open windows). One pass over the live hours fills every component.
 */
export function sumBuckets(
  window: Window,
  unit: TimeUnit,
  adds: HourAdds,
  options: SumOptions = {},
): BucketSums {
  const live = options.live ?? window;
  const entry = entryFor(options);
  const width = options.width ?? 0;
  if (entry === undefined) return ownCopy(computeBuckets(window, unit, adds, live, undefined), width);
  const key = `${window.start}:${hourKey(window.end)}:${unit}:${live.start}:${hourKey(live.end)}`;
  let sums = sumsOf(entry, key);
  if (sums === undefined) {
    sums = computeBuckets(window, unit, adds, live, entry);
    rememberSums(entry, key, sums);
  }
  return ownCopy(sums, width);
}

/**
 * Component-wise sums over every hour that starts inside the window (and `live`): a dense array of
 * at least `width` components, 0 where nothing was added.
 */
export function sumWindow(window: Window, adds: HourAdds, options: SumOptions = {}): number[] {
  const live = options.live ?? window;
  const span = { start: Math.max(window.start, live.start), end: Math.min(window.end, live.end) };
  const entry = entryFor(options);
  const key = `${hourKey(span.start)}:${hourKey(span.end)}:*`;
  let sums = entry && sumsOf(entry, key);
  if (sums === undefined) {
    const { first, last } = hourRange(span.start, span.end);
    const running = new Span();
    sumSpan(running, first, last, adds, entry, new Span());
    const values: number[][] = [];
    for (let i = 0; i < running.count; i++) {
      const c = running.added[i] as number;
      values[c] = [running.sums[c] as number];
    }
    sums = { starts: [span.start], hours: [Math.max(0, last - first + 1)], values };
    if (entry) rememberSums(entry, key, sums);
  }
  const width = Math.max(options.width ?? 0, sums.values.length);
  return Array.from({ length: width }, (_, i) => sums.values[i]?.[0] ?? 0);
}

/** The sums bucket by bucket: `[b][i]` is component i of bucket b (components below `width`, 0 where none). */
export function perBucket(sums: BucketSums, width: number): number[][] {
  const count = sums.starts.length;
  const out: number[][] = [];
  for (let b = 0; b < count; b++) {
    const bucket: number[] = [];
    for (let i = 0; i < width; i++) bucket.push(sums.values[i]?.[b] ?? 0);
    out.push(bucket);
  }
  return out;
}

/** Stable weights of a tenant over some categories (channels, languages…): a few big ones, a long tail. */
export function categoryWeights(key: TenantKey, dimension: string, categories: readonly string[]): number[] {
  const rng = Rng.derive(key.seed, key.api, key.tenant, 'weights', dimension);
  return categories.map((_, i) => (0.2 + rng.next()) / (1 + i * 0.6));
}

/**
 * Splits each hour's total over categories, exactly and deterministically: `split(hour)[i]` is
 * category i's share of `perHour(hour)`, and the shares always add up to it.
 */
export function splitPerHour(
  key: TenantKey,
  dimension: string,
  weights: readonly number[],
  perHour: PerHour,
): (hour: number) => number[] {
  return (hour) =>
    splitCount(perHour(hour), weights, Rng.derive(key.seed, key.api, key.tenant, 'split', dimension, hour));
}
