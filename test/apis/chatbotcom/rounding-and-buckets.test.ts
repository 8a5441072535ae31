import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOfMax, sharesOf } from '../../../src/core/rounding.js';

const counts = fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 40 });

describe('ChatBot.com rounding and bucketing helpers', () => {
  it('makes percentages of a non-zero total add up to exactly 100.00', () => {
    fc.assert(
      fc.property(counts, (values) => {
        fc.pre(values.some((v) => v > 0));
        const usage = sharesOf(values);
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
    expect(sharesOf([2, 1, 0, 0, 0])).toEqual([66.67, 33.33, 0, 0, 0]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });

  it('gives the busiest value 100 and the others their share of it', () => {
    expect(percentOfMax([1, 0])).toEqual([100, 0]);
    expect(percentOfMax([3, 1, 2])).toEqual([100, 33.33, 66.67]);
    expect(percentOfMax([0, 0])).toEqual([0, 0]);
  });
});
