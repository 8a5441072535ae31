/** Issue 20 item 4: a bad control header is answered in the shape of the operation it hit. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { API_MODULES } from '../../../src/server/registry.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { send } from '../../support/contract.js';

const FORM = {
  grant_type: 'client_credentials',
  client_id: 'my-client',
  client_secret: 's3cret',
  resource: 'https://digitalcx.onmicrosoft.com/external-api',
};

const BAD_HEADERS: [string, string, string][] = [
  ['X-Mock-Now', 'bogus', 'X-Mock-Now'],
  ['X-Mock-Seed', '-1', 'X-Mock-Seed'],
  ['X-Mock-Scenario', 'no-such-scenario', 'no-such-scenario'],
  ['Prefer', 'code=abc', 'Prefer'],
];

describe('control header errors', () => {
  it.each(BAD_HEADERS)(
    'answers a bad %s on the DigitalCX token endpoint with its documented JSON OAuth error',
    async (header, value, named) => {
      const res = await send(
        request(testApp()).post('/digitalcx/oauth2/token').type('form').send(FORM).set(header, value),
      );
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(typeof res.body.error).toBe('string');
      expect(res.body.error_description).toContain(named);
    },
  );

  it.each(API_MODULES.map((m) => [m.name, m] as const))(
    'answers a bad X-Mock-Now on the %s sample operation in that operation documented 400',
    async (_, api) => {
      const res = await apiClient(api, testApp()).sample({
        secret: 'secret',
        headers: { 'X-Mock-Now': 'bogus' },
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('X-Mock-Now');
    },
  );
});
