import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

// Every bot is created during 2022, so from 2022 up to a now in 2035 holds at least 12 years
// (more than 100000 hours), and up to a now in 2033 at most 11 years (fewer).
const WINDOW = { start_time: '2022-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };
const OVER = { 'X-Mock-Now': '2035-01-01T00:00:00Z' };
const UNDER = { 'X-Mock-Now': '2033-01-01T00:00:00Z' };
const CASES: Array<[string, string, Record<string, string>]> = [
  ['team conversations', '/v1/teams/team-a/conversations', { bucket: '1m' }],
  ['bot conversations', '/v1/bots/bot-a/conversations', { version: 'LIVE', bucket: '1w' }],
];

describe('Chatlayer hour budget', () => {
  it.each([
    ...CASES,
    [
      'bot insights',
      '/v1/bots/bot-a/conversations/insights',
      { version: 'LIVE', bucket: '1w', stat: 'num_messages' },
    ] as [string, string, Record<string, string>],
  ])(
    'refuses %s over more than 100000 live hours with a 400 in the vendor shape',
    async (_name, path, params) => {
      const res = await chatlayer(chatlayerApp()).get(`${path}?${queryString({ ...WINDOW, ...params })}`, {
        headers: OVER,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 3, details: [] });
      expect(res.body.message).toMatch(
        /^The range \[start_time, end_time\) \(2022-01-01T00:00:00Z to 2100-01-01T00:00:00Z\) holds 1\d{5} hours .*at most 100000 hours are computed per request: narrow the window\.$/,
      );
    },
  );

  it.each(CASES)('serves %s over just under 100000 live hours', async (_name, path, params) => {
    const res = await chatlayer(chatlayerApp()).get(`${path}?${queryString({ ...WINDOW, ...params })}`, {
      headers: UNDER,
    });
    expect(res.status).toBe(200);
  });
});
