/** Issue 15: where the vendor types a parameter as a free string, any string is accepted. */
import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

const WINDOW = { start_time: '2025-02-20T00:00:00Z', end_time: '2025-02-27T00:00:00Z' };
const BOT_PATHS = [
  '/v1/bots/bot-a/conversations',
  '/v1/bots/bot-a/conversations/insights?stat=num_messages',
  '/v1/bots/bot-a/messages',
  '/v1/bots/bot-a/users',
  '/v1/bots/bot-a/users/activity',
  '/v1/bots/bot-a/intents',
  '/v1/bots/bot-a/intents/insights',
  '/v1/bots/bot-a/knowledge_base',
  '/v1/bots/bot-a/knowledge_base/tags',
];

function url(path: string, params: Record<string, string>): string {
  const [base, own] = path.split('?');
  return `${base}?${own ? `${own}&` : ''}${queryString({ version: 'LIVE', ...WINDOW, ...params })}`;
}

/** Every number of an answer, summed (series values, list counts). */
function total(body: unknown): number {
  if (typeof body === 'number') return body;
  if (Array.isArray(body)) return body.reduce((sum: number, item) => sum + total(item), 0);
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.values)) return total(o.values);
    return Object.entries(o).reduce(
      (sum, [k, v]) => (k === 'rank' || k === 'x_values' ? sum : sum + total(v)),
      0,
    );
  }
  return 0;
}

describe('free-string filters (vendor-spec: type string)', () => {
  const app = chatlayerApp();
  describe.each([
    ['channel_type', 'web'],
    ['channel_type', 'RCS'],
    ['channel_type', 'FAX,TELEX'],
    ['language', 'en-US'],
    ['language', 'EN'],
    ['language', 'klingon'],
  ])('%s=%s', (name, value) => {
    it.each(BOT_PATHS)('answers 200 with nothing in it on %s', async (path) => {
      const res = await chatlayer(app).get(url(path, { [name]: value }));
      expect(res.status).toBe(200);
      expect(total(res.body)).toBe(0);
    });
  });

  it('still counts a known value next to an unknown one', async () => {
    const both = await chatlayer(app).get(url('/v1/bots/bot-a/conversations', { channel_type: 'WEB,web' }));
    const known = await chatlayer(app).get(url('/v1/bots/bot-a/conversations', { channel_type: 'WEB' }));
    expect(both.status).toBe(200);
    expect(total(known.body)).toBeGreaterThan(0);
    expect(both.body).toEqual(known.body);
  });

  it.each([
    ['/v1/teams/team-a/knowledge_base', { bucket: '1d', language: 'en-US' }],
    ['/v1/teams/team-a/knowledge_base', { bucket: '1d', channel_type: 'web' }],
    ['/v1/teams/team-a/voice_minutes', { language: 'EN' }],
  ])('answers 200 with zeros on team %s', async (path, params) => {
    const res = await chatlayer(app).get(`${path}?${queryString({ ...WINDOW, ...params })}`);
    expect(res.status).toBe(200);
    expect(total(res.body)).toBe(0);
  });

  it.each([
    ['bucket', '2h', '1h, 1d, 1w'],
    ['version', 'PROD', 'DRAFT, LIVE'],
  ])('keeps validating what the vendor enumerates: %s=%s → 400', async (name, value, accepted) => {
    const res = await chatlayer(app).get(url('/v1/bots/bot-a/messages', { [name]: value }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(3);
    expect(res.body.message).toContain(name);
    expect(res.body.message).toContain(accepted);
  });
});
