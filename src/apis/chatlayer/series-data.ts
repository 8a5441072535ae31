/** The wire shapes `SeriesData` and `Serie` (doc), built from grouped bucket sums. */
import type { BucketSums, Groups } from '../../core/series.js';
import { isoSeconds } from '../../core/time.js';

/** One data series (doc): values per bucket and their statistics, int32. */
export interface Serie {
  values: number[];
  mean: number;
  max: number;
  min: number;
  sum: number;
  labels: Record<string, string>;
}

/** Series sharing one x axis (doc). */
export interface SeriesData {
  series: Serie[];
  series_labels: string[];
  x_values: string[];
}

const INT32_MAX = 2_147_483_647;

/** Saturates at the int32 the vendor's schema allows (reachable only with absurd volume knobs). */
function int32(n: number): number {
  return Math.min(n, INT32_MAX);
}

/** A serie from its values: sum, min, max, and the mean rounded to the nearest integer. */
export function serieOf(values: readonly number[], labels: Record<string, string>): Serie {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return {
    values: values.map(int32),
    mean: int32(values.length === 0 ? 0 : Math.round(sum / values.length)),
    max: int32(max),
    min: int32(values.length === 0 ? 0 : min),
    sum: int32(sum),
    labels,
  };
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * SeriesData for bucket sums whose components are groups labelled by `fields` (their label values
 * in `groups`): one serie per group that holds data, sorted by its labels; ungrouped (no fields),
 * exactly one serie with `labels: {}`.
 */
export function seriesDataOf(sums: BucketSums, groups: Groups, fields: readonly string[]): SeriesData {
  const present: { labelValues: readonly string[]; values: number[] }[] = [];
  sums.values.forEach((values, component) => {
    present.push({ labelValues: groups.labels(component), values });
  });
  if (fields.length === 0 && present.length === 0)
    present.push({ labelValues: [], values: sums.starts.map(() => 0) });
  present.sort((a, b) => compareTuples(a.labelValues, b.labelValues));
  return {
    series: present.map((g) =>
      serieOf(g.values, Object.fromEntries(fields.map((field, i) => [field, g.labelValues[i] ?? '']))),
    ),
    series_labels: [...fields],
    x_values: sums.starts.map(isoSeconds),
  };
}
