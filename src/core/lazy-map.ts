/** A read-only map whose keys are known up front and whose values are made on first use, once each. */
export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private readonly made = new Map<K, V>();

  constructor(
    private readonly names: readonly K[],
    private readonly make: (key: K) => V,
  ) {}

  get size(): number {
    return this.names.length;
  }

  has(key: K): boolean {
    return this.names.includes(key);
  }

  get(key: K): V | undefined {
    if (this.made.has(key)) return this.made.get(key);
    if (!this.has(key)) return undefined;
    const value = this.make(key);
    this.made.set(key, value);
    return value;
  }

  /** Whether the value of `key` has been made. */
  isMade(key: K): boolean {
    return this.made.has(key);
  }

  keys(): MapIterator<K> {
    return this.names.values();
  }

  *entries(): MapIterator<[K, V]> {
    for (const key of this.names) yield [key, this.get(key) as V];
  }

  *values(): MapIterator<V> {
    for (const key of this.names) yield this.get(key) as V;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
