import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { ENDPOINTS, freshApp, type Series } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

const WINDOW = { dateFrom: '2025-02-17T08:30:00Z', dateTo: '2025-02-24T00:00:00Z', client: 'acme-council' };

const EMPTY: Scenario = { name: 'empty', description: 'No traffic.', knobs: { empty: true }, rules: [] };

describe('logicdialog endpoints', () => {
  it.each(ENDPOINTS)(
    'answers %s with the snapped window echoed and a body that matches the spec',
    async (endpoint) => {
      const app = freshApp();
      const res = await logicdialog(app).get(`/${endpoint}`, { query: WINDOW });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        dateFrom: '2025-02-17T00:00:00.000Z',
        dateTo: '2025-02-24T00:00:00.000Z',
        resolution: 'day',
        client: 'acme-council',
      });
    },
  );

  it.each(ENDPOINTS)(
    'answers %s with the same bytes for the same seed, clock and request',
    async (endpoint) => {
      const first = await logicdialog(freshApp()).get(`/${endpoint}`, {
        query: { ...WINDOW, resolution: 'hour' },
      });
      const second = await logicdialog(freshApp()).get(`/${endpoint}`, {
        query: { ...WINDOW, resolution: 'hour' },
      });
      expect(first.status).toBe(200);
      expect(second.text).toBe(first.text);
    },
  );

  it('answers other numbers for another seed or another workspace', async () => {
    const app = freshApp();
    const base = await logicdialog(app).get('/message', { query: WINDOW });
    const seeded = await logicdialog(app).get('/message', { query: WINDOW, headers: { 'X-Mock-Seed': '2' } });
    const other = await logicdialog(app).get('/message', { query: { ...WINDOW, client: 'other-workspace' } });
    expect(seeded.body.total).not.toBe(base.body.total);
    expect(other.body.total).not.toBe(base.body.total);
    expect(seeded.headers['x-mock-seed']).toBe('2');
  });

  it('returns one point per bucket, at the bucket starts, in ascending order', async () => {
    const app = freshApp();
    const b = await logicdialog(app).ok<{ series: Series[] }>('/nlp', {
      query: {
        ...WINDOW,
        dateFrom: '2025-01-15T10:00:00Z',
        dateTo: '2025-02-15T00:00:00Z',
        resolution: 'week',
      },
    });
    const dates = b.series[0]?.data.map((p) => p.date);
    expect(dates).toEqual([
      '2025-01-13T00:00:00.000Z',
      '2025-01-20T00:00:00.000Z',
      '2025-01-27T00:00:00.000Z',
      '2025-02-03T00:00:00.000Z',
      '2025-02-10T00:00:00.000Z',
    ]);
    for (const s of b.series) expect(s.total).toBe(sum(s.data.map((p) => p.value)));
  });

  it('returns zero for the buckets after the mock clock and for the unfinished hour', async () => {
    // The clock is 2025-03-01T12:00Z: hours 00-11 of 1 March are over, nothing exists after.
    const app = freshApp();
    const daily = await logicdialog(app).ok<{ series: Series[] }>('/message', {
      query: {
        ...WINDOW,
        dateFrom: '2025-02-28',
        dateTo: '2025-03-04',
      },
    });
    const points = daily.series[0]?.data ?? [];
    expect(points.map((p) => p.date.slice(0, 10))).toEqual([
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
    ]);
    expect(points[1]?.value).toBeGreaterThan(0);
    expect(points.slice(2).map((p) => p.value)).toEqual([0, 0]);
    const morning = await logicdialog(app).ok<{ total: number }>('/message', {
      query: {
        ...WINDOW,
        dateFrom: '2025-03-01',
        dateTo: '2025-03-01T12:00:00Z',
      },
    });
    expect(morning.total).toBe(points[1]?.value);
    // A minute before the hour is over, that hour still counts for nothing.
    const later = await logicdialog(app).get('/message', {
      query: { ...WINDOW, dateFrom: '2025-03-01', dateTo: '2025-03-02' },
      headers: {
        'X-Mock-Now': '2025-03-01T12:59:59.999Z',
      },
    });
    expect(later.body.total).toBe(points[1]?.value);
  });

  it('counts an hour only when the whole hour lies inside the window', async () => {
    const app = freshApp();
    const query = { ...WINDOW, dateFrom: '2025-02-20T09:00:00Z', resolution: 'hour' };
    const cut = await logicdialog(app).ok<{ series: Series[]; total: number }>('/message', {
      query: {
        ...query,
        dateTo: '2025-02-20T10:30:00Z',
      },
    });
    const whole = await logicdialog(app).ok<{ total: number }>('/message', {
      query: { ...query, dateTo: '2025-02-20T10:00:00Z' },
    });
    expect(cut.series[0]?.data.map((p) => p.date)).toEqual([
      '2025-02-20T09:00:00.000Z',
      '2025-02-20T10:00:00.000Z',
    ]);
    expect(cut.series[0]?.data[1]?.value).toBe(0);
    expect(cut.total).toBe(whole.total);
  });

  it.each(ENDPOINTS)('answers %s for an empty window with no points and zero totals', async (endpoint) => {
    const app = freshApp();
    const b = await logicdialog(app).ok<{ total: number; series?: Series[] }>(`/${endpoint}`, {
      query: {
        ...WINDOW,
        dateFrom: '2025-02-20',
        dateTo: '2025-02-20',
      },
    });
    expect(b.total).toBe(0);
    for (const s of b.series ?? []) expect(s.data).toEqual([]);
  });

  it.each(ENDPOINTS)('answers %s with zeros when the scenario empties the world', async (endpoint) => {
    const app = freshApp([EMPTY]);
    const res = await logicdialog(app).get(`/${endpoint}`, {
      query: WINDOW,
      headers: { 'X-Mock-Scenario': 'empty' },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    for (const s of (res.body.series ?? []) as Series[])
      expect(s.data.every((p) => p.value === 0)).toBe(true);
  });

  it('has no activity before the workspace existed', async () => {
    const app = freshApp();
    const b = await logicdialog(app).ok<{ total: number }>('/message', {
      query: {
        ...WINDOW,
        dateFrom: '1974-01-01',
        dateTo: '2021-12-31',
        resolution: 'month',
      },
    });
    expect(b.total).toBe(0);
  });
});
