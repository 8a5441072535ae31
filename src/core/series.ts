/**
 * Series from the world model: per-bucket sums of hourly quantities and exact per-category splits.
 * Because every count is a sum of hours and every split is exact per hour, hourly series roll up to
 * daily ones and grouped series add up to the ungrouped one, whatever the window.
 */
import { BoundedCache } from './bounded-cache.js';
import type { Knobs } from './knobs.js';
import { Rng, splitCount } from './rng.js';
import { bucketsOf, MS_HOUR, type TimeUnit, type Window } from './time.js';
import { conversationsInHour, type TenantKey } from './world.js';

/** A quantity per hour index (conversations, messages, one category's share…). */
export type PerHour = (hourIndex: number) => number;

/** The tenant's conversations per hour. */
export function conversationsPerHour(key: TenantKey, knobs: Knobs): PerHour {
  return (hour) => conversationsInHour(key, hour, knobs);
}

/** Sums a per-hour quantity over each bucket; an hour counts where its start lies (half-open window). */
export function bucketSums(
  window: Window,
  unit: TimeUnit,
  perHour: PerHour,
): { starts: number[]; values: number[] } {
  const starts: number[] = [];
  const values: number[] = [];
  for (const bucket of bucketsOf(window, unit)) {
    let sum = 0;
    for (let h = Math.ceil(bucket.from / MS_HOUR), last = Math.ceil(bucket.to / MS_HOUR) - 1; h <= last; h++)
      sum += perHour(h);
    starts.push(bucket.start);
    values.push(sum);
  }
  return { starts, values };
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

/** Several quantities of one hour: a count per category, sums and counts for averages… */
export type PerHourVector = (hourIndex: number) => readonly number[];

/**
 * Sums of named vectors over runs of hours (whole UTC days, and the partial days at a window's
 * edges), about 8 MB at most (weights are approximate bytes). Only runs whose every hourly value is
 * an integer are summed: integer sums are exact in any order, so a window summed from runs equals
 * the same window summed hour by hour, to the bit.
 */
const runSums = new BoundedCache<readonly number[] | null>(8_000_000);

/** Adds hours [from, to] into `sums`; false (sums then undefined) when a value is not an integer. */
function addIntegerHours(sums: number[], from: number, to: number, perHour: PerHourVector): boolean {
  for (let h = from; h <= to; h++) {
    const vector = perHour(h);
    for (let i = 0; i < sums.length; i++) {
      const v = vector[i] ?? 0;
      if (!Number.isInteger(v)) return false;
      sums[i] = (sums[i] as number) + v;
    }
  }
  return true;
}

// Names are long (they hold the knobs); run keys use a short id per name instead, so a lookup hashes
// a few characters. Ids are never reused, so forgetting the names (when there are too many) only
// strands old entries until the cache evicts them. A caller sums one vector bucket after bucket:
// the last name is remembered.
const nameIds = new Map<string, number>();
let nextNameId = 0;
let last = { name: '', width: -1, id: '' };

function idOf(name: string, width: number): string {
  if (name === last.name && width === last.width) return last.id;
  const full = `${name}\u0000${width}`;
  let id = nameIds.get(full);
  if (id === undefined) {
    if (nameIds.size >= 10_000) nameIds.clear();
    id = nextNameId++;
    nameIds.set(full, id);
  }
  last = { name, width, id: `${id}:` };
  return last.id;
}

/** Adds the cached sum of hours [from, to] into `sums`; false if a value is not an integer. */
function addRun(sums: number[], id: string, from: number, to: number, perHour: PerHourVector): boolean {
  if (to < from) return true;
  const run = runSums.get(
    `${id}${from}-${to}`,
    () => {
      const own = new Array<number>(sums.length).fill(0);
      return addIntegerHours(own, from, to, perHour) ? own : null;
    },
    () => 160 + 8 * sums.length,
  );
  if (!run) return false;
  for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) + (run[i] as number);
  return true;
}

