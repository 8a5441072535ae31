/**
 * Sums of per-hour vectors over buckets: one pass over the counted hours fills every component of
 * every bucket. (A vector form of core/series.ts `bucketSums`, for quantities split by category.)
 */
import { type Bucket, MS_HOUR } from '../../core/time.js';
import type { HourRange } from './query.js';

/** Several quantities of one hour (a count per category, sums and counts for averages…). */
export type PerHourVector = (hour: number) => readonly number[];

/** `out[i][b]`: component i of the vector summed over the counted hours of bucket b. */
export function bucketVectorSums(
  buckets: readonly Bucket[],
  hours: HourRange,
  width: number,
  perHour: PerHourVector,
): number[][] {
  const out = Array.from({ length: width }, () => new Array<number>(buckets.length).fill(0));
  buckets.forEach((bucket, b) => {
    const first = Math.max(hours.first, Math.ceil(bucket.from / MS_HOUR));
    const end = Math.min(hours.end, Math.ceil(bucket.to / MS_HOUR));
    for (let h = first; h < end; h++) {
      const vector = perHour(h);
      out.forEach((row, i) => {
        row[b] = (row[b] ?? 0) + (vector[i] ?? 0);
      });
    }
  });
  return out;
}

/** Component-wise sums of the vector over every counted hour. */
export function windowVectorSums(hours: HourRange, width: number, perHour: PerHourVector): number[] {
  const out = new Array<number>(width).fill(0);
  for (let h = hours.first; h < hours.end; h++) {
    const vector = perHour(h);
    for (let i = 0; i < width; i++) out[i] = (out[i] as number) + (vector[i] ?? 0);
  }
  return out;
}

/** Cuts a vector into consecutive parts of the given widths (the inverse of concatenating them). */
export function splitVector(vector: readonly number[], widths: readonly number[]): number[][] {
  let at = 0;
  return widths.map((width) => {
    at += width;
    return vector.slice(at - width, at);
  });
}
