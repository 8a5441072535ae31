import type { RequestListener } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { apiClient } from '../../support/client.js';
import { ENDPOINTS, freshApp } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

const VALID = { dateFrom: '2025-02-20', dateTo: '2025-02-21', client: 'acme-council' };

// A query (undefined drops a parameter), and fragments the 400 message must hold.
const BAD: [string, Record<string, string | undefined>, string[]][] = [
  ['no dateFrom', { dateFrom: undefined }, ["'dateFrom'", 'Missing']],
  ['no dateTo', { dateTo: undefined }, ["'dateTo'", 'Missing']],
  ['no client', { client: undefined }, ["'client'", 'Missing']],
  ['an empty client', { client: '' }, ["'client'", 'Missing']],
  ['a dateFrom in another format', { dateFrom: '16/04/2024' }, ["'dateFrom'", 'ISO 8601']],
  ['a dateTo that is no date', { dateTo: '2025-02-30' }, ["'dateTo'", 'is not a date', 'ISO 8601']],
  ['a month 13', { dateFrom: '2025-13-01' }, ["'dateFrom'", 'is not a date']],
  [
    'a dateFrom before 1970',
    { dateFrom: '1969-12-31T23:59:59.999Z' },
    ["'dateFrom'", '1970-01-01T00:00:00.000Z'],
  ],
  ['a dateTo after 9999', { dateTo: '9999-12-31T23:00:00-02:00' }, ["'dateTo'", '9999-12-31T23:59:59.999Z']],
  ['an unknown resolution', { resolution: 'year' }, ["'resolution'", 'hour, day, week, month, quarter']],
  ['a resolution in capitals', { resolution: 'Day' }, ["'resolution'", 'hour, day, week, month, quarter']],
  [
    'a dateTo before dateFrom',
    { dateFrom: '2025-02-20T10:57:12.873Z', dateTo: '2025-02-20T10:57:12.872Z' },
    ["'dateTo'", 'before dateFrom 2025-02-20T10:57:12.873Z'],
  ],
  [
    'too many hourly buckets',
    { dateFrom: '2020-01-01', dateTo: '2024-05-01', resolution: 'hour' },
    ['37968 hour buckets', 'at most 10000'],
  ],
  [
    'too many daily buckets',
    { dateFrom: '1970-01-01', dateTo: '2025-01-01' },
    ['day buckets', 'at most 10000', 'coarser resolution'],
  ],
];

function queryOf(changes: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...VALID, ...changes })) if (v !== undefined) out[k] = v;
  return out;
}

const HUGE: Scenario = {
  name: 'huge',
  description: 'A very busy workspace.',
  knobs: { volume: 20_000 },
  rules: [],
};

describe('logicdialog bad input', () => {
  it.each(BAD)('answers %s with a 400 naming the problem', async (_, changes, fragments) => {
    const app = freshApp();
    const res = await logicdialog(app).get('/message', { query: queryOf(changes) });
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    for (const fragment of fragments) expect(res.body.message).toContain(fragment);
  });

  it('answers a wbb-client header that differs from client with a 400, and accepts the same one', async () => {
    const app = freshApp();
    const other = await logicdialog(app).get('/message', {
      query: VALID,
      headers: { 'wbb-client': 'other-workspace' },
    });
    expect(other.status).toBe(400);
    expect(other.body.message).toContain("header 'wbb-client': 'other-workspace' must equal the client");
    expect(
      (await logicdialog(app).get('/message', { query: VALID, headers: { 'wbb-client': 'acme-council' } }))
        .status,
    ).toBe(200);
  });

  it('accepts the first and the last instant of the accepted range', async () => {
    const app = freshApp();
    const early = await logicdialog(app).get('/message', {
      query: {
        ...VALID,
        dateFrom: '1970-01-01T00:00:00Z',
        dateTo: '1970-03-01',
      },
    });
    const late = await logicdialog(app).get('/message', {
      query: {
        ...VALID,
        dateFrom: '9999-12-01',
        dateTo: '9999-12-31T23:59:59.999Z',
      },
    });
    expect(early.status).toBe(200);
    expect(late.status).toBe(200);
    expect(late.body.series[0].data).toHaveLength(31);
  });

  it('refuses a window holding more than 100000 hours of activity', async () => {
    const app = freshApp();
    const res = await logicdialog(app).get('/message', {
      query: { ...VALID, dateFrom: '2022-01-01', dateTo: '2040-01-01', resolution: 'quarter' },
      headers: {
        'X-Mock-Now': '2040-01-01T00:00:00Z',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('at most 100000 hours');
  });

  it('refuses to list more than 100000 or average more than 1000000 interventions, and still counts them', async () => {
    const app = freshApp([HUGE]);
    const query = { ...VALID, dateFrom: '2025-02-01', dateTo: '2025-03-01' };
    const headers = { 'X-Mock-Scenario': 'huge' };
    const count = await logicdialog(app).get('/intervention', { query, headers });
    expect(count.status).toBe(200);
    expect(count.body.total).toBeGreaterThan(1_000_000);
    const detail = await logicdialog(app).get('/intervention-detail', { query, headers });
    expect(detail.status).toBe(400);
    expect(detail.body.message).toContain(
      `holds ${count.body.total} interventions; at most 100000 are listed`,
    );
    for (const endpoint of ['intervention/average-time', 'intervention/average-time-by-agent-series']) {
      const res = await logicdialog(app).get(`/${endpoint}`, { query, headers });
      expect(res.status, endpoint).toBe(400);
      expect(res.body.message).toContain('at most 1000000 are averaged');
    }
  });

  it.each([400, 401, 403, 500])('answers Prefer: code=%i in the error shape', async (status) => {
    const app = freshApp();
    const res = await logicdialog(app).get('/events', {
      query: VALID,
      headers: { Prefer: `code=${status}` },
    });
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
  });

  it('never answers random input with anything but 200 or 400', async () => {
    const app = freshApp();
    const date = fc
      .date({
        min: new Date('2024-06-01T00:00:00Z'),
        max: new Date('2025-06-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    const value = (valid: fc.Arbitrary<string>) =>
      fc.oneof(
        valid,
        fc.constant(undefined),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('', '2024-02-30', '0000-01-01'),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        value(date),
        value(date),
        value(fc.constantFrom('acme', 'x', 'a b')),
        value(fc.constantFrom('hour', 'day', 'week', 'month', 'quarter')),
        fc.option(fc.stringMatching(/^[\x21-\x7e]{1,12}$/), { nil: undefined }),
        async (endpoint, dateFrom, dateTo, client, resolution, wbbClient) => {
          const query = queryOf({ dateFrom, dateTo, client, resolution });
          for (const k of Object.keys(VALID)) if (!(k in query)) query[k] = '';
          const res = await logicdialog(app).get(`/${endpoint}`, {
            query,
            headers: wbbClient === undefined ? {} : { 'wbb-client': wbbClient },
          });
          expect([200, 400]).toContain(res.status);
          if (res.status === 400) expect(res.body.message.length).toBeGreaterThan(0);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
