/** Rounding as the vendors' dashboards state figures: 1 or 2 decimals, ratios, and percentages that add up to 100. */

/** Rounds to one decimal. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Rounds to 2 decimals. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** `part / whole`, 2 decimals; 0 when the whole is 0. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : round2(part / whole);
}

/** `part` as a percentage of `whole`, 2 decimals; 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : round2((100 * part) / whole);
}

/** Each value as a percentage of the largest, 2 decimals (ChatBot.com busiest period `usage`); all 0 when all are 0. */
export function percentOfMax(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? 0 : round2((v / max) * 100)));
}

/**
 * Each value as a percentage of the total, 2 decimals, adding up to exactly 100 when the total is not 0
 * (largest-remainder rounding on hundredths; ties go to the earlier value). All 0 when the total is 0.
 */
export function sharesOf(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((v) => (v * 10_000) / total);
  const hundredths = exact.map(Math.floor);
  let left = 10_000 - hundredths.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    hundredths[i] = (hundredths[i] ?? 0) + 1;
    left--;
  }
  return hundredths.map((h) => h / 100);
}
