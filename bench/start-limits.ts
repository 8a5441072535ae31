/** How long the bench waits for a server to start before it gives up, and why it gives up. */

/**
 * How long a starting server is waited for. A start is CPU work (Prism: about 2 CPU-seconds, most of
 * it loading its own modules), so on a busy shared machine it takes many times that on the wall
 * clock (Prism 14–23 s with eight runnable processes on two cores): a server is given up on when it
 * has used far more CPU than a start takes, not after a fixed wall time, which failed Prism on a
 * loaded machine.
 */
const START_CPU_LIMIT_S = 20;
/** However busy the machine, a start ends within this; also the only limit where /proc is missing. */
const START_WALL_LIMIT_MS = 180_000;
const START_WALL_LIMIT_NO_PROC_MS = 30_000;
/** A server that answers, but not 200, has this long to come right (it is up, and wrong). */
const WRONG_ANSWER_LIMIT_MS = 10_000;

/**
 * Why to stop waiting for a starting server, or undefined to keep waiting: `cpu` is the CPU-seconds
 * it has used (undefined without /proc), `waited` the ms since spawn, `wrongFor` the ms it has been
 * answering something other than 200.
 */
export function giveUp(cpu: number | undefined, waited: number, wrongFor: number): string | undefined {
  if (wrongFor >= WRONG_ANSWER_LIMIT_MS)
    return `it answered, but not 200, for ${(wrongFor / 1000).toFixed(0)} s`;
  const spent = `${(waited / 1000).toFixed(0)} s and ${cpu === undefined ? 'unknown' : cpu.toFixed(1)} CPU-s`;
  if (cpu !== undefined && cpu >= START_CPU_LIMIT_S) return `it used ${spent} (a start takes 1–3 CPU-s)`;
  if (waited >= (cpu === undefined ? START_WALL_LIMIT_NO_PROC_MS : START_WALL_LIMIT_MS))
    return `it used ${spent}`;
  return undefined;
}
