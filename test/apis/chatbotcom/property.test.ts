import type { RequestListener } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { SOURCES, TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const PATHS = [
  'conversations',
  'conversations.paid',
  'conversations.messages',
  'conversations.average',
  'conversations.busiestPeriod',
  'interactions.popularity',
];

const date = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 0, 1) })
  .chain((ms) =>
    fc.constantFrom(
      new Date(ms).toISOString(),
      new Date(ms).toISOString().slice(0, 10),
      new Date(ms).toISOString().slice(0, 16),
    ),
  );

/** A value for each parameter: mostly valid, sometimes not, sometimes anything at all. */
const PARAMS: Record<string, fc.Arbitrary<string>> = {
  from: fc.oneof(date, fc.constantFrom('2019-02-30', '1974-01-01', 'soon')),
  to: fc.oneof(date, fc.constantFrom('2019-13-01', '2100-01-01')),
  period: fc.constantFrom(
    'today',
    'yesterday',
    'last7days',
    'last30days',
    'thisMonth',
    'lastMonth',
    'last3Months',
    'thisYear',
    'lastYear',
    'decade',
  ),
  dimension: fc.constantFrom('auto', 'year', 'month', 'day', 'hour', 'minute'),
  group: fc.constantFrom('storyId', 'source', 'bot'),
  source: fc.constantFrom(...SOURCES, 'widget,slack', 'fax'),
  storyId: fc.oneof(fc.stringMatching(/^[0-9a-f]{24}$/), fc.stringMatching(/^[0-9a-fA-F]{20,26}$/)),
  offset: fc.oneof(fc.integer({ min: -800, max: 800 }).map(String), fc.constantFrom('1.5', 'x', '')),
  noise: fc.string({ maxLength: 12 }),
};

const query = fc.record(PARAMS, { requiredKeys: [] }).map((q) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v ?? '')}`)
    .join('&'),
);

describe('ChatBot.com under random requests', () => {
  it('never answers a 5xx, and every answer matches the spec', async () => {
    const app = testApp();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        query,
        fc.constantFrom('acme', 'viewer', 'expired', 'forbidden', 'another-account'),
        fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) }),
        async (path, q, token, now) => {
          const res = await chatbotcom(app).get(`/reports/${path}?${q}`, {
            headers: { 'X-Mock-Now': new Date(now).toISOString() },
            secret: token,
          });
          expect([200, 400, 401, 403]).toContain(res.status);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