/** The sums of hours [first, last] from cached runs (whole days and edges), or undefined if any value is not an integer. */
function sumByRuns(first: number, last: number, width: number, perHour: PerHourVector, name: string) {
  const id = idOf(name, width);
  const sums = new Array<number>(width).fill(0);
  const firstDay = Math.ceil(first / 24);
  const endDay = Math.floor((last + 1) / 24);
  if (endDay <= firstDay) return addRun(sums, id, first, last, perHour) ? sums : undefined;
  if (!addRun(sums, id, first, firstDay * 24 - 1, perHour)) return undefined;
  for (let d = firstDay; d < endDay; d++)
    if (!addRun(sums, id, d * 24, d * 24 + 23, perHour)) return undefined;
  if (!addRun(sums, id, endDay * 24, last, perHour)) return undefined;
  return sums;
}

/**
 * Component-wise sums of a per-hour vector over every hour that starts inside the window. A `name`
 * lets whole days (and a window's partial days) be summed once and reused (bounded): it must stand
 * for everything the vector depends on besides the hour (seed, API, tenant, knobs, filters, what is
 * counted), since two vectors of the same name and width are taken to be equal.
 */
export function sumVectors(window: Window, width: number, perHour: PerHourVector, name?: string): number[] {
  const first = Math.ceil(window.start / MS_HOUR);
  const last = Math.ceil(window.end / MS_HOUR) - 1;
  const byRuns =
    name === undefined || last < first ? undefined : sumByRuns(first, last, width, perHour, name);
  if (byRuns) return byRuns;
  const sums = new Array<number>(width).fill(0);
  for (let h = first; h <= last; h++) {
    const vector = perHour(h);
    for (let i = 0; i < width; i++) sums[i] = (sums[i] as number) + (vector[i] ?? 0);
  }
  return sums;
}

/** What bucketVectorSums answers: bucket starts, and `values[i][b]` for component i and bucket b. */
export interface BucketVectorSums {
  starts: number[];
  values: number[][];
}

/** Results of bucketVectorSums for named vectors, about 4 MB at most: the same window asked again is one lookup. */
const windowSums = new BoundedCache<BucketVectorSums>(4_000_000);

function computeBucketSums(
  window: Window,
  unit: TimeUnit,
  width: number,
  perHour: PerHourVector,
  live: Window,
  name: string | undefined,
): BucketVectorSums {
  const buckets = bucketsOf(window, unit);
  const values = Array.from({ length: width }, () => new Array<number>(buckets.length).fill(0));
  buckets.forEach((bucket, b) => {
    const from = Math.max(bucket.from, live.start);
    const to = Math.min(bucket.to, live.end);
    if (to <= from) return;
    const sums = sumVectors({ start: from, end: to }, width, perHour, name);
    for (let i = 0; i < width; i++) (values[i] as number[])[b] = sums[i] as number;
  });
  return { starts: buckets.map((bucket) => bucket.start), values };
}

/**
 * `bucketSums` for vectors: `values[i][b]` is component i summed over bucket b, in one pass over
 * the hours. Only hours starting inside `live` (default: the whole window) are visited — the
 * caller's promise that the others hold nothing (before the tenant existed, after now…). A `name`
 * (as for sumVectors) caches whole days and whole results; the caller gets its own copy.
 */
export function bucketVectorSums(
  window: Window,
  unit: TimeUnit,
  width: number,
  perHour: PerHourVector,
  live: Window = window,
  name?: string,
): BucketVectorSums {
  if (name === undefined) return computeBucketSums(window, unit, width, perHour, live, name);
  const key = `${idOf(name, width)}${window.start}:${window.end}:${unit}:${live.start}:${live.end}`;
  const cached = windowSums.get(
    key,
    () => computeBucketSums(window, unit, width, perHour, live, name),
    (result) => 200 + 8 * result.starts.length * (width + 1),
  );
  return { starts: [...cached.starts], values: cached.values.map((v) => [...v]) };
}
