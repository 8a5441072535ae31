import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { testApp } from '../../support/app.js';

describe('control plane', () => {
  it('reports health: status, version, seed, clock, scenario, APIs, spec hashes, workers and pid', async () => {
    const res = await request(testApp({ seed: 5 })).get('/__mock/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      seed: 5,
      now: '2025-03-01T12:00:00.000Z',
      clock: 'fixed',
      scenario: 'default',
      workers: 1,
      pid: process.pid,
    });
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.body.apis.map((a: { name: string }) => a.name)).toContain('digitalcx');
    expect(res.body.specs.digitalcx.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('journals API requests, bounded, and forgets them on DELETE', async () => {
    const app = testApp({ journalSize: 2 });
    for (const n of [1, 2, 3]) await request(app).get(`/digitalcx/acme/projects/shop/interactions?n=${n}`);
    const res = await request(app).get('/__mock/requests');
    expect(res.body.requests.map((r: { url: string }) => r.url)).toEqual([
      '/digitalcx/acme/projects/shop/interactions?n=2',
      '/digitalcx/acme/projects/shop/interactions?n=3',
    ]);
    expect(res.body.requests[1]).toMatchObject({
      method: 'GET',
      api: 'digitalcx',
      operationId: 'getInteractions',
      status: 401,
    });
    expect((await request(app).delete('/__mock/requests')).status).toBe(204);
    expect((await request(app).get('/__mock/requests')).body.requests).toEqual([]);
  });

  it('serves each spec as YAML, or as JSON when asked', async () => {
    const app = testApp();
    const yaml = await request(app).get('/__mock/specs/digitalcx');
    expect(yaml.headers['content-type']).toMatch(/yaml/);
    const json = await request(app).get('/__mock/specs/digitalcx').set('Accept', 'application/json');
    expect(json.body).toEqual(parse(yaml.text));
    const missing = await request(app).get('/__mock/specs/..%2Fpackage.json');
    expect(missing.status).toBe(404);
  });

  it('switches the scenario at run time and refuses an unknown one, listing the known ones', async () => {
    const app = testApp({}, [
      { name: 'quiet', description: 'no traffic', knobs: { empty: true }, rules: [] },
    ]);
    const { state } = app;
    expect((await request(app).get('/__mock/scenario')).body.name).toBe('default');
    const put = await request(app).put('/__mock/scenario').send({ name: 'quiet' });
    expect(put.body).toEqual({ name: 'quiet', description: 'no traffic' });
    const data = await request(app)
      .get('/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28&endDate=2025-03-01')
      .set('Authorization', 'Bearer x');
    expect(data.headers['x-mock-scenario']).toBe('quiet');
    expect(data.text.trim().split('\r\n')).toHaveLength(1);
    const bad = await request(app).put('/__mock/scenario').send({ name: 'nope' });
    expect(bad.status).toBe(400);
    const known = [...state.scenarios.keys()];
    expect(known).toEqual(expect.arrayContaining(['default', 'empty', 'flaky', 'quiet']));
    expect(bad.body.error.message).toBe(`Unknown scenario 'nope'. Known scenarios: ${known.join(', ')}.`);
    const list = await request(app).get('/__mock/scenarios');
    expect(list.body.scenarios.map((s: { name: string }) => s.name)).toEqual(known);
  });

  it('names the problem with a body it cannot take: too large, or not JSON', async () => {
    const app = testApp();
    const big = await request(app)
      .put('/__mock/scenario')
      .type('json')
      .send({ name: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than 16 KB/);
    const broken = await request(app).put('/__mock/scenario').type('json').send('{"name":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/could not be read as JSON/);
  });

  it('requires the admin token when one is set, except for health', async () => {
    const app = testApp({ adminToken: 'let-me-in-please' });
    expect((await request(app).get('/__mock/health')).status).toBe(200);
    const denied = await request(app).put('/__mock/scenario').send({ name: 'default' });
    expect(denied.status).toBe(401);
    expect(denied.body.error.message).toMatch(/Authorization: Bearer <admin token>/);
    expect(
      (await request(app).get('/__mock/requests').set('Authorization', 'Bearer let-me-in-pleasE')).status,
    ).toBe(401);
    expect(
      (await request(app).get('/__mock/requests').set('Authorization', 'Bearer let-me-in-please')).status,
    ).toBe(200);
  });

  it('is absent with admin off, but for health, which container health checks probe', async () => {
    const app = testApp({ admin: false });
    expect((await request(app).get('/__mock/health')).status).toBe(200);
    expect((await request(app).get('/__mock/requests')).status).toBe(404);
    expect((await request(app).get('/docs')).status).toBe(404);
  });

  it('gives browsers of other origins no access to the control plane, unless named with --cors-origin', async () => {
    const open = await request(testApp()).get('/__mock/requests').set('Origin', 'https://evil.example');
    expect(open.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(testApp())
      .options('/__mock/scenario')
      .set({ Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const named = await request(testApp({ corsOrigins: ['http://localhost:5173'] }))
      .get('/__mock/requests')
      .set('Origin', 'http://localhost:5173');
    expect(named.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('never echoes Origin: null with credentials', async () => {
    const res = await request(testApp())
      .options('/digitalcx/acme/projects/shop/interactions')
      .set({ Origin: 'null', 'Access-Control-Request-Method': 'GET' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves each API reference its spec from /docs, so the page works behind --admin-token', async () => {
    const app = testApp({ adminToken: 'let-me-in-please' });
    const page = await request(app).get('/docs/digitalcx');
    expect(page.text).toContain('/docs/digitalcx/spec.yaml');
    const spec = await request(app).get('/docs/digitalcx/spec.yaml');
    expect(spec.status).toBe(200);
    expect(parse(spec.text).openapi).toBe('3.1.0');
    expect((await request(app).get('/docs/nope/spec.yaml')).status).toBe(404);
  });

  it('answers CORS preflights from a browser origin', async () => {
    const res = await request(testApp())
      .options('/digitalcx/acme/projects/shop/interactions')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization, x-mock-seed');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-allow-headers']).toBe('authorization, x-mock-seed');
  });
});
