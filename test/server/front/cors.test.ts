import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

const URL = '/digitalcx/acme/projects/shop/interactions';
const DATA = `${URL}?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z`;

function preflight(app: ReturnType<typeof testApp>, origin: string) {
  return request(app)
    .options(URL)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'GET')
    .set('Access-Control-Request-Headers', 'authorization, x-mock-seed');
}

describe('cors', () => {
  it('answers a preflight from any browser origin by default, with credentials allowed', async () => {
    const res = await preflight(testApp(), 'http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization, x-mock-seed',
      vary: 'Origin',
    });
    expect(res.headers['access-control-allow-methods']).toContain('GET');
  });

  it('sends no CORS headers to a client that is not a browser on another origin (no Origin header)', async () => {
    const res = await send(request(testApp()).get(DATA).set('Authorization', 'Bearer x'));
    expect(res.status).toBe(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(res.headers.vary).toBe('Origin');
  });

  it('lets a browser script read the pagination and control headers of a real response', async () => {
    const res = await send(
      request(testApp()).get(DATA).set('Origin', 'http://localhost:5173').set('Authorization', 'Bearer x'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toContain('continuationToken');
    expect(res.headers['access-control-expose-headers']).toContain('X-Mock-Seed');
  });

  it('allows only the configured origins once restricted', async () => {
    const app = testApp({ corsOrigins: ['https://app.example.com'] });
    const allowed = await preflight(app, 'https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await preflight(app, 'http://localhost:5173');
    expect(other.status).toBe(204);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-methods']).toBeUndefined();
    expect(other.headers.vary).toBe('Origin');
  });

  it('still answers a request from a refused origin, without CORS headers, so the browser blocks it', async () => {
    const app = testApp({ corsOrigins: ['https://app.example.com'] });
    const res = await send(
      request(app).get(DATA).set('Origin', 'http://localhost:5173').set('Authorization', 'Bearer x'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
