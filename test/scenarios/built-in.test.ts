/** Every built-in scenario against every registered API: what it does, and that the answers stay valid. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Response } from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiModule } from '../../src/core/api.js';
import { sleep } from '../../src/core/clock.js';
import { loadSpec } from '../../src/core/spec.js';
import { BUILT_IN_DIR } from '../../src/scenarios/load-scenarios.js';
import { RouteMatcher } from '../../src/server/pipeline/route-matcher.js';
import { API_MODULES } from '../../src/server/registry.js';
import { type TestMock, testApp } from '../support/app.js';
import { apiClient } from '../support/client.js';
import { close, listen, rawRequest } from '../support/raw-client.js';

vi.mock('../../src/core/clock.js', async (original) => ({
  ...(await original<typeof import('../../src/core/clock.js')>()),
  sleep: vi.fn(async () => {}),
}));

afterEach(() => {
  vi.mocked(sleep).mockClear();
});

const BUILT_INS = readdirSync(BUILT_IN_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => basename(f, '.yaml'));

function call(mock: TestMock, api: ApiModule, scenario: string): Promise<Response> {
  return apiClient(api, mock).sample({ headers: { 'X-Mock-Scenario': scenario } });
}

async function raw(api: ApiModule, scenario: string, giveUpMs?: number) {
  const server = await listen(testApp());
  try {
    const { method, path, body } = api.sample;
    const headers = { ...api.sample.auth('s3cret'), 'X-Mock-Scenario': scenario };
    return await rawRequest(server, { method, path: `/${api.name}${path}`, headers, body }, giveUpMs);
  } finally {
    await close(server);
  }
}

/** The status a forced-status scenario gives the sample: its own where documented, else the normal 200. */
function forced(api: ApiModule, status: number): number {
  const path = new URL(api.sample.path, 'http://mock.local').pathname;
  const found = new RouteMatcher(loadSpec(api).operations).match(api.sample.method, path);
  const documented =
    found.kind === 'found' && found.operation.responses.some((r) => r.status === String(status));
  return documented ? status : 200;
}

type Check = (api: ApiModule) => Promise<void>;

/** The sample under the default scenario and under a data scenario: both 200, with other data. */
async function againstDefault(
  api: ApiModule,
  scenario: string,
): Promise<{ normal: Response; changed: Response }> {
  const mock = testApp();
  const normal = await call(mock, api, 'default');
  const changed = await call(mock, api, scenario);
  expect(changed.status).toBe(200);
  expect(changed.text).not.toBe(normal.text);
  return { normal, changed };
}

const CHECKS: Record<string, Check> = {
  async empty(api) {
    const { normal, changed } = await againstDefault(api, 'empty');
    expect(changed.text.length).toBeLessThanOrEqual(normal.text.length);
  },
  async 'high-volume'(api) {
    const { normal, changed } = await againstDefault(api, 'high-volume');
    expect(changed.text.length).toBeGreaterThanOrEqual(normal.text.length);
  },
  async slow(api) {
    const mock = testApp();
    expect((await call(mock, api, 'slow')).status).toBe(200);
    expect((await call(mock, api, 'slow')).status).toBe(200);
    const [first, second] = vi.mocked(sleep).mock.calls.map(([ms]) => ms);
    expect(first).toBeGreaterThanOrEqual(1000);
    expect(first).toBeLessThanOrEqual(3000);
    expect(second).toBe(first);
  },
  async flaky(api) {
    const mock = testApp();
    const seen = new Set<number>();
    for (let i = 0; i < 100 && seen.size < 2; i++) seen.add((await call(mock, api, 'flaky')).status);
    expect(seen).toEqual(new Set([200, 500]));
  },
  async unauthorized(api) {
    expect((await call(testApp(), api, 'unauthorized')).status).toBe(forced(api, 401));
  },
  async forbidden(api) {
    expect((await call(testApp(), api, 'forbidden')).status).toBe(forced(api, 403));
  },
  async 'server-error'(api) {
    expect((await call(testApp(), api, 'server-error')).status).toBe(forced(api, 500));
  },
  async 'connection-reset'(api) {
    expect(await raw(api, 'connection-reset')).toMatchObject({ ending: 'reset', status: undefined });
  },
  async 'truncated-body'(api) {
    const res = await raw(api, 'truncated-body');
    expect(res.ending).toBe('cut');
    expect(res.body.length).toBe(Math.floor(Number(res.headers?.['content-length']) / 2));
  },
  async stalled(api) {
    expect(await raw(api, 'stalled', 200)).toMatchObject({ ending: 'gave-up', status: undefined });
  },
};

