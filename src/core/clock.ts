/** The clock: the only module that reads the real time or waits on it. Everything else is handed "now". */

/** Milliseconds since the epoch, from the real clock. */
export function realNow(): number {
  return Date.now();
}

/** Milliseconds since the epoch for this request: the fixed clock when one is set, else the real one. */
export function resolveNow(fixed: number | undefined): number {
  return fixed ?? realNow();
}

/** Waits for a number of real milliseconds (latency); tests replace it to observe delays without waiting. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
