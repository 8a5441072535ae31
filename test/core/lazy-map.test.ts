import { describe, expect, it } from 'vitest';
import { LazyMap } from '../../src/core/lazy-map.js';

describe('LazyMap', () => {
  const counted = () => {
    const made: string[] = [];
    const map = new LazyMap(['a', 'b', 'c'], (key) => {
      made.push(key);
      return key.toUpperCase();
    });
    return { map, made };
  };

  it('knows its keys and size without making a value', () => {
    const { map, made } = counted();
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
    expect(map.size).toBe(3);
    expect(map.has('b')).toBe(true);
    expect(map.has('z')).toBe(false);
    expect(made).toEqual([]);
  });

  it('makes a value on its first get, once', () => {
    const { map, made } = counted();
    expect(map.get('b')).toBe('B');
    expect(map.get('b')).toBe('B');
    expect(map.isMade('b')).toBe(true);
    expect(map.isMade('a')).toBe(false);
    expect(map.get('z')).toBeUndefined();
    expect(made).toEqual(['b']);
  });

  it('makes the rest when iterated, in key order, as a Map of the same entries would give', () => {
    const { map, made } = counted();
    map.get('c');
    expect([...map]).toEqual([
      ...new Map([
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
      ]),
    ]);
    expect([...map.values()]).toEqual(['A', 'B', 'C']);
    const seen: string[] = [];
    map.forEach((value, key) => {
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['a=A', 'b=B', 'c=C']);
    expect(made).toEqual(['c', 'a', 'b']);
  });
});
