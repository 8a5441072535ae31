import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

describe('smoke', () => {
  it('serves a CSV day', async () => {
    const { app } = testApp();
    const res = await send(
      request(app)
        .get(
          '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T09:00:00Z&endDate=2025-02-28T10:00:00Z',
        )
        .set('Authorization', 'Bearer abc'),
    );
    expect(res.status).toBe(200);
    const json = await send(
      request(app)
        .get(
          '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T09:00:00Z&endDate=2025-02-28T10:00:00Z',
        )
        .set('Authorization', 'Bearer abc')
        .set('Accept', 'application/json'),
    );
    expect(json.body.length).toBeGreaterThan(0);
  });
});
