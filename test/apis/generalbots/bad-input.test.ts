import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';
import { BASE, expectError, generalbots, TOKEN } from './envelope.js';

const GET_PATHS = [
  '/usage',
  '/usage/daily',
  '/usage/monthly',
  '/conversations',
  '/conversations/volume',
  '/conversations/duration',
  '/conversations/resolution',
  '/engagement',
  '/engagement/retention',
  '/engagement/satisfaction',
  '/reports',
  '/realtime',
  '/realtime/active',
];

const NAMES = ['start_date', 'end_date', 'days', 'period', 'group_by', 'bot_id', 'user_id', 'limit'];

/** Values near and far from what the parameters accept. */
const values = fc.oneof(
  fc.constantFrom(
    '2025-01-01',
    '2025-02-30',
    '9999-12-31',
    '0000-01-01',
    '2025-01-01T25:00:00Z',
    '2025-13-01',
  ),
  fc.constantFrom('today', 'week', 'decade', 'hour', 'month', 'HOUR', '', '0', '-1', '3650', '3651', '1e3'),
  fc.constantFrom('3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17', 'not-a-uuid', '%00', "'; drop table"),
  fc.integer({ min: -5, max: 4000 }).map(String),
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);

const queries = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), values), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

const bodies = fc.oneof(
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('usage', 'custom', 'weekly'), fc.anything()),
      start_date: fc.oneof(
        fc.constantFrom('2025-01-01', '2025-02-30', '1990-01-01', '9999-12-31'),
        fc.anything(),
      ),
      end_date: fc.oneof(fc.constantFrom('2025-01-31', '2024-12-01', '9999-12-31'), fc.anything()),
      format: fc.oneof(fc.constantFrom('pdf', 'csv', 'json', 'docx'), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

describe('General Bots bad input', () => {
  it('answers any query on any GET with 200 or a 400 in the envelope, never a 5xx', async () => {
    const app = testApp();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GET_PATHS), queries, async (path, query) => {
        const res = await generalbots(app).get(`${path}?${query}`);
        expect([200, 400], `${path}?${query}: ${res.text}`).toContain(res.status);
        if (res.status === 400) expectError(res, 400);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('answers any JSON body to POST /reports with 201 or a 400 in the envelope, never a 5xx', async () => {
    const app = testApp();
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await send(
          request(app)
            .post(`${BASE}/reports`)
            .set('Authorization', `Bearer ${TOKEN}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body)),
        );
        expect([201, 400], `${JSON.stringify(body)}: ${res.text}`).toContain(res.status);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('names the parameter and the accepted values in a 400', async () => {
    const app = testApp();
    const period = await generalbots(app).get('/usage?period=decade');
    expectError(period, 400);
    expect(period.body.error).toBe(
      "Invalid query parameter 'period': 'decade' must be one of today, week, month, year.",
    );
    const date = await generalbots(app).get('/usage?start_date=yesterday');
    expect(date.body.error).toBe(
      "Invalid query parameter 'start_date': 'yesterday' must be an ISO 8601 date or instant such as 2025-01-31 or 2025-01-31T12:00:00Z.",
    );
    const days = await generalbots(app).get('/usage/daily?days=4000');
    expect(days.body.error).toBe("Invalid query parameter 'days': '4000' must be <= 3650.");
    const bot = await generalbots(app).get('/realtime?bot_id=bot-1');
    expect(bot.body.error).toBe(
      "Invalid query parameter 'bot_id': 'bot-1' must be a UUID such as 3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17.",
    );
  });

  it('answers an unknown path or method under the prefix in the envelope', async () => {
    const app = testApp();
    const missing = await generalbots(app).get('/usage/weekly');
    expectError(missing, 404);
    const method = await send(request(app).delete(`${BASE}/reports`).set('Authorization', `Bearer ${TOKEN}`));
    expectError(method, 405);
    expect(method.headers.allow).toBe('GET, POST, HEAD');
  });

  it('answers a forced documented error with the vendor text of that status', async () => {
    const app = testApp();
    const res = await generalbots(app).get('/usage', { headers: { Prefer: 'code=500' } });
    expectError(res, 500);
    expect(res.body.error).toBe('Internal Server Error');
  });
});
