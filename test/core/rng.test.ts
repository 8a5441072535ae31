import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFrom, hashKey, hashState, Rng, splitCount } from '../../src/core/rng.js';

describe('rng', () => {
  it('derives the same stream from the same key', () => {
    const a = Rng.derive(1, 'digitalcx', 'acme', 42);
    const b = Rng.derive(1, 'digitalcx', 'acme', 42);
    expect([a.next(), a.next(), a.uint32()]).toEqual([b.next(), b.next(), b.uint32()]);
  });

  it('derives different streams from keys that differ only in how parts are cut', () => {
    expect(hashKey('ab', 'c')).not.toBe(hashKey('a', 'bc'));
    expect(hashKey(1, 'x')).not.toBe(hashKey(2, 'x'));
  });

  it('hashes a key from the state of its prefix exactly as from the whole key', () => {
    const part = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(part), fc.array(part), (prefix, rest) => {
        expect(hashFrom(hashState(...prefix), ...rest)).toBe(hashKey(...prefix, ...rest));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('draws uuids of version 4 with the RFC 4122 variant', () => {
    const rng = Rng.derive('uuid');
    for (let i = 0; i < 50; i++)
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("writes a uuid from the stream's next four words: the version and variant set, one digit of b left out", () => {
    const words = Rng.derive('uuid words');
    const uuids = Rng.derive('uuid words');
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    for (let i = 0; i < 2000; i++) {
      const [a, b, c, d] = [words.uint32(), words.uint32(), words.uint32(), words.uint32()].map(hex) as [
        string,
        string,
        string,
        string,
      ];
      const variant = ((Number.parseInt(c[0] as string, 16) & 0x3) | 0x8).toString(16);
      const expected = `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
      expect(uuids.uuid()).toBe(expected);
    }
  });

  it('draws Poisson counts whose mean is near lambda', () => {
    const rng = Rng.derive('poisson');
    for (const lambda of [0.5, 7, 200]) {
      let sum = 0;
      for (let i = 0; i < 4000; i++) sum += rng.poisson(lambda);
      expect(sum / 4000).toBeGreaterThan(lambda * 0.9);
      expect(sum / 4000).toBeLessThan(lambda * 1.1);
    }
  });

  it('splits a total into parts that always add up to it', () => {
    const rng = Rng.derive('split');
    for (const total of [0, 1, 5, 39, 40, 1000, 123456]) {
      const parts = splitCount(total, [3, 1, 0, 2], rng);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[2]).toBe(0);
      expect(parts.every((p) => p >= 0)).toBe(true);
    }
  });
});
