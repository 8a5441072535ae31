/**
 * Issue 20 item 7: a trailing slash is decided once (route-matcher.ts), and a URL too long for the
 * mock is answered in the documented 400 of the API it names, not an undocumented 414.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

const AUTH = { Authorization: 'Bearer x' };

describe('path edges', () => {
  it('answers /reports/ as getReport with an empty id, as a strict client routes it, not as the list', async () => {
    const app = testApp();
    const { state } = app;
    const res = await send(request(app).get('/generalbots/api/v1/analytics/reports/').set(AUTH));
    expect([400, 404]).toContain(res.status);
    expect(res.body).toMatchObject({ success: false, data: null });
    expect(state.journal.list()[0]?.operationId).toBe('getReport');
  });

  it('ignores a trailing slash where no operation takes an empty last parameter', async () => {
    const app = testApp();
    const { state } = app;
    const res = await send(request(app).get('/generalbots/api/v1/analytics/usage/?days=1').set(AUTH));
    expect(res.status).toBe(200);
    const list = await send(request(app).get('/generalbots/api/v1/analytics/reports?x=1').set(AUTH));
    expect(list.status).toBe(200);
    expect(state.journal.list().map((entry) => entry.operationId)).toEqual(['getUsage', 'listReports']);
  });

  it.each([
    ['/generalbots/api/v1/analytics/usage?days=1', /longer than 8192 characters/],
    [
      '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z',
      /longer than 8192 characters/,
    ],
    ['/chatlayer/v1/bots/b/conversations?start_time=2025-02-28T00:00:00Z', /longer than 8192 characters/],
  ])('answers an over-long URL under %s with the API documented 400', async (url, message) => {
    const res = await send(
      request(testApp())
        .get(`${url}&pad=${'x'.repeat(8200)}`)
        .set(AUTH),
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(message);
  });

  it('keeps the 414 for an over-long URL outside the APIs (the control plane is in no spec)', async () => {
    const res = await request(testApp()).get(`/__mock/health?pad=${'x'.repeat(8200)}`);
    expect(res.status).toBe(414);
  });
});
