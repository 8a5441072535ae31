import { mkdtempSync, writeFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../../src/core/clock.js';
import type { Scenario } from '../../src/core/scenario.js';
import { drawn, knobsFor } from '../../src/scenarios/select-rule.js';
import { csvRows, interactionsPath } from '../apis/digitalcx/support.js';
import { testApp } from '../support/app.js';
import { apiClient } from '../support/client.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

vi.mock('../../src/core/clock.js', async (original) => ({
  ...(await original<typeof import('../../src/core/clock.js')>()),
  sleep: vi.fn(async () => {}),
}));

const HOUR = { startDate: '2025-02-28T09:00:00Z', endDate: '2025-02-28T10:00:00Z' };

/** A scenario folder written for a test, as a client team would write it. */
function scenarioDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.yaml`), text);
  return dir;
}

const DIR = scenarioDir({
  'ten-percent': 'description: 10 % of requests fail.\nrules:\n  - share: 10%\n    status: 500\n',
  'half-then-401': [
    'description: Half fail with 500, a fifth of the rest with 401.',
    'rules:',
    '  - share: 0.5',
    '    status: 500',
    '  - share: 20%',
    '    status: 401',
  ].join('\n'),
  'fail-first': 'description: Every first try fails.\nrules:\n  - match: {attempt: 1}\n    status: 500\n',
  jittery:
    'description: 100 to 400 ms per request.\nlatency: 100-400\nrules:\n  - match: {query: {culture: nl}}\n    latency: 5\n',
  knobs: [
    'description: Every knob turned.',
    'knobs: {volume: 3, pageSize: 7, csvDelimiter: "|", inactiveShare: 1}',
    'rules:',
    '  - match: {path: /digitalcx/quiet/**}',
    '    knobs: {empty: true}',
  ].join('\n'),
});

function mock(scenario = 'default') {
  return testApp({ scenarioDir: DIR, scenario });
}

async function statuses(app = mock('ten-percent'), count = 100, sameUrl = false): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const url = interactionsPath({ ...HOUR, filterText: sameUrl ? 'x' : `q${i}` });
    out.push((await digitalcx(app).get(url)).status);
  }
  return out;
}

beforeEach(() => {
  vi.mocked(sleep).mockClear();
});

describe('rule selection', () => {
  it('draws a share deterministically from the seed, the scenario, the rule, the request and the attempt', () => {
    const draws = (seed: number) =>
      Array.from({ length: 1000 }, (_, i) => drawn(0.1, seed, 'flaky', 0, `GET /x?${i}`, 1));
    const first = draws(1);
    expect(draws(1)).toEqual(first);
    expect(draws(2)).not.toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(70);
    expect(hits).toBeLessThan(130);
    expect(drawn(0, 1, 'flaky', 0, 'GET /x', 1)).toBe(false);
    expect(drawn(1, 1, 'flaky', 0, 'GET /x', 1)).toBe(true);
  });

  it('fails about one request in ten, the same ones in a fresh mock, other ones for another seed', async () => {
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(20);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    const reseeded = testApp({ scenarioDir: DIR, scenario: 'ten-percent', seed: 7 });
    expect(await statuses(reseeded)).not.toEqual(first);
  });

  it('draws a retry of the same request anew, reproducibly, and starts counting again after a switch', async () => {
    const app = mock('ten-percent');
    const attempts = await statuses(app, 30, true);
    expect(new Set(attempts)).toEqual(new Set([200, 500]));
    expect(await statuses(mock('ten-percent'), 30, true)).toEqual(attempts);
    await request(app).put('/__mock/scenario').send({ name: 'ten-percent' });
    expect(await statuses(app, 30, true)).toEqual(attempts);
    await request(app).delete('/__mock/requests');
    expect(await statuses(app, 30, true)).toEqual(attempts);
  });

  it('fails the first try of each request and lets the retries through, counting again after a journal reset', async () => {
    const app = mock('fail-first');
    const url = interactionsPath(HOUR);
    const other = interactionsPath({ ...HOUR, culture: 'en' });
    const seen = [];
    for (const u of [url, url, other, url, other]) seen.push((await digitalcx(app).get(u)).status);
    expect(seen).toEqual([500, 200, 500, 200, 200]);
    await request(app).delete('/__mock/requests');
    expect((await digitalcx(app).get(url)).status).toBe(500);
  });

  it('lets a request the share leaves out fall through to the next rule', async () => {
    const counts = new Map<number, number>();
    for (const s of await statuses(mock('half-then-401'))) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([200, 401, 500]);
    expect(counts.get(500)).toBeGreaterThan(35);
    expect(counts.get(401)).toBeGreaterThan(3);
    expect(counts.get(401)).toBeLessThan(counts.get(500) as number);
  });

  it('delays each request by its own reproducible latency, the rule’s over the scenario’s over the server’s', async () => {
    const app = mock('jittery');
    const urls = Array.from({ length: 20 }, (_, i) => interactionsPath({ ...HOUR, filterText: `q${i}` }));
    for (const url of urls) await digitalcx(app).get(url);
    const delays = vi.mocked(sleep).mock.calls.map(([ms]) => ms);
    expect(delays).toHaveLength(20);
    expect(delays.every((ms) => ms >= 100 && ms <= 400)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(10);
    vi.mocked(sleep).mockClear();
    for (const url of urls) await digitalcx(mock('jittery')).get(url);
    expect(vi.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual(delays);
    vi.mocked(sleep).mockClear();
    await digitalcx(app).get(interactionsPath({ ...HOUR, culture: 'nl' }));
    await digitalcx(testApp({ latency: { min: 42, max: 42 } })).get(interactionsPath(HOUR));
    await digitalcx(testApp({ scenarioDir: DIR, scenario: 'jittery', latency: { min: 42, max: 42 } })).get(
      interactionsPath({ ...HOUR, culture: 'nl' }),
    );
    expect(vi.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual([5, 42, 5]);
  });

  it('turns every knob from a scenario file, and a rule turns them for one tenant only', async () => {
    const plain = csvRows((await digitalcx(mock()).get(interactionsPath(HOUR))).text);
    const app = mock('knobs');
    const res = await digitalcx(app).get(interactionsPath(HOUR));
    const rows = csvRows(res.text, '|');
    expect(res.text.split('\r\n')[0]?.startsWith('LogId|InteractionUuid|')).toBe(true);
    const sessions = (list: Record<string, string>[]) => new Set(list.map((r) => r.SessionUuid)).size;
    expect(sessions(rows)).toBeGreaterThan(sessions(plain) * 2);
    expect(rows.every((r) => r.SessionIsActive === 'False')).toBe(true);
    const page = await digitalcx(app).get(interactionsPath({ ...HOUR, paginateData: true }));
    expect(csvRows(page.text, '|')).toHaveLength(7);
    const quiet = await digitalcx(app).get(interactionsPath(HOUR, 'quiet', 'shop'));
    expect(quiet.text.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('knobs of a request', () => {
  const busy: Scenario = {
    name: 'busy',
    description: 'x',
    knobs: { volume: 3, extra: { a: 1 } },
    rules: [{ knobs: { pageSize: 7 } }],
  };

  it("are the scenario's own, one frozen object shared by every request without a rule", () => {
    const knobs = knobsFor(busy, undefined);
    expect(knobsFor(busy, undefined)).toBe(knobs);
    expect(knobs).toMatchObject({ volume: 3, pageSize: 500, extra: { a: 1 } });
    expect(Object.isFrozen(knobs) && Object.isFrozen(knobs.extra)).toBe(true);
    expect(() => {
      (knobs as { volume: number }).volume = 1;
    }).toThrow(TypeError);
  });

  it("are the rule's over the scenario's when a rule applies", () => {
    expect(knobsFor(busy, busy.rules[0])).toMatchObject({ volume: 3, pageSize: 7, extra: { a: 1 } });
    expect(knobsFor(busy, undefined).pageSize).toBe(500);
  });
});
