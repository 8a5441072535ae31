/** Attempt counts: the how-many-th time a request is seen under a scenario, bounded in memory. */
import { hashKey } from '../../core/rng.js';

/** How many distinct requests the counts remember (the oldest is forgotten first). */
const ATTEMPTS_LIMIT = 10_000;

/** Counts requests per (scenario, request key); used by MockState, and by the cluster primary for every worker. */
export class AttemptCounts {
  private readonly counts = new Map<string, number>();

  /** Counts one more arrival of `request` under `scenario` and returns the count (from 1). */
  next(scenario: string, request: string): number {
    // Two 32-bit hashes, not the URL itself: a long URL costs the map 16 bytes, not 8 KB.
    const key = `${hashKey(scenario, request).toString(36)}:${hashKey(request, scenario).toString(36)}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.delete(key);
    if (this.counts.size >= ATTEMPTS_LIMIT) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, n);
    return n;
  }

  /** Forgets every count. */
  clear(): void {
    this.counts.clear();
  }
}
