/**
 * The CLI's heap: V8 grows the young generation up to 2 × 16 MB under a steady stream of requests,
 * which is most of a sidecar's resident memory beyond Node's own (RSS under load 140 MB against
 * 110–115 MB with it kept at its initial size, at no throughput cost the benchmark can see). The
 * growth factor is a flag V8 reads whenever it would grow, so it can be set after start-up; an
 * explicit --max-semi-space-size / --min-semi-space-size from the user is left alone.
 */
import { setFlagsFromString } from 'node:v8';

/** Keeps the young generation at its initial size unless the user tuned it in `nodeFlags`. */
export function keepYoungGenerationSmall(nodeFlags: readonly string[]): boolean {
  if (nodeFlags.some((flag) => /semi[-_]space/.test(flag))) return false;
  setFlagsFromString('--semi-space-growth-factor=1');
  return true;
}
