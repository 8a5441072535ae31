import type { RequestListener } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Period, periodWindow, resolveDimension } from '../../../src/apis/chatbotcom/window.js';
import { RequestClock } from '../../../src/core/request-clock.js';
import { bucketsOf, countBuckets, isoMs } from '../../../src/core/time.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { type Series, TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const NOW = Date.parse('2026-03-10T15:30:00Z'); // a Tuesday

const PERIODS: Array<[Period, string, string]> = [
  ['today', '2026-03-10T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['yesterday', '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z'],
  ['last7days', '2026-03-04T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['last30days', '2026-02-09T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['thisMonth', '2026-03-01T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['lastMonth', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
  ['last3Months', '2026-01-01T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['thisYear', '2026-01-01T00:00:00.000Z', '2026-03-10T15:30:00.000Z'],
  ['lastYear', '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
];

describe('ChatBot.com report windows', () => {
  it.each(PERIODS)('resolves %s on 2026-03-10 to [%s, %s)', (period, start, end) => {
    const w = periodWindow(period, new RequestClock(NOW));
    expect([isoMs(w.start), isoMs(w.end)]).toEqual([start, end]);
  });

  it.each(PERIODS)(
    'serves %s against the X-Mock-Now clock, one point per day',
    async (period, start, end) => {
      const app = testApp();
      const body = await chatbotcom(app).ok<Series>(`/reports/conversations?period=${period}`, {
        headers: { 'X-Mock-Now': isoMs(NOW) },
      });
      const days = bucketsOf({ start: Date.parse(start), end: Date.parse(end) }, 'day');
      expect(body.data.map((p) => p.date)).toEqual(days.map((d) => isoMs(d.start)));
    },
  );

  it('serves lastMonth on 2026-03-10 as the 28 days of February', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>('/reports/conversations?period=lastMonth', {
      headers: { 'X-Mock-Now': isoMs(NOW) },
    });
    expect(body.data).toHaveLength(28);
    expect(body.data[0]?.date).toBe('2026-02-01T00:00:00.000Z');
    expect(body.data.at(-1)?.date).toBe('2026-02-28T00:00:00.000Z');
  });

  it('lets explicit from and to win over period', async () => {
    const app = testApp();
    const both = await chatbotcom(app).get(
      '/reports/conversations?period=today&from=2025-02-01&to=2025-02-03',
    );
    const plain = await chatbotcom(app).get('/reports/conversations?from=2025-02-01&to=2025-02-03');
    expect(both.text).toBe(plain.text);
    expect(both.body.data).toHaveLength(3);
  });

  it('defaults to to now when only from is given', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2025-02-27T06:00:00Z&dimension=hour',
    );
    expect(body.data[0]?.date).toBe('2025-02-27T06:00:00.000Z');
    expect(body.data.at(-1)?.date).toBe('2025-03-01T11:00:00.000Z'); // the hour that holds now (12:00)
  });

  it('covers the whole day of a date-only to, and starts the first point at the bucket start', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2025-02-10T18:00:00Z&to=2025-02-11&dimension=day',
    );
    expect(body.data.map((p) => p.date)).toEqual(['2025-02-10T00:00:00.000Z', '2025-02-11T00:00:00.000Z']);
  });

  it('reads a time with a zone offset as that instant', async () => {
    const app = testApp();
    const zoned = await chatbotcom(app).get(
      '/reports/conversations?from=2025-02-10T02:00:00%2B02:00&to=2025-02-10T06:00:00Z&dimension=hour',
    );
    const utc = await chatbotcom(app).get(
      '/reports/conversations?from=2025-02-10T00:00:00Z&to=2025-02-10T06:00:00Z&dimension=hour',
    );
    expect(zoned.text).toBe(utc.text);
  });

  it.each([
    [0, 'hour'],
    [2, 'hour'],
    [2.01, 'day'],
    [90, 'day'],
    [91, 'month'],
    [1096, 'month'],
    [1097, 'year'],
  ])('picks the auto dimension for a %s-day window: %s', (days, unit) => {
    const window = { start: 0, end: days * 86_400_000 };
    const clock = new RequestClock(window.end);
    expect(resolveDimension('auto', { ...window, endsAtNow: false }, clock)).toBe(unit);
    // The same window ending at now: the same unit, decided against the clock.
    expect(resolveDimension('auto', { ...window, endsAtNow: true }, clock)).toBe(unit);
  });

  it.each([
    ['period=yesterday', 24, '2025-02-28T00:00:00.000Z'],
    ['period=last7days', 7, '2025-02-23T00:00:00.000Z'],
    ['period=last3Months', 60, '2025-01-01T00:00:00.000Z'],
    ['period=lastYear', 12, '2024-01-01T00:00:00.000Z'],
    ['from=2020-06-01&to=2025-01-01', 6, '2020-01-01T00:00:00.000Z'],
  ])('answers dimension=auto for %s with %i points from %s', async (window, points, first) => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(`/reports/conversations.paid?${window}&dimension=auto`);
    expect(body.data).toHaveLength(points);
    expect(body.data[0]?.date).toBe(first);
  });

  it('counts buckets exactly as bucketsOf lists them', () => {
    const instant = fc.integer({ min: Date.UTC(1974, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.constantFrom('hour', 'day', 'month', 'year' as const),
        (start, length, unit) => {
          const window = { start, end: start + length };
          const expected = window.end > window.start ? bucketsOf(window, unit).length : 0;
          expect(countBuckets(window, unit)).toBe(expected);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
