import type { RequestListener } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { send } from '../../support/contract.js';
import { TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const C = '/reports/conversations';
const B = '/reports/conversations.busiestPeriod';
const P = '/reports/interactions.popularity';

/** Bad requests: the path, and what the message must say (the parameter and what it accepts). */
const BAD: Array<[string, RegExp]> = [
  [`${C}?period=last2days`, /'period'.*must be one of today, yesterday, last7days, last30days, thisMonth/],
  [`${C}.paid?dimension=week`, /'dimension'.*must be one of auto, year, month, day, hour/],
  [`${C}.messages?group=channel`, /'group'.*must be one of storyId, source/],
  [
    `${C}?source=email`,
    /'source'.*must be one of messenger, livechat, livechat3, slack, widget, app, custom/,
  ],
  [`${C}.average?source=widget,email`, /'source'.*'widget,email'.*must be one of/],
  [`${C}?storyId=5b07ffafc2376e30306d9b1`, /'storyId'.*24-character/],
  [`${C}?storyId=5b07ffafc2376e30306d9b16a`, /'storyId'.*24-character/],
  [`${C}?storyId=5b07ffafc2376e30306d9b16,nothex-nothex-nothex-xx`, /'storyId'.*24-character/],
  [`${B}?storyId=5B07FFAFC2376E30306D9B16`, /'storyId'.*24-character/],
  [`${B}?offset=721`, /'offset'.*720/],
  [`${B}?offset=-721`, /'offset'.*-720/],
  [`${B}?offset=1.5`, /'offset'.*integer/],
  [`${B}?offset=east`, /'offset'.*integer/],
  [`${B}?source=widget,slack`, /'source'.*must be one of/],
  [`${B}?source=widget&source=slack`, /'source'.*given 2 times/],
  [`${P}?storyId=5b07ffafc2376e30306d9b16&storyId=5b07ff77c2376e30306d9b12`, /'storyId'.*given 2 times/],
  [`${P}?period=lastWeek`, /'period'.*must be one of/],
  [`${C}?from=2019-02-30`, /'from'.*'2019-02-30' is not a real date/],
  [`${C}?to=2019-13-01`, /'to'.*not a real date/],
  [`${C}?from=yesterday`, /'from'.*'yesterday'/],
  [`${C}?from=2019-03-18&to=2019-03-17`, /'from' and 'to'.*must not be later than 'to'/],
  [`${B}?from=2019-03-17T12:00:00Z&to=2019-03-17T11:00:00Z`, /'from' and 'to'/],
  [`${P}?from=2025-03-02`, /'from'.*must not be later than 'to' \(now/],
  [`${C}?to=1973-12-31`, /'from' \(1974-01-01T00:00:00.000Z\) must not be later/],
  [
    `${C}?to=2025-01-01&dimension=hour`,
    /'dimension'.*447096 hour points; the limit is 25000 points per series/,
  ],
  [`${C}.average?from=2021-01-01&dimension=hour`, /limit is 25000 points/],
];

describe('ChatBot.com errors', () => {
  it.each(BAD)('answers 400 for %s, naming the parameter', async (path, message) => {
    const app = testApp();
    const res = await chatbotcom(app).get(path);
    expect(res.status).toBe(400);
    expect(res.body.status).toMatchObject({ code: 400, type: 'error' });
    expect(res.body.status.message).toMatch(message);
    expect(res.body.timestamp).toBe('2025-03-01T12:00:00.000Z');
  });

  it('accepts the edges of the documented ranges', async () => {
    const app = testApp();
    for (const path of [`${B}?offset=720`, `${B}?offset=-720`, `${C}?from=2019-03-17&to=2019-03-17`]) {
      expect((await chatbotcom(app).get(path)).status, path).toBe(200);
    }
  });

  it.each([
    ['no Authorization header', undefined, /^Missing authorization header; expected "Authorization: Bearer/],
    ['a Basic header', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', /^Wrong authorization type; expected "Bearer"$/],
    ['an empty bearer token', 'Bearer ', /^Missing access token/],
    ['the magic token expired', 'Bearer expired', /^Invalid or expired access token$/],
  ])('answers 401 for %s', async (_, header, message) => {
    const app = testApp();
    let test = request(app).get(`/chatbotcom${C}`);
    if (header !== undefined) test = test.set('Authorization', header);
    const res = await send(test);
    expect(res.status).toBe(401);
    expect(res.body.status).toMatchObject({ code: 401, type: 'error' });
    expect(res.body.status.message).toMatch(message);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 403 for the magic token forbidden', async () => {
    const app = testApp();
    const res = await chatbotcom(app).get(`${B}`, { secret: 'forbidden' });
    expect(res.status).toBe(403);
    expect(res.body.status).toEqual({
      code: 403,
      type: 'error',
      message: 'Access token does not grant access to reports',
    });
  });

  it('checks the token before the parameters', async () => {
    const app = testApp();
    const res = await chatbotcom(app).get(`${C}?period=never`, { secret: null });
    expect(res.status).toBe(401);
  });

  it.each([
    '/reports/conversations.unknown',
    '/reports',
    '/reports/interactions',
    '/v1/reports/conversations',
  ])('answers 404 in the status envelope for the unknown path %s', async (path) => {
    const app = testApp();
    const res = await chatbotcom(app).get(path);
    expect(res.status).toBe(404);
    expect(res.body.status.code).toBe(404);
    expect(res.body.status.type).toBe('error');
    expect(res.body.status.message).toMatch(/^Resource does not exist: .*GET \/.*/);
  });

  it('answers a forced 500 with the documented envelope', async () => {
    const app = testApp();
    const res = await chatbotcom(app).get(P, { headers: { Prefer: 'code=500' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      timestamp: '2025-03-01T12:00:00.000Z',
      status: { code: 500, type: 'error', message: 'Internal server error' },
    });
  });

  it("answers a scenario's forced status with the vendor's error for it", async () => {
    const app = testApp({}, [
      {
        name: 'down',
        description: 'every report fails',
        knobs: {},
        rules: [{ match: { api: 'chatbotcom' }, status: 401 }],
      },
    ]);
    const res = await chatbotcom(app).get(C, { headers: { 'X-Mock-Scenario': 'down' } });
    expect(res.status).toBe(401);
    expect(res.body.status.message).toBe('Invalid or expired access token');
  });
});
