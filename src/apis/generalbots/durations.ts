/**
 * Conversation durations as a histogram: each hour's conversations are split exactly over fixed
 * bins, so any window's histogram is the sum of its hours' and every statistic derives from it.
 */

/** Bin edges in seconds: bin i holds durations in [EDGES[i], EDGES[i+1]). */
export const DURATION_EDGES: readonly number[] = [0, 30, 60, 120, 180, 300, 450, 600, 900, 1200, 1800, 3600];

/** The duration that stands for each bin (its middle). */
const MIDPOINTS: readonly number[] = DURATION_EDGES.slice(1).map(
  (upper, i) => ((DURATION_EDGES[i] as number) + upper) / 2,
);

/** Mean duration in seconds of a histogram (0 when it is empty), unrounded. */
export function meanDuration(bins: readonly number[]): number {
  let count = 0;
  let total = 0;
  bins.forEach((n, i) => {
    count += n;
    total += n * (MIDPOINTS[i] as number);
  });
  return count === 0 ? 0 : total / count;
}

/** The q-quantile (0..1) of a histogram, interpolated linearly inside its bin; 0 when it is empty. */
export function quantileDuration(bins: readonly number[], q: number): number {
  const count = bins.reduce((a, b) => a + b, 0);
  if (count === 0) return 0;
  const target = q * count;
  let below = 0;
  for (let i = 0; i < bins.length; i++) {
    const n = bins[i] as number;
    if (n > 0 && below + n >= target) {
      const lower = DURATION_EDGES[i] as number;
      const upper = DURATION_EDGES[i + 1] as number;
      return lower + ((target - below) / n) * (upper - lower);
    }
    below += n;
  }
  return DURATION_EDGES[DURATION_EDGES.length - 1] as number;
}
