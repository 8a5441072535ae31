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
