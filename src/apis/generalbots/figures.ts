/** Fields every General Bots body states the same way: the window echoed, calendar days, vector sums. */
import { isoMs, type Window } from '../../core/time.js';

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
