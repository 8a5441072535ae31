/**
 * The series and totals of a Logicdialog query: core/series.ts vector sums over the query's
 * buckets, visiting only the hours that count (whole hours of recorded activity before now).
 */
import { bucketVectorSums, type PerHourVector, sumVectors } from '../../core/series.js';
import { MS_HOUR, type Window } from '../../core/time.js';
import type { AnalyticsQuery, HourRange } from './query.js';

function counted(hours: HourRange): Window {
  return { start: hours.first * MS_HOUR, end: hours.end * MS_HOUR };
}

/** `out[i][b]`: component i of the vector summed over the counted hours of bucket b. */
export function seriesSums(q: AnalyticsQuery, width: number, perHour: PerHourVector): number[][] {
  return bucketVectorSums({ start: q.start, end: q.end }, q.resolution, width, perHour, counted(q.hours))
    .values;
}

/** Component-wise sums of the vector over every counted hour. */
export function totalSums(q: AnalyticsQuery, width: number, perHour: PerHourVector): number[] {
  return sumVectors(counted(q.hours), width, perHour);
}

/** Cuts a vector into consecutive parts of the given widths (the inverse of concatenating them). */
export function splitVector(vector: readonly number[], widths: readonly number[]): number[][] {
  let at = 0;
  return widths.map((width) => {
    at += width;
    return vector.slice(at - width, at);
  });
}
