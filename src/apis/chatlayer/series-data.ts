/** The wire shapes `SeriesData` and `Serie` (doc), built from grouped bucket sums. */
import { type BucketSums, type Groups, startLabels } from '../../core/series.js';
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
  x_values: readonly string[];
}

const INT32_MAX = 2_147_483_647;

/** Saturates at the int32 the vendor's schema allows (reachable only with absurd volume knobs). */
export function int32(n: number): number {
  return Math.min(n, INT32_MAX);
}

/**
 * A serie from its values: sum, min, max, and the mean rounded to the nearest integer. The values
 * are the caller's own (the summer's copy): kept as they are unless one needs capping.
 */
export function serieOf(values: number[], labels: Record<string, string>): Serie {
  const count = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    values: max > INT32_MAX ? values.map(int32) : values,
    mean: int32(count === 0 ? 0 : Math.round(sum / count)),
    max: int32(max),
    min: int32(count === 0 ? 0 : min),
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

/** A serie's labels: each field with its value in the group's tuple ('' if none), in field order. */
function labelsOf(fields: readonly string[], values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < fields.length; i++) labels[fields[i] as string] = values[i] ?? '';
  return labels;
}

/**
 * SeriesData for bucket sums whose components are groups labelled by `fields` (their label values
 * in `groups`): one serie per group that holds data, sorted by its labels; ungrouped (no fields),
 * exactly one serie with `labels: {}`. The x values are the cached sums' own (read only).
 */
export function seriesDataOf(sums: BucketSums, groups: Groups, fields: readonly string[]): SeriesData {
  const present: { labelValues: readonly string[]; values: number[] }[] = [];
  const rows = sums.values;
  for (let component = 0; component < rows.length; component++) {
    const values = rows[component];
    if (values !== undefined) present.push({ labelValues: groups.labels(component), values });
  }
  if (fields.length === 0 && present.length === 0)
    present.push({ labelValues: [], values: sums.starts.map(() => 0) });
  present.sort((a, b) => compareTuples(a.labelValues, b.labelValues));
  const series: Serie[] = [];
  for (const g of present) series.push(serieOf(g.values, labelsOf(fields, g.labelValues)));
  return { series, series_labels: [...fields], x_values: startLabels(sums, isoSeconds) };
}

/** The x values' JSON text, kept with the cached list it was written from (read only). */
const xValuesText = new WeakMap<readonly string[], string>();

/**
 * `JSON.stringify({ data })` of a SeriesData, the same text, written for its known shape: the x
 * values' text (~170 ISO instants for a week by hour, ~40 % of the stringify) is written once per
 * cached list; every other part goes through JSON.stringify.
 */
export function seriesDataJson(data: SeriesData): string {
  let text = '{"data":{"series":[';
  for (let s = 0; s < data.series.length; s++) {
    const serie = data.series[s] as Serie;
    if (s > 0) text += ',';
    text += `{"values":${JSON.stringify(serie.values)}`;
    text += `,"mean":${JSON.stringify(serie.mean)},"max":${JSON.stringify(serie.max)},"min":${JSON.stringify(serie.min)},"sum":${JSON.stringify(serie.sum)},"labels":${JSON.stringify(serie.labels)}}`;
  }
  let xText = xValuesText.get(data.x_values);
  if (xText === undefined) {
    xText = JSON.stringify(data.x_values);
    xValuesText.set(data.x_values, xText);
  }
  return `${text}],"series_labels":${JSON.stringify(data.series_labels)},"x_values":${xText}}}`;
}
