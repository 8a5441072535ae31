/**
 * Series from the world model: per-bucket sums of hourly quantities and exact per-category splits.
 * Because every count is a sum of hours and every split is exact per hour, hourly series roll up to
 * daily ones and grouped series add up to the ungrouped one, whatever the window.
 */
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

/** Component-wise sums of a per-hour vector over every hour that starts inside the window. */
export function sumVectors(window: Window, width: number, perHour: PerHourVector): number[] {
  const sums = new Array<number>(width).fill(0);
  for (
    let h = Math.ceil(window.start / MS_HOUR), last = Math.ceil(window.end / MS_HOUR) - 1;
    h <= last;
    h++
  ) {
    const vector = perHour(h);
    for (let i = 0; i < width; i++) sums[i] = (sums[i] as number) + (vector[i] ?? 0);
  }
  return sums;
}

/**
 * `bucketSums` for vectors: `values[i][b]` is component i summed over bucket b, in one pass over
 * the hours. Only hours starting inside `live` (default: the whole window) are visited — the
 * caller's promise that the others hold nothing (before the tenant existed, after now…).
 */
export function bucketVectorSums(
  window: Window,
  unit: TimeUnit,
  width: number,
  perHour: PerHourVector,
  live: Window = window,
): { starts: number[]; values: number[][] } {
  const buckets = bucketsOf(window, unit);
  const values = Array.from({ length: width }, () => new Array<number>(buckets.length).fill(0));
  buckets.forEach((bucket, b) => {
    const from = Math.max(bucket.from, live.start);
    const to = Math.min(bucket.to, live.end);
    if (to <= from) return;
    const sums = sumVectors({ start: from, end: to }, width, perHour);
    for (let i = 0; i < width; i++) (values[i] as number[])[b] = sums[i] as number;
  });
  return { starts: buckets.map((bucket) => bucket.start), values };
}
