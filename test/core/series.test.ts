import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketSums, bucketVectorSums, sumVectors } from '../../src/core/series.js';
import { MS_HOUR, type TimeUnit } from '../../src/core/time.js';

const perHour = (h: number) => [h % 7, (h * 13) % 5, 1];
const T0 = Date.UTC(2025, 0, 1);

describe('series', () => {
  it('sums each component of a vector like bucketSums sums one quantity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom<TimeUnit>('hour', 'day', 'week', 'month'),
        (a, len, unit) => {
          const window = { start: T0 + a * 900_000, end: T0 + a * 900_000 + len * 1_800_000 };
          const vectors = bucketVectorSums(window, unit, 3, perHour);
          for (let i = 0; i < 3; i++) {
            const single = bucketSums(window, unit, (h) => perHour(h)[i] as number);
            expect(vectors.starts).toEqual(single.starts);
            expect(vectors.values[i]).toEqual(single.values);
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('visits only the live hours, keeping the buckets of the whole window', () => {
    const window = { start: T0, end: T0 + 72 * MS_HOUR };
    const live = { start: T0 + 30 * MS_HOUR, end: T0 + 50 * MS_HOUR };
    const visited: number[] = [];
    const result = bucketVectorSums(window, 'day', 1, (h) => (visited.push(h), [1]), live);
    expect(result.starts).toHaveLength(3);
    expect(result.values[0]).toEqual([0, 18, 2]);
    expect(Math.min(...visited)).toBe(T0 / MS_HOUR + 30);
    expect(Math.max(...visited)).toBe(T0 / MS_HOUR + 49);
  });

  it('sums a named vector from cached days exactly as hour by hour, warm or cold', () => {
    let calls = 0;
    const counted = (h: number) => {
      calls++;
      return perHour(h);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (a, len) => {
        const window = { start: T0 + a * 1_800_000 + 1, end: T0 + a * 1_800_000 + len * 3_600_000 };
        const plain = sumVectors(window, 3, perHour);
        expect(sumVectors(window, 3, counted, 'test-vector')).toEqual(plain);
        expect(sumVectors(window, 3, counted, 'test-vector')).toEqual(plain);
      }),
      { seed: 11, numRuns: 200 },
    );
    // Whole days are summed once: far fewer calls than hours asked for.
    expect(calls).toBeLessThan(200 * 2 * 1500);
  });

  it('sums a vector with fractions hour by hour, in order, even when named', () => {
    const fractions = (h: number) => [0.1 * (h % 3), 1];
    const window = { start: T0, end: T0 + 30 * 24 * MS_HOUR };
    const plain = sumVectors(window, 2, fractions);
    expect(sumVectors(window, 2, fractions, 'test-fractions')).toEqual(plain);
    expect(sumVectors(window, 2, fractions, 'test-fractions')).toEqual(plain);
  });

  it('gives each caller of a named bucket series its own copy of the cached result', () => {
    const window = { start: T0, end: T0 + 10 * 24 * MS_HOUR };
    const first = bucketVectorSums(window, 'day', 3, perHour, window, 'test-copy');
    (first.values[0] as number[])[0] = -1;
    first.starts.pop();
    const second = bucketVectorSums(window, 'day', 3, perHour, window, 'test-copy');
    expect(second).toEqual(bucketVectorSums(window, 'day', 3, perHour));
  });

  it('sums a whole window, hours counted where they start', () => {
    expect(sumVectors({ start: T0 + 1, end: T0 + 3 * MS_HOUR }, 1, () => [1])).toEqual([2]);
  });
});
