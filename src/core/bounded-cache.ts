/**
 * A least-recently-used cache bounded by the total weight of its entries (rows, bytes…), for derived
 * data that is a pure function of its key: repeated requests reuse it, memory stays capped.
 */

/** LRU over a Map (insertion order = recency); evicts the oldest entries past `maxWeight`. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(private readonly maxWeight: number) {}

  /** The cached value for the key, or computes, stores and returns it. */
  get(key: string, compute: () => V, weigh: (value: V) => number): V {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const weight = weigh(value);
    if (weight > this.maxWeight) return value;
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
    return value;
  }

  /** The total weight held (for tests and the health of the bound). */
  get weight(): number {
    return this.total;
  }
}

/** A cache key from its parts, NUL-separated so that parts cannot run into each other. */
export function cacheKey(...parts: readonly (string | number)[]): string {
  return parts.join('\u0000');
}
