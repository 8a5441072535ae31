/** Rounding as dashboards show it: 2 decimals, and percentages that add up to exactly 100. */

/** Rounds to 2 decimals. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
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
