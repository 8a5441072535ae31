/**
 * The CLI's heap, tuned for a sidecar. Under a steady stream of requests V8 grows the young
 * generation to 2 × 16 MB and lets the old one grow by a factor of up to four after each full
 * collection: most of the resident memory above Node's own. Keeping the young generation at the
 * size it had after start-up (2 × 4 MB) and the old one growing by half took RSS under load from
 * about 120 MB to 85 MB, at no cost per request an in-process comparison could see
 * (bench/in-process.ts, alternated runs). V8 reads both flags whenever it would grow, so they can
 * be set after start-up; a user's own setting of either is left alone.
 *
 * The bundled CLI (src/build/bundle-cli.ts) allocates less while it starts, so its young
 * generation is still 2 × 2 MB then: stopped there, a streamed CSV day took a quarter more CPU
 * (twice the scavenges). So the young generation's growth is stopped once it is 8 MB, as it was.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const SEMI_SPACE = '--semi-space-growth-factor=1';

/** The V8 flags set, each with the pattern of the user's flags that overrides it and V8's default. */
const TUNING: readonly (readonly [string, RegExp, string])[] = [
  [SEMI_SPACE, /semi[-_]space/, '--semi-space-growth-factor=2'],
  ['--heap-growing-percent=50', /heap[-_]growing[-_]percent/, '--heap-growing-percent=0'],
];

/** The young generation's size at which its growth is stopped (two 4 MB semi-spaces). */
export const YOUNG_BYTES = 8 * 1024 * 1024;

function youngBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/** Stops the young generation's growth now if it is YOUNG_BYTES already, else after the collection that makes it so. */
function stopYoungGrowth(): void {
  if (youngBytes() >= YOUNG_BYTES) {
    setFlagsFromString(SEMI_SPACE);
    return;
  }
  const watch = new PerformanceObserver(() => {
    if (youngBytes() < YOUNG_BYTES) return;
    setFlagsFromString(SEMI_SPACE);
    watch.disconnect();
  });
  watch.observe({ entryTypes: ['gc'] });
}

/** Sets the heap flags the user did not tune in `nodeFlags`; returns those set (or about to be). */
export function tuneHeap(nodeFlags: readonly string[]): string[] {
  const set: string[] = [];
  for (const [flag, overridden] of TUNING) {
    if (nodeFlags.some((f) => overridden.test(f))) continue;
    if (flag === SEMI_SPACE) stopYoungGrowth();
    else setFlagsFromString(flag);
    set.push(flag);
  }
  return set;
}

/**
 * Sets the flags tuneHeap sets back to V8's defaults. V8 stamps a code cache with a hash of the
 * flags that differ from their defaults and refuses it under other flags: the build's code cache
 * (src/build/code-cache.ts), made after a start, must carry the flags of a fresh process.
 */
export function untuneHeap(): void {
  for (const [, , defaultFlag] of TUNING) setFlagsFromString(defaultFlag);
}
