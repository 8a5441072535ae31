/**
 * The series and totals of a Logicdialog query: core/series.ts vector sums over the query's
 * buckets, visiting only the hours that count (whole hours of recorded activity before now). Each
 * vector is named by its workspace and `what` it counts, so whole days are summed once (cached).
 */
import { cacheKey } from '../../core/bounded-cache.js';
import { type PerHourVector, sumBuckets, sumWindow, vectorAdds } from '../../core/series.js';
import { MS_HOUR, type Window } from '../../core/time.js';
import type { AnalyticsQuery, HourRange } from './query.js';
import type { Workspace } from './workspace.js';

/**
 * What a vector counts, in the workspace: one name per distinct per-hour function (the same name
 * for two functions would mix their cached days).
 */
export type Counted = string;

function counted(hours: HourRange): Window {
  return { start: hours.first * MS_HOUR, end: hours.end * MS_HOUR };
}

/** `out[i][b]`: component i of the vector summed over the counted hours of bucket b. */
export function seriesSums(
  ws: Workspace,
  what: Counted,
  q: AnalyticsQuery,
  width: number,
  perHour: PerHourVector,
): number[][] {
  const window = { start: q.start, end: q.end };
  return sumBuckets(window, q.resolution, vectorAdds(perHour, width), {
    live: counted(q.hours),
    width,
    name: cacheKey(ws.id, what),
  }).values;
}

/** Component-wise sums of the vector over every counted hour. */
export function totalSums(
  ws: Workspace,
  what: Counted,
  q: AnalyticsQuery,
  width: number,
  perHour: PerHourVector,
): number[] {
  return sumWindow(counted(q.hours), vectorAdds(perHour, width), { width, name: cacheKey(ws.id, what) });
}

/** Cuts a vector into consecutive parts of the given widths (the inverse of concatenating them). */
export function splitVector(vector: readonly number[], widths: readonly number[]): number[][] {
  let at = 0;
  return widths.map((width) => {
    at += width;
    return vector.slice(at - width, at);
  });
}
