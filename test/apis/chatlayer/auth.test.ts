import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chatlayer as chatlayerApi } from '../../../src/apis/chatlayer/index.js';
import { queryString } from '../../support/client.js';
import { send } from '../../support/contract.js';
import { chatlayer, chatlayerApp } from './helpers.js';

/** The Basic Authorization value of the sample's token with a secret. */
const auth = (secret: string) => chatlayerApi.sample.auth(secret).Authorization as string;

const OK = `/v1/bots/bot-a/conversations?${queryString({ version: 'LIVE', start_time: '2025-02-01', end_time: '2025-02-04' })}`;
const TEAM = `/v1/teams/team-a/conversations?${queryString({ start_time: '2025-02-01', end_time: '2025-02-04', bucket: '1d' })}`;

describe('auth', () => {
  it.each([
    ['no Authorization header', undefined, 'missing credentials'],
    ['a Bearer token', 'Bearer abc', 'malformed credentials'],
    ['Basic without base64', 'Basic !!!', 'malformed credentials'],
    ['Basic without a colon', `Basic ${Buffer.from('tokenonly').toString('base64')}`, 'tokenId:tokenSecret'],
    [
      'Basic with an empty secret',
      `Basic ${Buffer.from('token-1:').toString('base64')}`,
      'tokenId:tokenSecret',
    ],
    ['the magic secret expired', auth('expired'), 'token expired'],
  ])('answers 401 UNAUTHENTICATED to %s', async (_name, authorization, message) => {
    const test = request(chatlayerApp()).get(`/chatlayer${OK}`);
    const res = await send(authorization === undefined ? test : test.set('Authorization', authorization));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 16, details: [] });
    expect(res.body.message).toContain(message);
  });

  it.each([
    ['bot', OK],
    ['team', TEAM],
  ])('answers 403 PERMISSION_DENIED to the magic secret forbidden on a %s', async (what, path) => {
    const res = await chatlayer(chatlayerApp()).get(path, { secret: 'forbidden' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 7,
      message: `permission denied: the token has no access to this ${what}`,
      details: [],
    });
  });

  it('accepts any other token, viewer included', async () => {
    for (const secret of ['viewer', 's3cr3t', 'a:secret:with:colons']) {
      const res = await chatlayer(chatlayerApp()).get(OK, { secret });
      expect(res.status).toBe(200);
    }
  });

  it('checks credentials before parameters', async () => {
    const res = await send(
      request(chatlayerApp()).get('/chatlayer/v1/bots/bot-a/conversations?version=NOPE'),
    );
    expect(res.status).toBe(401);
  });

  it.each([
    [404, 5, 'not found'],
    [500, 13, 'internal error'],
    [401, 16, 'missing or malformed credentials: send HTTP Basic auth with tokenId:tokenSecret'],
  ])('answers Prefer: code=%i with the documented body', async (status, code, message) => {
    const res = await chatlayer(chatlayerApp()).get(OK, { headers: { Prefer: `code=${status}` } });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ code, message, details: [] });
  });

  it('answers an unknown path with 404 NOT_FOUND in the gRPC status shape', async () => {
    const res = await send(
      request(chatlayerApp())
        .get('/chatlayer/v1/bots/bot-a/nothing-here')
        .set('Authorization', auth('s3cret')),
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 5, details: [] });
  });

  it('answers another method with 405 and the gRPC code UNIMPLEMENTED', async () => {
    const res = await send(
      request(chatlayerApp()).post(`/chatlayer${OK}`).set('Authorization', auth('s3cret')),
    );
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ code: 12, details: [] });
  });
});