/** The body each API answers a retry status with, in its own error shape (the spec's example). */
const RETRY_BODIES: Record<string, Record<number, unknown>> = {
  logicdialog: {
    401: {
      statusCode: 401,
      error: 'Unauthorized',
      message: "Missing or malformed Authorization header: expected 'Bearer <prefix>_<apiKey>'.",
    },
    408: { statusCode: 408, error: 'Request Timeout', message: 'Request Timeout' },
    429: { statusCode: 429, error: 'Too Many Requests', message: 'Too Many Requests' },
    504: { statusCode: 504, error: 'Gateway Timeout', message: 'Gateway Timeout' },
  },
  chatlayer: {
    401: {
      code: 16,
      message: 'missing or malformed credentials: send HTTP Basic auth with tokenId:tokenSecret',
      details: [],
    },
    408: { code: 1, message: 'request timeout', details: [] },
    429: { code: 8, message: 'too many requests: retry after the seconds in Retry-After', details: [] },
    504: { code: 4, message: 'deadline exceeded', details: [] },
  },
  chatbotcom: {
    401: { status: { code: 401, type: 'error', message: 'Invalid or expired access token' } },
    408: { status: { code: 408, type: 'error', message: 'Request timeout' } },
    429: { status: { code: 429, type: 'error', message: 'Too many requests' } },
    504: { status: { code: 504, type: 'error', message: 'Gateway timeout' } },
  },
  digitalcx: {
    401: 'Unauthorized',
    408: 'Request Timeout',
    429: 'Too Many Requests',
    504: 'Gateway Timeout',
  },
  generalbots: {
    401: { error: 'expired_token', message: 'Authentication token has expired' },
    408: { success: false, data: null, error: 'Request Timeout' },
    429: {
      error: 'rate_limit_exceeded',
      message: 'Too many requests. Please slow down.',
      retry_after_secs: 1,
    },
    504: { success: false, data: null, error: 'Gateway Timeout' },
  },
};

/** A retry scenario: the first try gets the status in the vendor's shape, the retry the normal answer. */
function failsFirstTry(status: number, retryAfter?: string): Check {
  return async (api) => {
    const mock = testApp();
    const first = await call(mock, api, NAME_OF_STATUS[status] as string);
    expect(first.status).toBe(status);
    expect(first.headers['retry-after']).toBe(retryAfter);
    const body = RETRY_BODIES[api.name]?.[status];
    if (typeof body === 'string') expect(first.text).toBe(body);
    else expect(first.body).toMatchObject(body as object);
    const retry = await call(mock, api, NAME_OF_STATUS[status] as string);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe((await call(testApp(), api, 'default')).text);
  };
}

const NAME_OF_STATUS: Record<number, string> = {
  401: 'token-expired',
  408: 'request-timeout',
  429: 'rate-limited',
  504: 'gateway-timeout',
};
CHECKS['rate-limited'] = failsFirstTry(429, '1');
CHECKS['request-timeout'] = failsFirstTry(408);
CHECKS['gateway-timeout'] = failsFirstTry(504);
CHECKS['token-expired'] = failsFirstTry(401);

const DIGITALCX_LIMITS: Record<string, RegExp> = {
  'digitalcx-end-before-start': /^End date cannot be earlier than start date\.$/,
  'digitalcx-unknown-project': /^Customer key acme with project shop does not exist\.$/,
  'digitalcx-window-too-long':
    /^You cannot request more than one day's worth of data at the same time: .* is 2 days; the limit is 1 day \(24 hours\)\.$/,
  'digitalcx-too-far-back':
    /^You cannot request a date more than 90 days back: startDate 2024-11-30T12:00:00\.000Z is earlier than 2024-12-01T12:00:00\.000Z \(90 days before now\)\.$/,
  'digitalcx-before-data-start':
    /^No data is available prior to December 15th 2024: startDate 2024-12-14T00:00:00\.000Z is earlier than 2024-12-15T00:00:00\.000Z\.$/,
};
for (const [name, message] of Object.entries(DIGITALCX_LIMITS)) {
  CHECKS[name] = async (api) => {
    const res = await call(testApp(), api, name);
    if (api.name !== 'digitalcx') {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(400);
    expect(res.text).toMatch(message);
  };
}

describe('built-in scenarios', () => {
  it('has a check here for every built-in scenario file, and no check without one', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(BUILT_INS.sort());
  });

  it('lists every built-in scenario in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of ['default', ...BUILT_INS]) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  describe.each(API_MODULES.map((m) => [m.name, m] as const))('%s', (_, api) => {
    it.each(BUILT_INS)('%s', async (name) => {
      await (CHECKS[name] as Check)(api);
    });
  });
});
