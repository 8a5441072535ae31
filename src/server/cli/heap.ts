/**
 * The CLI's heap, tuned for a sidecar. Under a steady stream of requests V8 grows the young
 * generation to 2 × 16 MB and lets the old one grow by a factor of up to four after each full
 * collection: most of the resident memory above Node's own. Keeping the young generation at its
 * initial size and the old one growing by half took RSS under load from about 120 MB to 85 MB,
 * at no cost per request an in-process comparison could see (bench/in-process.ts, alternated runs).
 * V8 reads both flags whenever it would grow, so they can be set after start-up; a user's own
 * setting of either is left alone.
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flags set, each with the pattern of the user's flags that overrides it. */
const TUNING: readonly (readonly [string, RegExp])[] = [
  ['--semi-space-growth-factor=1', /semi[-_]space/],
  ['--heap-growing-percent=50', /heap[-_]growing[-_]percent/],
];

/** Sets the heap flags the user did not tune in `nodeFlags`; returns those set. */
export function tuneHeap(nodeFlags: readonly string[]): string[] {
  const set: string[] = [];
  for (const [flag, overridden] of TUNING) {
    if (nodeFlags.some((f) => overridden.test(f))) continue;
    setFlagsFromString(flag);
    set.push(flag);
  }
  return set;
}
