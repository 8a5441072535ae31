import type { RequestListener } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../support/client.js';
import { send } from '../../support/contract.js';
import { ENDPOINTS, freshApp, urlOf } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

const QUERY = { dateFrom: '2025-02-20', dateTo: '2025-02-21', client: 'acme-council' };

// Authorization header (undefined = none), status, and a fragment of the message.
const CASES: [string | undefined, number, string][] = [
  [undefined, 401, 'Missing or malformed Authorization header'],
  ['', 401, 'Missing or malformed Authorization header'],
  ['Basic cGs6c2VjcmV0', 401, 'Missing or malformed Authorization header'],
  ['Bearer', 401, 'Missing or malformed Authorization header'],
  ['Bearer nounderscore', 401, 'Malformed API key'],
  ['Bearer _secret', 401, 'Malformed API key'],
  ['Bearer pk_', 401, 'Malformed API key'],
  ['Bearer pk_expired', 401, 'expired'],
  ['Bearer pk_forbidden', 403, '"Fetch Analytics" permission'],
];

describe('logicdialog auth', () => {
  it.each(CASES)('answers Authorization %j with %i', async (authorization, status, message) => {
    const app = freshApp();
    const test = request(app).get(urlOf('user', QUERY));
    const res = await send(authorization === undefined ? test : test.set('Authorization', authorization));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, message: expect.stringContaining(message) });
    if (status === 401) expect(res.headers['www-authenticate']).toBe('Bearer realm="logicdialog"');
  });

  it.each(['Bearer pk_viewer', 'bearer pk_secret', 'Bearer 3f9a_some_key_with_underscores'])(
    'accepts the key %s',
    async (authorization) => {
      const app = freshApp();
      const res = await logicdialog(app).get('/user', {
        query: QUERY,
        headers: { Authorization: authorization },
      });
      expect(res.status).toBe(200);
    },
  );

  it('refuses a key without the Fetch Analytics permission on every endpoint', async () => {
    const app = freshApp();
    for (const endpoint of ENDPOINTS) {
      const res = await logicdialog(app).get(`/${endpoint}`, {
        query: QUERY,
        secret: 'forbidden',
      });
      expect(res.status, endpoint).toBe(403);
    }
  });

  it('checks the key before the parameters', async () => {
    const app = freshApp();
    const res = await logicdialog(app).get('/user', {
      query: { dateFrom: 'yesterday' },
      headers: { Authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
  });
});
