import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../support/client.js';
import { freshApp, type Series } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

// dateFrom as sent, resolution, and the start of its unit in UTC (ISO weeks from Monday; quarters Jan/Apr/Jul/Oct).
const SNAPS: [string, string, string][] = [
  ['2024-04-16T10:57:12.873Z', 'month', '2024-04-01T00:00:00.000Z'], // the vendor doc's example
  ['2024-04-16T10:57:12.873Z', 'hour', '2024-04-16T10:00:00.000Z'],
  ['2024-04-16T10:57:12.873Z', 'day', '2024-04-16T00:00:00.000Z'],
  ['2024-04-16T10:57:12.873Z', 'week', '2024-04-15T00:00:00.000Z'],
  ['2024-04-16T10:57:12.873Z', 'quarter', '2024-04-01T00:00:00.000Z'],
  ['2024-04-16T10:00:00.000Z', 'hour', '2024-04-16T10:00:00.000Z'],
  ['2024-04-16T10:59:59.999Z', 'hour', '2024-04-16T10:00:00.000Z'],
  ['2024-04-16T00:00:00.000Z', 'day', '2024-04-16T00:00:00.000Z'],
  ['2024-04-16T23:59:59.999Z', 'day', '2024-04-16T00:00:00.000Z'],
  ['2024-04-15T00:00:00.000Z', 'week', '2024-04-15T00:00:00.000Z'], // a Monday at midnight
  ['2024-04-21T23:59:59.999Z', 'week', '2024-04-15T00:00:00.000Z'], // the Sunday after, last millisecond
  ['2024-04-22T00:00:00.000Z', 'week', '2024-04-22T00:00:00.000Z'],
  ['2024-01-03T12:00:00.000Z', 'week', '2024-01-01T00:00:00.000Z'],
  ['2025-01-01T12:00:00.000Z', 'week', '2024-12-30T00:00:00.000Z'], // ISO week 1 of 2025 starts in 2024
  ['2024-04-01T00:00:00.000Z', 'month', '2024-04-01T00:00:00.000Z'],
  ['2024-04-30T23:59:59.999Z', 'month', '2024-04-01T00:00:00.000Z'],
  ['2024-02-29T23:59:59.999Z', 'month', '2024-02-01T00:00:00.000Z'], // leap day
  ['2024-01-01T00:00:00.000Z', 'quarter', '2024-01-01T00:00:00.000Z'],
  ['2024-03-31T23:59:59.999Z', 'quarter', '2024-01-01T00:00:00.000Z'],
  ['2024-06-30T23:59:59.999Z', 'quarter', '2024-04-01T00:00:00.000Z'],
  ['2024-07-01T00:00:00.000Z', 'quarter', '2024-07-01T00:00:00.000Z'],
  ['2024-09-30T23:59:59.999Z', 'quarter', '2024-07-01T00:00:00.000Z'],
  ['2024-12-31T23:59:59.999Z', 'quarter', '2024-10-01T00:00:00.000Z'],
  ['2024-04-16', 'month', '2024-04-01T00:00:00.000Z'], // a date alone is midnight UTC
  ['2024-04-16T10:57', 'hour', '2024-04-16T10:00:00.000Z'], // a time without a zone is UTC
  ['2024-04-01T01:30:00+02:00', 'month', '2024-03-01T00:00:00.000Z'], // 2024-03-31T23:30Z: snaps in UTC
  ['2024-06-30T20:00:00-05:00', 'quarter', '2024-07-01T00:00:00.000Z'], // 2024-07-01T01:00Z
  ['2024-04-16T10:57:12.873456789Z', 'hour', '2024-04-16T10:00:00.000Z'],
];

describe('logicdialog dateFrom snapping', () => {
  it.each(SNAPS)(
    'snaps dateFrom %s with resolution %s to %s, the first bucket',
    async (dateFrom, resolution, snapped) => {
      const app = freshApp();
      const b = await logicdialog(app).ok<{ dateFrom: string; series: Series[] }>('/message', {
        query: {
          dateFrom,
          dateTo: '2025-01-02T00:00:00Z',
          client: 'acme-council',
          resolution,
        },
      });
      expect(b.dateFrom).toBe(snapped);
      expect(b.series[0]?.data[0]?.date).toBe(snapped);
    },
  );

  it('accepts a dateTo between the snapped and the given dateFrom is accepted', async () => {
    const app = freshApp();
    const b = await logicdialog(app).ok<{ dateFrom: string; series: Series[] }>('/message', {
      query: {
        dateFrom: '2024-04-16T10:57:12.873Z',
        dateTo: '2024-04-16T10:58:00Z',
        client: 'acme-council',
        resolution: 'month',
      },
    });
    expect(b.dateFrom).toBe('2024-04-01T00:00:00.000Z');
    expect(b.series[0]?.data.map((p) => p.date)).toEqual(['2024-04-01T00:00:00.000Z']);
  });

  it('moves the window with the snap: the snapped start counts, the given instant does not matter', async () => {
    const app = freshApp();
    const query = { dateTo: '2024-05-01T00:00:00Z', client: 'acme-council', resolution: 'month' };
    const fromMidMonth = await logicdialog(app).ok<{ total: number }>('/message', {
      query: {
        ...query,
        dateFrom: '2024-04-16T10:57:12.873Z',
      },
    });
    const fromFirst = await logicdialog(app).ok<{ total: number }>('/message', {
      query: { ...query, dateFrom: '2024-04-01' },
    });
    expect(fromMidMonth.total).toBe(fromFirst.total);
    expect(fromFirst.total).toBeGreaterThan(0);
  });
});
