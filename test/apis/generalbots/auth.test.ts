import type { RequestListener } from 'node:http';
import request, { type Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { encodeReportId } from '../../../src/apis/generalbots/report-id.js';
import { accountOf } from '../../../src/apis/generalbots/scope.js';
import { loadSpec } from '../../../src/core/spec.js';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';
import { AUTH_MESSAGES, BASE, expectAuthError, TOKEN } from './envelope.js';

/** A report id the admin token's account owns under seed 1. */
const REPORT_ID = encodeReportId(1, accountOf(TOKEN), {
  type: 'usage',
  format: 'csv',
  start: Date.parse('2025-02-01T00:00:00Z'),
  end: Date.parse('2025-02-08T00:00:00Z'),
  createdAt: Date.parse('2025-02-10T09:00:00Z'),
});

interface Operation {
  id: string;
  reports: boolean;
  call(app: RequestListener, headers: Record<string, string>): Promise<Response>;
}

function getOp(id: string, path: string, reports = false): Operation {
  return { id, reports, call: (app, headers) => send(request(app).get(`${BASE}${path}`).set(headers)) };
}

/** Every operation of the spec, with a valid request for an admin. */
const OPERATIONS: Operation[] = [
  getOp('getUsage', '/usage'),
  getOp('getDailyUsage', '/usage/daily?days=7'),
  getOp('getMonthlyUsage', '/usage/monthly'),
  getOp('getConversationMetrics', '/conversations'),
  getOp('getConversationVolume', '/conversations/volume?group_by=week'),
  getOp('getConversationDuration', '/conversations/duration'),
  getOp('getConversationResolution', '/conversations/resolution'),
  getOp('getEngagement', '/engagement'),
  getOp('getRetention', '/engagement/retention'),
  getOp('getSatisfaction', '/engagement/satisfaction'),
  {
    id: 'createReport',
    reports: true,
    call: (app, headers) =>
      send(request(app).post(`${BASE}/reports`).set(headers).send({ type: 'engagement', format: 'pdf' })),
  },
  getOp('listReports', '/reports', true),
  getOp('getReport', `/reports/${REPORT_ID}`, true),
  getOp('getRealtimeMetrics', '/realtime'),
  getOp('getActiveSessions', '/realtime/active'),
];

/** A caller and what it gets on an operation: `<status> <error code>` or `<status> ok`. */
interface Role {
  name: string;
  headers: Record<string, string>;
  outcome(op: Operation): string;
}

const success = (op: Operation) => (op.id === 'createReport' ? '201 ok' : '200 ok');
const viewer = (op: Operation) => (op.reports ? '403 insufficient_permissions' : success(op));

const ROLES: Role[] = [
  { name: 'no credentials', headers: {}, outcome: () => '401 missing_token' },
  {
    name: 'an Authorization header that is not Bearer (the server skips it)',
    headers: { Authorization: 'Token abc' },
    outcome: () => '401 missing_token',
  },
  { name: 'an empty API key', headers: { 'X-API-Key': '' }, outcome: () => '401 invalid_api_key' },
  {
    name: 'an empty bearer token',
    headers: { Authorization: 'Bearer ' },
    outcome: () => '401 invalid_token',
  },
  {
    name: 'bearer expired',
    headers: { Authorization: 'Bearer expired' },
    outcome: () => '401 expired_token',
  },
  { name: 'API key expired', headers: { 'X-API-Key': 'expired' }, outcome: () => '401 expired_token' },
  {
    name: 'bearer forbidden',
    headers: { Authorization: 'Bearer forbidden' },
    outcome: () => '403 insufficient_permissions',
  },
  {
    name: 'API key forbidden',
    headers: { 'X-API-Key': 'forbidden' },
    outcome: () => '403 insufficient_permissions',
  },
  { name: 'bearer viewer', headers: { Authorization: 'Bearer viewer' }, outcome: viewer },
  { name: 'API key viewer', headers: { 'X-API-Key': 'viewer' }, outcome: viewer },
  // The server reads X-API-Key before Authorization (botserver auth_api/utils.rs).
  {
    name: 'bearer viewer next to an admin API key (the API key wins)',
    headers: { Authorization: 'Bearer viewer', 'X-API-Key': TOKEN },
    outcome: success,
  },
  {
    name: 'admin bearer next to a viewer API key (the API key wins)',
    headers: { Authorization: `Bearer ${TOKEN}`, 'X-API-Key': 'viewer' },
    outcome: viewer,
  },
  {
    name: 'admin bearer next to an empty API key',
    headers: { Authorization: `Bearer ${TOKEN}`, 'X-API-Key': '' },
    outcome: () => '401 invalid_api_key',
  },
  { name: 'bearer admin', headers: { Authorization: `Bearer ${TOKEN}` }, outcome: success },
  { name: 'API key admin', headers: { 'X-API-Key': TOKEN }, outcome: success },
];

/** `<status> ok`, or `<status> <code>` of a flat auth error (any other body shows as it is). */
function outcomeOf(res: Response): string {
  if (res.body?.success === true) return `${res.status} ok`;
  const flat =
    Object.keys(res.body ?? {})
      .sort()
      .join() === 'error,message';
  return `${res.status} ${flat ? res.body.error : res.text}`;
}

describe('General Bots auth and roles', () => {
  it('covers every operation of the spec in the role matrix', () => {
    const ids = loadSpec('generalbots').operations.map((o) => o.operationId);
    expect(OPERATIONS.map((o) => o.id).sort()).toEqual([...ids].sort());
  });

  it.each(OPERATIONS)('answers every caller of $id as its role allows', async (op) => {
    const app = testApp();
    const got: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const role of ROLES) {
      got[role.name] = outcomeOf(await op.call(app, role.headers));
      wanted[role.name] = role.outcome(op);
    }
    expect(got).toEqual(wanted);
  });

  it('sends a Bearer challenge with every 401', async () => {
    const app = testApp();
    const missing = await send(request(app).get(`${BASE}/usage`));
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="generalbots"');
    const expired = await send(request(app).get(`${BASE}/usage`).set('X-API-Key', 'expired'));
    expect(expired.headers['www-authenticate']).toBe('Bearer realm="generalbots", error="invalid_token"');
  });

  // botserver@79cd3a45 src/security/auth_api/error.rs: AuthError::into_response.
  it.each([
    ['no credentials', {}, 401, 'missing_token'],
    [
      'an Authorization header of another scheme',
      { Authorization: 'Basic dXNlcjpwdw==' },
      401,
      'missing_token',
    ],
    ['an empty bearer token', { Authorization: 'Bearer ' }, 401, 'invalid_token'],
    ['an empty API key', { 'X-API-Key': '' }, 401, 'invalid_api_key'],
    ['an expired token', { Authorization: 'Bearer expired' }, 401, 'expired_token'],
    ['a token without access', { 'X-API-Key': 'forbidden' }, 403, 'insufficient_permissions'],
    ['a viewer on the reports', { Authorization: 'Bearer viewer' }, 403, 'insufficient_permissions'],
  ] as const)("answers %s with the server's flat body, word for word", async (_, headers, status, code) => {
    const app = testApp();
    const res = await send(request(app).get(`${BASE}/reports`).set(headers));
    expectAuthError(res, status, code);
    expect(res.text).toBe(JSON.stringify({ error: code, message: AUTH_MESSAGES[code] }));
  });

  it.each([
    [401, 'expired_token'],
    [403, 'insufficient_permissions'],
  ] as const)('answers Prefer: code=%i with the flat %s', async (status, code) => {
    const app = testApp();
    const res = await send(
      request(app)
        .get(`${BASE}/usage`)
        .set({ Authorization: `Bearer ${TOKEN}`, Prefer: `code=${status}` }),
    );
    expectAuthError(res, status, code);
  });

  it('checks credentials before parameters', async () => {
    const app = testApp();
    const res = await send(request(app).get(`${BASE}/usage?period=decade`));
    expectAuthError(res, 401, 'missing_token');
  });

  it('answers the same figures to a bearer token and an API key of the same value', async () => {
    const app = testApp();
    const bearer = await send(request(app).get(`${BASE}/usage`).set('Authorization', `Bearer ${TOKEN}`));
    const apiKey = await send(request(app).get(`${BASE}/usage`).set('X-API-Key', TOKEN));
    expect(apiKey.text).toBe(bearer.text);
  });
});
