import type { RequestListener } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioRule } from '../../src/core/scenario.js';
import { DAY, interactionsPath } from '../apis/digitalcx/support.js';
import { testApp } from '../support/app.js';
import { apiClient } from '../support/client.js';
import { send } from '../support/contract.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const URL = interactionsPath({ startDate: '2025-02-28T06:00:00Z', endDate: '2025-02-28T07:00:00Z' });

function withRules(...rules: ScenarioRule[]) {
  const scenario: Scenario = { name: 'under-test', description: 'rules under test', knobs: {}, rules };
  return { mock: testApp({ scenario: 'under-test' }, [scenario]) };
}

function token(mock: ReturnType<typeof withRules>['mock'], headers: Record<string, string> = {}) {
  return send(
    request(mock)
      .post('/digitalcx/oauth2/token')
      .type('form')
      .set(headers)
      .send({ grant_type: 'client_credentials', client_id: 'me', client_secret: 's3cret' }),
  );
}

describe('scenario rules', () => {
  it('answers a status with the vendor documented error for it, in the vendor shape, before auth', async () => {
    const { mock } = withRules({ status: 500 });
    const res = await digitalcx(mock).get(URL, { headers: { Authorization: '' } });
    expect(res.status).toBe(500);
    expect(res.text).toBe('Something went wrong');
    const tok = await token(mock);
    expect(tok.status).toBe(500);
    expect(tok.body).toEqual({ error: 'invalid_request', error_description: 'Something went wrong' });
  });

  it('skips a status the operation does not document, so the token endpoint still hands out tokens', async () => {
    const { mock } = withRules({ status: 403 });
    expect((await digitalcx(mock).get(URL)).status).toBe(403);
    expect((await token(mock)).status).toBe(200);
  });

  it('answers a 2xx status without body as an empty response, and 200 as the normal answer', async () => {
    const empty = await digitalcx(withRules({ status: 204 }).mock).get(URL);
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
    const normal = await digitalcx(withRules({ status: 200, headers: { 'X-Rule': 'hit' } }).mock).get(URL);
    expect(normal.status).toBe(200);
    expect(normal.text.startsWith('LogId,')).toBe(true);
    expect(normal.headers['x-rule']).toBe('hit');
  });

  it('sends a given body as JSON, or as text when it is a string, with any status', async () => {
    const json = await request(withRules({ status: 429, body: { error: 'slow down' } }).mock)
      .get(`/digitalcx${URL}`)
      .set('Authorization', 'Bearer x');
    expect(json.status).toBe(429);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual({ error: 'slow down' });
    const text = await request(withRules({ body: 'maintenance' }).mock).get(`/digitalcx${URL}`);
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toBe('maintenance');
    const csv = await request(
      withRules({ body: 'a;b\r\n', headers: { 'Content-Type': 'text/csv' } }).mock,
    ).get(`/digitalcx${URL}`);
    expect(csv.headers['content-type']).toBe('text/csv');
  });

  it('sets headers that win over those the handler sets', async () => {
    const { mock } = withRules({
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/csv; charset=latin1' },
    });
    const res = await request(mock).get(`/digitalcx${URL}`).set('Authorization', 'Bearer x');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('text/csv; charset=latin1');
  });

  it.each([
    [
      'end-before-start',
      { startDate: '2025-05-30T10:00:00Z', endDate: '2025-05-30T09:00:00Z' },
      { startDate: '2025-05-30T10:00:00Z', endDate: '2025-05-30T09:00:00Z' },
    ],
    [
      'window-too-long',
      { startDate: '2025-05-28T00:00:00Z', endDate: '2025-05-29T12:00:00Z' },
      { startDate: '2025-05-31T00:00:00Z', endDate: '2025-06-02T00:00:00Z' },
    ],
    [
      'too-far-back',
      { startDate: '2025-02-02T00:00:00Z', endDate: '2025-02-02T06:00:00Z' },
      { startDate: '2025-03-02T12:00:00Z', endDate: '2025-03-02T18:00:00Z' },
    ],
    [
      'before-data-start',
      { startDate: '2024-12-01T00:00:00Z', endDate: '2024-12-01T06:00:00Z' },
      { startDate: '2024-12-14T00:00:00Z', endDate: '2024-12-14T06:00:00Z' },
    ],
  ])(
    'answers the named error %s as the real check does: for the request, or for an example that breaks the limit',
    async (error, breaking, example) => {
      const headers = { 'X-Mock-Now': '2025-06-01T12:00:00Z' };
      const { mock } = withRules({ error });
      const real = await digitalcx(testApp()).get(interactionsPath(breaking), { headers });
      expect(real.status).toBe(400);
      expect((await digitalcx(mock).get(interactionsPath(breaking), { headers })).text).toBe(real.text);
      const valid = interactionsPath({ startDate: '2025-05-31T00:00:00Z', endDate: '2025-05-31T06:00:00Z' });
      const forced = await digitalcx(mock).get(valid, { headers });
      expect(forced.status).toBe(400);
      expect(forced.text).toBe((await digitalcx(testApp()).get(interactionsPath(example), { headers })).text);
    },
  );

  it('answers unknown-project with the keys of the request', async () => {
    const res = await digitalcx(withRules({ error: 'unknown-project' }).mock).get(
      interactionsPath(DAY, 'globex', 'web'),
    );
    expect(res.status).toBe(400);
    expect(res.text).toBe('Customer key globex with project web does not exist.');
  });

  it('lets Prefer: code= win over the rule', async () => {
    const { mock } = withRules({ status: 500 });
    const res = await digitalcx(mock).get(URL, { headers: { Prefer: 'code=401' } });
    expect(res.status).toBe(401);
    expect((await digitalcx(mock).get(URL, { headers: { Prefer: 'code=200' } })).status).toBe(200);
  });

  it('applies the first matching rule only', async () => {
    const { mock } = withRules(
      { match: { query: { culture: 'nl' } }, status: 500 },
      { match: { operationId: 'getInteractions' }, status: 401 },
      { status: 403 },
    );
    expect((await digitalcx(mock).get(`${URL}&culture=nl`)).status).toBe(500);
    expect((await digitalcx(mock).get(URL)).status).toBe(401);
    expect((await token(mock)).status).toBe(200);
  });
});
