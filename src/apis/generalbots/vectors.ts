/**
 * Count vectors (a count per category) summed over hours and buckets, and exact sub-samples of
 * them. Candidates for core: nothing here is specific to General Bots.
 */
import type { Rng } from '../../core/rng.js';
import { type PerHourVector, sumVectors } from '../../core/series.js';
import { type Bucket, bucketsOf, type TimeUnit, type Window } from '../../core/time.js';
import { hoursIn } from '../../core/world.js';

/**
 * Draws `k` items without replacement from categories holding `counts` items: the result never
 * exceeds a category's count and always sums to k (k must not exceed the total).
 */
export function drawWithoutReplacement(counts: readonly number[], k: number, rng: Rng): number[] {
  const out = new Array<number>(counts.length).fill(0);
  let left = counts.reduce((a, b) => a + b, 0);
  let wanted = Math.min(k, left);
  for (let i = 0; i < counts.length && wanted > 0; i++) {
    const n = counts[i] as number;
    const rest = left - n;
    // Take at least what the later categories cannot hold, at most what this one holds.
    const lowest = Math.max(0, wanted - rest);
    const highest = Math.min(n, wanted);
    const take = Math.min(highest, Math.max(lowest, rng.binomial(wanted, left > 0 ? n / left : 0)));
    out[i] = take;
    wanted -= take;
    left = rest;
  }
  return out;
}

/** Adds `b` into `a` element by element. */
export function addInto(a: number[], b: readonly number[]): void {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] ?? 0) + (b[i] as number);
}

/** One bucket of a vector series: the bucket, the number of hours it covers and the sums. */
export interface VectorBucket extends Bucket {
  hours: number;
  sums: number[];
}

/** The buckets of a window (none when it is empty), each with its hours and a zero vector. */
export function emptyBuckets(window: Window, unit: TimeUnit, width: number): VectorBucket[] {
  if (window.end <= window.start) return [];
  return bucketsOf(window, unit).map(({ start, from, to }) => {
    const { first, last } = hoursIn({ start: from, end: to });
    const sums = new Array<number>(width).fill(0);
    return { start, from, to, hours: Math.max(0, last - first + 1), sums };
  });
}

/** Fills each bucket with the sum of the per-hour vector over its hours (`name`: see sumVectors). */
export function fillBuckets(buckets: VectorBucket[], perHour: PerHourVector, name?: string): VectorBucket[] {
  for (const bucket of buckets)
    bucket.sums = sumVectors({ start: bucket.from, end: bucket.to }, bucket.sums.length, perHour, name);
  return buckets;
}
