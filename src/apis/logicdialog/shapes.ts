/** The building blocks of every body: the window it answers, series, and breakdowns with exact shares. */

import { LabelledRows, RowShape } from '../../core/json-fragments.js';
import { sharesOf } from '../../core/rounding.js';
import { isoMs } from '../../core/time.js';
import type { Category } from './catalog.js';
import type { AnalyticsQuery } from './query.js';

/** One line of a chart. */
export interface Series {
  key: string;
  label: string;
  /** `[{ date, value }]`, one point per bucket: rows that write their own JSON text (json-fragments.ts). */
  data: LabelledRows;
  total: number;
}

/** One pie-chart slice. */
export interface BreakdownItem {
  key: string;
  label: string;
  value: number;
  share: number;
}

/** The part every body starts with: the window it answers. */
export function windowOf(q: AnalyticsQuery): Record<string, string> {
  return { dateFrom: isoMs(q.start), dateTo: isoMs(q.end), resolution: q.resolution, client: q.client };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A point: its bucket's start and its value. */
const POINT = new RowShape('date', ['value']);

/** One point per bucket: its start and value (0 where none). */
function pointsOf(dates: readonly string[], values: readonly number[]): LabelledRows {
  return new LabelledRows(POINT, dates, [values]);
}

/** A series with one point per bucket; `total` defaults to the sum of the points. */
export function seriesOf(
  q: AnalyticsQuery,
  item: Category,
  values: readonly number[],
  total = sum(values),
): Series {
  return {
    key: item.key,
    label: item.label,
    data: pointsOf(q.dates, values),
    total,
  };
}

/** One series per category from `values[category][bucket]`, optionally without the empty ones. */
export function categorySeries(
  q: AnalyticsQuery,
  items: readonly Category[],
  values: readonly (readonly number[])[],
): Series[] {
  return items.map((item, i) => seriesOf(q, item, values[i] ?? []));
}

/** Largest first, then by key: the order of breakdowns and of most lists. */
export function byValueThenKey<T extends { key: string }>(value: (item: T) => number) {
  return (a: T, b: T) => value(b) - value(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Pie-chart slices of categories with their window totals, by value then key; zero slices dropped unless kept. */
export function breakdownOf(
  items: readonly Category[],
  values: readonly number[],
  keepZeros = false,
): BreakdownItem[] {
  const slices = items
    .map((item, i) => ({ key: item.key, label: item.label, value: values[i] ?? 0 }))
    .filter((slice) => keepZeros || slice.value > 0)
    .sort(byValueThenKey((slice) => slice.value));
  const shares = sharesOf(slices.map((s) => s.value));
  return slices.map((slice, i) => ({ ...slice, share: shares[i] ?? 0 }));
}

/** Series of the categories with activity, largest total first, and the same totals as a breakdown. */
export function rankedSeries(
  q: AnalyticsQuery,
  items: readonly Category[],
  values: readonly (readonly number[])[],
): { series: Series[]; breakdown: BreakdownItem[]; total: number } {
  const series = categorySeries(q, items, values)
    .filter((s) => s.total > 0)
    .sort(byValueThenKey((s) => s.total));
  return {
    series,
    breakdown: breakdownOf(
      series,
      series.map((s) => s.total),
    ),
    total: sum(series.map((s) => s.total)),
  };
}
