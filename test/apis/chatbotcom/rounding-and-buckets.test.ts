import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketVectorSums } from '../../../src/apis/chatbotcom/bucket-vectors.js';
import { percentOfMax, percentOfTotal } from '../../../src/apis/chatbotcom/percent.js';
import { hashKey } from '../../../src/core/rng.js';
import { bucketSums } from '../../../src/core/series.js';

const counts = fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 40 });

describe('ChatBot.com rounding and bucketing helpers', () => {
  it('makes percentages of a non-zero total add up to exactly 100.00', () => {
    fc.assert(
      fc.property(counts, (values) => {
        fc.pre(values.some((v) => v > 0));
        const usage = percentOfTotal(values);
        const total = values.reduce((a, b) => a + b, 0);
        expect(usage.reduce((a, u) => a + Math.round(u * 100), 0)).toBe(10_000);
        usage.forEach((u, i) => {
          expect(Math.abs(u - ((values[i] ?? 0) / total) * 100)).toBeLessThan(0.01 + 1e-9);
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('rounds the vendor example to 66.67 and 33.33', () => {
    expect(percentOfTotal([2, 1, 0, 0, 0])).toEqual([66.67, 33.33, 0, 0, 0]);
    expect(percentOfTotal([0, 0])).toEqual([0, 0]);
  });

  it('gives the busiest value 100 and the others their share of it', () => {
    expect(percentOfMax([1, 0])).toEqual([100, 0]);
    expect(percentOfMax([3, 1, 2])).toEqual([100, 33.33, 66.67]);
    expect(percentOfMax([0, 0])).toEqual([0, 0]);
  });

  it('sums each component of a vector exactly as bucketSums sums it alone', () => {
    const perHour = (h: number) => [hashKey('a', h) % 7, hashKey('b', h) % 3];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 0, 1) }),
        fc.integer({ min: 0, max: 90 * 86_400_000 }),
        fc.constantFrom('hour', 'day', 'week', 'month' as const),
        (start, length, unit) => {
          const window = { start, end: start + length };
          const vectors = bucketVectorSums(window, unit, 2, perHour);
          for (const i of [0, 1]) {
            const alone = bucketSums(window, unit, (h) => perHour(h)[i] ?? 0);
            expect({ starts: vectors.starts, values: vectors.values[i] }).toEqual(alone);
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
