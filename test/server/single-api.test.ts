import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.js';
import { rootApi } from '../../src/server/single-api.js';
import { testApp } from '../support/app.js';
import { send } from '../support/contract.js';

const PATH = '/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z';

describe('single-API mode', () => {
  it('serves the one mounted API at / with the same answers as under its prefix', async () => {
    const app = testApp({ apis: ['digitalcx'] });
    const atRoot = await send(request(app).get(PATH).set('Authorization', 'Bearer x'), {
      rootApi: 'digitalcx',
    });
    const prefixed = await send(request(app).get(`/digitalcx${PATH}`).set('Authorization', 'Bearer x'));
    expect(atRoot.status).toBe(200);
    expect(atRoot.text).toBe(prefixed.text);
  });

  it('matches scenario rule paths and draws the same at / as under the prefix', async () => {
    const failShop: Scenario = {
      name: 'fail-shop',
      description: 'shop fails',
      knobs: {},
      rules: [{ match: { path: '/digitalcx/acme/**' }, status: 500 }],
    };
    const app = testApp({ apis: ['digitalcx'], scenario: 'fail-shop' }, [failShop]);
    const atRoot = await request(app).get(PATH).set('Authorization', 'Bearer x');
    const prefixed = await request(app).get(`/digitalcx${PATH}`).set('Authorization', 'Bearer x');
    expect(prefixed.status).toBe(500);
    expect(atRoot.status).toBe(500);
  });

  it("answers an unknown path at / with that API's own 404", async () => {
    const app = testApp({ apis: ['digitalcx'] });
    const res = await request(app).get('/no/such/path').set('Authorization', 'Bearer x');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('No DigitalCX Analytics API operation at GET /no/such/path.');
  });

  it('keeps the control plane and the docs ahead of the API at /', async () => {
    const app = testApp({ apis: ['digitalcx'] });
    expect((await request(app).get('/__mock/health')).body.status).toBe('ok');
    expect((await request(app).get('/docs')).status).toBe(200);
  });

  it('journals requests served at / under their API', async () => {
    const app = testApp({ apis: ['digitalcx'] });
    const { state } = app;
    await send(request(app).get(PATH).set('Authorization', 'Bearer x'), { rootApi: 'digitalcx' });
    expect(state.journal.list()).toMatchObject([
      { url: PATH, api: 'digitalcx', operationId: 'getInteractions', status: 200 },
    ]);
  });

  it('picks an API for / only when exactly one is mounted', () => {
    expect(rootApi(['digitalcx'])).toBe('digitalcx');
    expect(rootApi(['digitalcx', 'chatlayer'])).toBeUndefined();
    expect(rootApi([])).toBeUndefined();
  });
});
