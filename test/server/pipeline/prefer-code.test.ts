/**
 * `Prefer: code=429` gives the 429 every spec documents with its `Retry-After` header: a client that
 * waits what the header says must find it there, as after the rate-limited scenario's 429.
 */
import { describe, expect, it } from 'vitest';
import { API_MODULES } from '../../../src/server/registry.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';

describe('Prefer: code=429', () => {
  it.each(API_MODULES.map((m) => [m.name]))(
    'answers %s with the Retry-After the rate-limited scenario sends',
    async (name) => {
      const client = apiClient(name, testApp());
      const preferred = await client.sample({ headers: { Prefer: 'code=429' } });
      const limited = await client.sample({ headers: { 'X-Mock-Scenario': 'rate-limited' } });
      expect(preferred.status).toBe(429);
      expect(limited.status).toBe(429);
      expect(preferred.headers['retry-after']).toBe('1');
      expect(preferred.headers['retry-after']).toBe(limited.headers['retry-after']);
    },
  );

  it("repeats the wait in General Bots' body, as its rate limiter does", async () => {
    const res = await apiClient('generalbots', testApp()).sample({ headers: { Prefer: 'code=429' } });
    expect(res.body).toMatchObject({ error: 'rate_limit_exceeded', retry_after_secs: 1 });
  });
});
