import type { RequestListener } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { send } from '../../support/contract.js';
import { csvRows, DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const FORM = {
  grant_type: 'client_credentials',
  client_id: 'my-client',
  client_secret: 's3cret',
  resource: 'https://digitalcx.onmicrosoft.com/external-api',
};

describe('DigitalCX token endpoint', () => {
  it('issues a bearer token, expires_in as a string, that the interactions endpoint accepts', async () => {
    const mock = testApp();
    const res = await send(request(mock).post('/digitalcx/oauth2/token').type('form').send(FORM));
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe('Bearer');
    expect(res.body.expires_in).toBe('3599');
    const data = await digitalcx(mock).get(interactionsPath(DAY), {
      headers: { Authorization: `Bearer ${res.body.access_token}` },
    });
    expect(data.status).toBe(200);
  });

  it('serves the same token at the vendor tenant path, for a client that swaps only the host', async () => {
    const mock = testApp();
    const own = await send(request(mock).post('/digitalcx/oauth2/token').type('form').send(FORM));
    const tenant = await send(
      request(mock).post('/digitalcx/digitalcx.onmicrosoft.com/oauth2/token').type('form').send(FORM),
    );
    expect(tenant.status).toBe(200);
    expect(tenant.body).toEqual(own.body);
    const bad = await send(
      request(mock)
        .post('/digitalcx/digitalcx.onmicrosoft.com/oauth2/token')
        .type('form')
        .send({ ...FORM, grant_type: 'password' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('unsupported_grant_type');
  });

  it('passes the magic viewer secret through, so user info stays empty', async () => {
    const mock = testApp();
    const res = await send(
      request(mock)
        .post('/digitalcx/oauth2/token')
        .type('form')
        .send({ ...FORM, client_secret: 'viewer' }),
    );
    expect(res.body.access_token).toBe('viewer');
    const rows = csvRows(
      (
        await digitalcx(mock).get(interactionsPath({ ...DAY, includeUserInfo: true }), {
          headers: {
            Authorization: 'Bearer viewer',
          },
        })
      ).text,
    );
    expect(rows.every((r) => r.Variables === '')).toBe(true);
  });

  it('answers 401 invalid_client for the magic expired secret', async () => {
    const res = await send(
      request(testApp())
        .post('/digitalcx/oauth2/token')
        .type('form')
        .send({ ...FORM, client_secret: 'expired' }),
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it.each([
    [{ ...FORM, grant_type: 'password' }, 'unsupported_grant_type', /grant_type 'password' is not supported/],
    [
      { grant_type: 'client_credentials', client_secret: 'x' },
      'invalid_body',
      /missing the required field 'client_id'/,
    ],
  ])('answers 400 in the OAuth2 error shape for %j', async (form, code, message) => {
    const res = await send(request(testApp()).post('/digitalcx/oauth2/token').type('form').send(form));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(code);
    expect(res.body.error_description).toMatch(message);
  });
});
