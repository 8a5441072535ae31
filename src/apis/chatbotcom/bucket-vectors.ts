/**
 * Bucket sums of a vector-valued hourly quantity: `bucketSums` (core/series.ts) for several series at
 * once, so that a per-hour computation shared by the series (one split of the hour) runs once.
 * Generic: a candidate for core/series.ts.
 */
import { bucketsOf, type TimeUnit, type Window } from '../../core/time.js';
import { hoursIn } from '../../core/world.js';

/** Per-bucket sums of each component: `values[i][b]` is component i summed over bucket b. */
export interface BucketVectors {
  starts: number[];
  values: number[][];
}

/** Sums `perHour(h)[i]` over each bucket, for i < width; an hour counts where its start lies. */
export function bucketVectorSums(
  window: Window,
  unit: TimeUnit,
  width: number,
  perHour: (hourIndex: number) => readonly number[],
): BucketVectors {
  const buckets = bucketsOf(window, unit);
  const values = Array.from({ length: width }, () => new Array<number>(buckets.length).fill(0));
  buckets.forEach((bucket, b) => {
    const sums = new Array<number>(width).fill(0);
    const { first, last } = hoursIn({ start: bucket.from, end: bucket.to });
    for (let h = first; h <= last; h++) {
      const vector = perHour(h);
      for (let i = 0; i < width; i++) sums[i] = (sums[i] ?? 0) + (vector[i] ?? 0);
    }
    sums.forEach((sum, i) => {
      (values[i] as number[])[b] = sum;
    });
  });
  return { starts: buckets.map((b) => b.start), values };
}
