/** The clock: the only module that reads the real time. Everything else is handed "now". */

/** Milliseconds since the epoch, from the real clock. */
export function realNow(): number {
  return Date.now();
}

/** Milliseconds since the epoch for this request: the fixed clock when one is set, else the real one. */
export function resolveNow(fixed: number | undefined): number {
  return fixed ?? realNow();
}
