import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.js';

describe('BoundedCache', () => {
  it('computes a value once and reuses it for the same key', () => {
    const cache = new BoundedCache<number[]>(100);
    let computed = 0;
    const rows = () => {
      computed++;
      return [1, 2, 3];
    };
    const first = cache.get('a', rows, (v) => v.length);
    expect(cache.get('a', rows, (v) => v.length)).toBe(first);
    expect(computed).toBe(1);
  });

  it('evicts the least recently used entries to stay within its weight', () => {
    const cache = new BoundedCache<string>(10);
    cache.get(
      'a',
      () => 'aaaa',
      (v) => v.length,
    );
    cache.get(
      'b',
      () => 'bbbb',
      (v) => v.length,
    );
    cache.get(
      'a',
      () => 'new!',
      (v) => v.length,
    ); // a is now the most recent
    cache.get(
      'c',
      () => 'cccc',
      (v) => v.length,
    ); // 12 > 10: b goes
    expect(cache.weight).toBe(8);
    expect(
      cache.get(
        'a',
        () => 'miss',
        (v) => v.length,
      ),
    ).toBe('aaaa');
    expect(
      cache.get(
        'b',
        () => 'miss',
        (v) => v.length,
      ),
    ).toBe('miss');
  });

  it('does not keep a value heavier than the whole cache', () => {
    const cache = new BoundedCache<string>(3);
    cache.get(
      'big',
      () => 'xxxxx',
      (v) => v.length,
    );
    expect(cache.weight).toBe(0);
  });
});
