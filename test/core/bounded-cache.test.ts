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

  it('gives a recently used entry a second chance over one never used since it was stored', () => {
    const cache = new BoundedCache<string>(3);
    const one = () => 'x';
    const weigh = () => 1;
    cache.get('a', one, weigh);
    cache.get('b', one, weigh);
    cache.get('c', one, weigh);
    cache.get('a', () => 'miss', weigh); // a is used again
    cache.get('d', one, weigh); // a full cache: b, the oldest unused, goes
    expect(cache.get('a', () => 'miss', weigh)).toBe('x');
    expect(cache.get('b', () => 'miss', weigh)).toBe('miss');
    expect(cache.weight).toBeLessThanOrEqual(3);
  });

  it('stays within its weight whatever the mix of hits and misses', () => {
    const cache = new BoundedCache<number>(50);
    for (let i = 0; i < 2000; i++) {
      const key = String((i * 7919) % 97);
      cache.get(
        key,
        () => i,
        () => 1 + (i % 5),
      );
      expect(cache.weight).toBeLessThanOrEqual(50);
    }
  });

  it('peeks at a stored value without computing one, and the peek counts as a use', () => {
    const cache = new BoundedCache<string>(2);
    const weigh = () => 1;
    expect(cache.peek('a')).toBeUndefined();
    cache.get('a', () => 'x', weigh);
    cache.get('b', () => 'y', weigh);
    expect(cache.peek('a')).toBe('x');
    cache.get('c', () => 'z', weigh); // b, not a, goes
    expect(cache.peek('a')).toBe('x');
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.weight).toBe(2);
  });
});

describe('BoundedCache peek and set', () => {
  it('keeps a value stored from outside, within its weight, and never replaces one', () => {
    const cache = new BoundedCache<string>(10);
    expect(cache.peek('a')).toBeUndefined();
    cache.set('a', 'first', 4);
    cache.set('a', 'second', 4);
    expect(cache.peek('a')).toBe('first');
    cache.set('huge', 'x', 11);
    expect(cache.peek('huge')).toBeUndefined();
    cache.set('b', 'b', 4);
    cache.set('c', 'c', 4); // 12 > 10: the oldest unused entry goes, 'a' was used so it stays
    expect(cache.peek('a')).toBe('first');
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.weight).toBe(8);
  });
});
