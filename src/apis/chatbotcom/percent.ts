/** Percentages of the largest value (busiest period); the shared rounding lives in core/percent.ts. */
import { round2 } from '../../core/percent.js';

/** Each value as a percentage of the largest, 2 decimals (busiest period `usage`); all 0 when all are 0. */
export function percentOfMax(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? 0 : round2((v / max) * 100)));
}
