/**
 * A cache bounded by the total weight of its entries (rows, bytes…), for derived data that is a pure
 * function of its key: repeated requests reuse it, memory stays capped.
 */

/**
 * An approximate LRU over a Map (insertion order = age) with second chance: a hit only marks its
 * entry, and eviction, oldest first, moves a marked entry to the young end instead of dropping it.
 * Hits stay one Map lookup (a strict LRU re-inserted the entry on every hit, which cost more than
 * the lookup); what is kept is still bounded by `maxWeight`.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number; used: boolean }>();
  private total = 0;

  constructor(private readonly maxWeight: number) {}

  /** The cached value for the key, or computes, stores and returns it. */
  get(key: string, compute: () => V, weigh: (value: V) => number): V {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value, weigh(value));
    return value;
  }

  /** The cached value for the key (counted as a use), or undefined: for callers that decide whether to store. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    hit.used = true;
    return hit.value;
  }

  /** Stores a value computed elsewhere (one heavier than the whole cache is not kept). */
  set(key: string, value: V, weight: number): void {
    if (weight > this.maxWeight || this.entries.has(key)) return;
    this.makeRoom(weight);
    this.entries.set(key, { value, weight, used: false });
    this.total += weight;
  }

  private makeRoom(weight: number): void {
    // Each marked entry is moved once and loses its mark, so the loop ends.
    for (const [oldest, entry] of this.entries) {
      if (this.total + weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      if (entry.used) {
        entry.used = false;
        this.entries.set(oldest, entry);
      } else {
        this.total -= entry.weight;
      }
    }
  }

  /** Forgets an entry (one that no longer holds). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
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
