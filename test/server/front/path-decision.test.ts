/** Issue 20 item 1: every check of the front reads one decision about a path (request-path.ts). */
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { closeServers, sendRaw, serve } from '../../support/wire.js';

const EVIL = 'http://evil.test';
const VARIANTS = [
  '/__MOCK/requests',
  '/__Mock/',
  '/%5F%5Fmock/requests',
  '//__mock/requests',
  '/__mock/requests/',
];

afterEach(closeServers);

describe('the path decision', () => {
  it.each(VARIANTS)('gives another origin no CORS on the control plane through %s', async (url) => {
    const res = await request(testApp()).get(url).set('Origin', EVIL);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each(VARIANTS)('answers no preflight for a scenario switch through %s', async (url) => {
    const res = await request(testApp())
      .options(url.replace(/requests\/?$/, 'scenario'))
      .set({ Origin: EVIL, 'Access-Control-Request-Method': 'PUT' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('serves the control plane at every spelling that gets its CORS, and at no other', async () => {
    const app = testApp();
    for (const url of ['/__MOCK/requests', '/%5F%5Fmock/requests', '/__mock/requests/'])
      expect((await request(app).get(url)).status, url).toBe(200);
    expect((await request(app).get('//__mock/requests')).status).toBe(404);
  });

  it('keeps the control plane and the docs out of the journal whatever their spelling', async () => {
    const app = testApp();
    const { state } = app;
    for (const url of ['/__MOCK/requests', '/%5F%5Fmock/health', '/DOCS', '/Docs/generalbots'])
      await request(app).get(url);
    expect(state.journal.list().map((entry) => entry.url)).toEqual([]);
  });

  it('journals an API request under any case of its prefix, with the URL as sent', async () => {
    const app = testApp();
    const { state } = app;
    await request(app).get('/GeneralBots/api/v1/analytics/usage?days=1').set('Authorization', 'Bearer x');
    expect(state.journal.list()).toMatchObject([
      { url: '/GeneralBots/api/v1/analytics/usage?days=1', api: 'generalbots', operationId: 'getUsage' },
    ]);
  });

  it('serves an absolute-form request target as the origin-form one, and journals it as sent', async () => {
    const mock = testApp();
    const port = await serve(mock);
    const path = '/chatbotcom/reports/conversations?period=today';
    const origin = await sendRaw(port, path, { authorization: 'Bearer x' });
    const absolute = await sendRaw(port, `http://mock.test${path}`, { authorization: 'Bearer x' });
    expect(origin.status).toBe(200);
    expect(absolute).toEqual(origin);
    const control = await sendRaw(port, 'http://mock.test/__MOCK/health', { origin: EVIL });
    expect(control.status).toBe(200);
    expect(control.headers.join('\n')).not.toMatch(/Access-Control-Allow-Origin/);
    expect(mock.state.journal.list().map((entry) => [entry.url, entry.operationId])).toEqual([
      [path, 'getConversationsReport'],
      [`http://mock.test${path}`, 'getConversationsReport'],
    ]);
  });
});
