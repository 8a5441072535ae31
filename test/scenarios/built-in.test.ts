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
