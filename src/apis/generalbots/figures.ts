/** Rounding and ratios as the API states them: rates in percent, figures to one or two decimals. */
import { round2 } from '../../core/percent.js';
import { isoMs, type Window } from '../../core/time.js';

/** Rounds to one decimal. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** `part / whole`, two decimals; 0 when the whole is 0. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : round2(part / whole);
}

/** `part` as a percentage of `whole`, two decimals; 0 when the whole is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : round2((100 * part) / whole);
}

/** The resolved window as every body echoes it. */
export function windowFields(window: Window): { start_date: string; end_date: string } {
  return { start_date: isoMs(window.start), end_date: isoMs(window.end) };
}

/** A UTC calendar day (YYYY-MM-DD) of an instant. */
export function calendarDate(ms: number): string {
  return isoMs(ms).slice(0, 10);
}

/** The sum of a count vector. */
export function sum(vector: readonly number[]): number {
  let total = 0;
  for (const n of vector) total += n;
  return total;
}
