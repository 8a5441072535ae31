import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../../../src/core/clock.js';
import type { Scenario } from '../../../src/core/scenario.js';
import { SCHEMA_FILE } from '../../../src/scenarios/schema.js';
import { ConfigError } from '../../../src/server/cli/config.js';
import { interactionsPath } from '../../apis/digitalcx/support.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

vi.mock('../../../src/core/clock.js', async (original) => {
  const clock = await original<typeof import('../../../src/core/clock.js')>();
  return { ...clock, sleep: vi.fn(clock.sleep) };
});

const URL = interactionsPath({ startDate: '2025-02-28T09:00:00Z', endDate: '2025-02-28T10:00:00Z' });

/** Two scenarios a response can tell apart by its header, its X-Which header and its first line. */
const A: Scenario = {
  name: 'a',
  description: 'empty, comma',
  knobs: { empty: true },
  latency: { min: 5, max: 5 },
  rules: [{ headers: { 'X-Which': 'a' } }],
};
const B: Scenario = {
  name: 'b',
  description: 'busy, pipe',
  knobs: { csvDelimiter: '|' },
  rules: [{ headers: { 'X-Which': 'b' } }],
};

function seenAs(res: { headers: Record<string, string>; text: string }): string {
  const firstLine = res.text.split('\r\n')[0] ?? '';
  const lines = res.text.trim().split('\r\n').length;
  const body =
    firstLine.startsWith('LogId|') && lines > 1
      ? 'b'
      : firstLine.startsWith('LogId,') && lines === 1
        ? 'a'
        : '?';
  return [res.headers['x-mock-scenario'], res.headers['x-which'], body].join('');
}

afterEach(() => {
  vi.mocked(sleep).mockReset();
});

describe('scenario selection', () => {
  it('starts with the scenario of --scenario / MOCK_SCENARIO', async () => {
    const res = await digitalcx(testApp({ scenario: 'empty' })).get(URL);
    expect(res.headers['x-mock-scenario']).toBe('empty');
    expect(res.text.trim().split('\r\n')).toHaveLength(1);
  });

  it('stops at start for an unknown initial scenario, naming the flag and listing the known ones', () => {
    expect(() => testApp({ scenario: 'nope' })).toThrowError(ConfigError);
    expect(() => testApp({ scenario: 'nope' })).toThrowError(
      /^Invalid --scenario \/ MOCK_SCENARIO: 'nope'\. Expected one of default, connection-reset, .*, or the path of a scenario file \(\.yaml\)\.$/,
    );
  });

  it('picks a scenario per request with X-Mock-Scenario or Prefer: scenario=, the header winning', async () => {
    const mock = testApp();
    expect((await digitalcx(mock).get(URL, { headers: { 'X-Mock-Scenario': 'server-error' } })).status).toBe(
      500,
    );
    expect((await digitalcx(mock).get(URL, { headers: { Prefer: 'scenario=unauthorized' } })).status).toBe(
      401,
    );
    expect(
      (await digitalcx(mock).get(URL, { headers: { Prefer: 'respond-async, scenario=forbidden' } })).status,
    ).toBe(403);
    const both = await digitalcx(mock).get(URL, {
      headers: { 'X-Mock-Scenario': 'server-error', Prefer: 'scenario=unauthorized' },
    });
    expect(both.status).toBe(500);
    expect((await digitalcx(mock).get(URL)).headers['x-mock-scenario']).toBe('default');
  });

  it('answers an unknown per-request scenario with a 400 in the vendor shape listing the known ones', async () => {
    const mock = testApp();
    const res = await digitalcx(mock).get(URL, { headers: { 'X-Mock-Scenario': 'nope' } });
    expect(res.status).toBe(400);
    expect(res.text).toBe(
      `Unknown scenario 'nope'. Known scenarios: ${[...mock.state.scenarios.keys()].join(', ')}.`,
    );
    expect((await digitalcx(mock).get(URL, { headers: { Prefer: 'scenario=nope' } })).status).toBe(400);
  });

  it('lists every scenario with its description, and serves the scenario file schema', async () => {
    const app = testApp();
    const { state } = app;
    const list = await request(app).get('/__mock/scenarios');
    expect(list.body.current).toBe('default');
    expect(list.body.scenarios).toEqual(
      [...state.scenarios.values()].map(({ name, description }) => ({ name, description })),
    );
    expect(list.body.scenarios.every((s: { description: string }) => s.description.length > 10)).toBe(true);
    const schema = await request(app).get('/__mock/scenarios/schema');
    expect(schema.body).toEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('keeps the scenario a request started with when the scenario in force switches mid-request', async () => {
    const mock = testApp({ scenario: 'a' }, [A, B]);
    vi.mocked(sleep).mockImplementationOnce(async () => {
      // The request has resolved its scenario and waits out its latency: switch now.
      expect((await request(mock).put('/__mock/scenario').send({ name: 'b' })).status).toBe(200);
    });
    const res = await digitalcx(mock).get(URL);
    expect(vi.mocked(sleep)).toHaveBeenCalledTimes(1);
    expect(seenAs(res)).toBe('aaa');
    expect(seenAs(await digitalcx(mock).get(URL))).toBe('bbb');
  });

  it('gives each of many concurrent requests one scenario, never a mix, while it is switched back and forth', async () => {
    const mock = testApp({ scenario: 'a' }, [A, B]);
    const requests = Array.from({ length: 40 }, (_, i) =>
      digitalcx(mock).get(`${URL}&filterText=${i % 3 === 0 ? '' : i}`),
    );
    const switches = (async () => {
      for (let i = 0; i < 40; i++) {
        await request(mock)
          .put('/__mock/scenario')
          .send({ name: i % 2 === 0 ? 'b' : 'a' });
      }
    })();
    const [responses] = await Promise.all([Promise.all(requests), switches]);
    const seen = responses.map(seenAs);
    expect(seen.filter((s) => s !== 'aaa' && s !== 'bbb')).toEqual([]);
  });
});
