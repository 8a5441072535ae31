import type { RequestListener } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resolution } from '../../../src/apis/logicdialog/query.js';
import { sharesOf } from '../../../src/core/rounding.js';
import { addUnit, bucketsOf, countBuckets, MS_HOUR } from '../../../src/core/time.js';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { freshApp, type Series } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

const RESOLUTIONS: Resolution[] = ['hour', 'day', 'week', 'month', 'quarter'];

describe('logicdialog properties', () => {
  it('makes shares add up to exactly 100 and stay within 0.01 of the exact percentage', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 12 }), (values) => {
        const shares = sharesOf(values);
        const whole = sum(values);
        const total = sum(shares.map((s) => Math.round(s * 100)));
        expect(total).toBe(whole === 0 ? 0 : 10_000);
        shares.forEach((share, i) => {
          const exact = whole === 0 ? 0 : (100 * (values[i] ?? 0)) / whole;
          expect(Math.abs(share - exact)).toBeLessThanOrEqual(0.01 + 1e-9);
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('counts the buckets of any window as bucketsOf lists them, without listing them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESOLUTIONS),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 24 * 400 }),
        fc.integer({ min: 0, max: MS_HOUR - 1 }),
        (unit, startUnits, hours, extraMs) => {
          const start = addUnit(Date.UTC(2023, 0, 2), unit === 'week' ? 'week' : unit, startUnits);
          const end = start + hours * MS_HOUR + extraMs;
          expect(countBuckets({ start, end }, unit)).toBe(bucketsOf({ start, end }, unit).length);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('gives every resolution the same totals for any window whose start all of them share', async () => {
    const app = freshApp();
    // A quarter start is also a month, day and hour start; a Monday is a week, day and hour start.
    const starts = fc.oneof(
      fc
        .integer({ min: 0, max: 12 })
        .map((q) => ({ start: Date.UTC(2022, 3 * q, 1), units: ['quarter', 'month'] })),
      fc
        .integer({ min: 0, max: 160 })
        .map((w) => ({ start: Date.UTC(2022, 0, 3) + w * 7 * 24 * MS_HOUR, units: ['week'] })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        starts,
        fc.integer({ min: 0, max: 24 * 60 }),
        async (client, { start, units }, hours) => {
          const query = {
            client,
            dateFrom: new Date(start).toISOString(),
            dateTo: new Date(start + hours * MS_HOUR).toISOString(),
          };
          const totals = new Set<string>();
          for (const resolution of ['hour', 'day', ...units]) {
            const b = await logicdialog(app).ok<{ series: Series[] }>('/user', {
              query: { ...query, resolution },
            });
            totals.add(JSON.stringify(b.series.map((s) => [s.total, sum(s.data.map((p) => p.value))])));
          }
          expect(totals.size).toBe(1);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});
