import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

const REPORTS = '/generalbots/api/v1/analytics/reports';

describe('pipeline', () => {
  it('answers Prefer: code=201 with the real created body, not an empty one', async () => {
    const res = await send(
      request(testApp())
        .post(REPORTS)
        .set({ Authorization: 'Bearer x', Prefer: 'code=201' })
        .send({ type: 'usage', format: 'json' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.data.id).toBeTruthy();
  });

  it('answers a body of an unsupported content type with 415, naming the accepted one', async () => {
    const res = await send(
      request(testApp())
        .post(REPORTS)
        .set({ Authorization: 'Bearer x', 'Content-Type': 'text/plain' })
        .send('type=usage'),
    );
    expect(res.status).toBe(415);
    expect(res.body.error).toMatch(/send application\/json/);
  });

  it('answers a POST without a body with 400 "The request body is missing."', async () => {
    const res = await send(request(testApp()).post(REPORTS).set({ Authorization: 'Bearer x' }));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('The request body is missing.');
  });
});
