/** The four series reports: conversations, paid, messages (counts) and average (messages per conversation). */

import { LabelledRows, RowShape } from '../../core/json-fragments.js';
import type { Knobs } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { round2 } from '../../core/rounding.js';
import { startLabels, sumBuckets, vectorAdds } from '../../core/series.js';
import { isoMs, type Window } from '../../core/time.js';
import type { Account } from './account.js';
import { dataWindow, hourVector, hourVectorName, type Metric, planOf, type Selection } from './traffic.js';
import type { SeriesUnit } from './window.js';

/** One point of a series: the bucket start and its value (`{ date, value }`). */
const POINT = new RowShape('date', ['value']);

/** The documented summary of a series. */
export interface Summary {
  total: number;
  min: number;
  max: number;
  avg: number;
}

/** The documented body: a series and its summary. */
export interface SeriesBody {
  /** `[{ date, value }]`: rows that write their own JSON text (core/json-fragments.ts). */
  data: LabelledRows;
  summary: Summary;
}

/** With `group`: the merged series plus one series per group value (shape inferred). */
export interface GroupedBody extends SeriesBody {
  groups: Array<{ group: string } & SeriesBody>;
}

/** What a series report is asked for, after validation. */
export interface SeriesRequest {
  account: Account;
  knobs: Knobs;
  clock: RequestClock;
  window: Window;
  unit: SeriesUnit;
  selection: Selection;
}

/** `total`, `min`, `max` and `avg = total / points` (inferred), all 0 for an empty series. */
export function summaryOf(values: readonly number[]): Summary {
  if (values.length === 0) return { total: 0, min: 0, max: 0, avg: 0 };
  let total = 0;
  let min = values[0] as number;
  let max = min;
  for (const v of values) {
    total += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { total: round2(total), min, max, avg: round2(total / values.length) };
}

function body(dates: readonly string[], values: readonly number[]): SeriesBody {
  return { data: new LabelledRows(POINT, dates, [values]), summary: summaryOf(values) };
}

/**
 * The sums of each metric and group over every bucket of the window (0 where the account has no data):
 * `values[m × width + g][point]`.
 */
function sums(
  req: SeriesRequest,
  metrics: readonly Metric[],
): { dates: readonly string[]; values: number[][] } {
  const plan = planOf(req.account, req.selection);
  const data = dataWindow(req.account, req.window, req.clock);
  // Hours outside the data window (before the account existed, after now) hold nothing: skip them.
  const perHour = hourVector(req.account, req.knobs, plan, metrics);
  const width = metrics.length * plan.width;
  const sums = sumBuckets(req.window, req.unit, vectorAdds(perHour, width), {
    live: data,
    width,
    name: hourVectorName(req.account, req.knobs, plan, metrics),
  });
  return { dates: startLabels(sums, isoMs), values: sums.values };
}

function grouped(
  req: SeriesRequest,
  dates: readonly string[],
  groups: readonly number[][],
  merged: readonly number[],
): SeriesBody | GroupedBody {
  const names = req.selection.group?.values;
  if (!names) return body(dates, merged);
  return {
    ...body(dates, merged),
    groups: names.map((group, g) => ({ group, ...body(dates, groups[g] ?? []) })),
  };
}

/** The point-by-point sum of some series of the same length. */
function columnSums(rows: readonly number[][], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const row of rows) sum += row[i] ?? 0;
    out.push(sum);
  }
  return out;
}

/** A count report (conversations, paid or messages): groups add up to the merged series. */
export function countReport(req: SeriesRequest, metric: Metric): SeriesBody | GroupedBody {
  const { dates, values } = sums(req, [metric]);
  return grouped(req, dates, values, columnSums(values, dates.length));
}

function ratios(messages: readonly number[], conversations: readonly number[]): number[] {
  return conversations.map((c, i) => (c === 0 ? 0 : round2((messages[i] ?? 0) / c)));
}

/** The average report: messages ÷ conversations per bucket; the merged series is the overall ratio. */
export function averageReport(req: SeriesRequest): SeriesBody | GroupedBody {
  const { dates, values } = sums(req, ['conversations', 'messages']);
  const width = values.length / 2;
  const conversations = values.slice(0, width);
  const messages = values.slice(width);
  const groups = conversations.map((c, g) => ratios(messages[g] ?? [], c));
  const overall = ratios(columnSums(messages, dates.length), columnSums(conversations, dates.length));
  return grouped(req, dates, groups, overall);
}
