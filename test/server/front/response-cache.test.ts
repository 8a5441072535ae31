import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatbotcom } from '../../../src/apis/chatbotcom/index.js';
import { digitalcx } from '../../../src/apis/digitalcx/index.js';
import { generalbots } from '../../../src/apis/generalbots/index.js';
import type { Scenario } from '../../../src/core/scenario.js';
import { type Config, configFromArgs } from '../../../src/server/cli/config.js';
import type { TestMock } from '../../support/app.js';
import { testApp } from '../../support/app.js';
import { closeServers, sendRaw, serve } from '../../support/wire.js';

const MONTH = '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day';
const BEARER = { authorization: 'Bearer cache' };

afterEach(async () => {
  vi.restoreAllMocks();
  await closeServers();
});

/** Serves a mock through its listener (the front and the cache in it), on a free port. */
const listen = (mock: TestMock) => serve(mock);

const get = (port: number, path: string, headers: Record<string, string> = BEARER, method = 'GET') =>
  sendRaw(port, path, headers, method);

/** Counts the runs of an operation's handler (the pipeline's work behind a cached answer). */
function countRuns(module: { handlers: Record<string, unknown> }, operationId: string) {
  return vi.spyOn(module.handlers as Record<string, (...args: never[]) => unknown>, operationId);
}

async function twice(
  overrides: Partial<Config>,
  path = MONTH,
  headers: Record<string, string> = BEARER,
  scenarios: Scenario[] = [],
) {
  const port = await listen(testApp(overrides, scenarios));
  return [await get(port, path, headers), await get(port, path, headers)] as const;
}

describe('response cache', () => {
  it('answers a repeated GET under a fixed clock without running the operation again, byte for byte', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const [first, second] = await twice({});
    expect(runs).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(first.status).toBe(200);
    // And the same bytes as a server that keeps no answers.
    const [uncached] = await twice({ responseCacheBytes: 0 });
    expect(first).toEqual(uncached);
    expect(runs).toHaveBeenCalledTimes(3);
  });

  it('keeps the CORS and control headers of each request', async () => {
    const port = await listen(testApp());
    const a = await get(port, MONTH, { ...BEARER, origin: 'http://a.example' });
    const b = await get(port, MONTH, { ...BEARER, origin: 'http://b.example' });
    expect(a.headers).toContain('Access-Control-Allow-Origin: http://a.example');
    expect(b.headers).toContain('Access-Control-Allow-Origin: http://b.example');
    expect(b.headers).toContain('X-Mock-Scenario: default');
    expect(b.headers).toContain('X-Mock-Seed: 1');
    expect(b.body).toBe(a.body);
  });

  it("sends each held answer the head a fresh computation sends, as origin and the real clock's now change between hits", async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const clock = vi.spyOn(Date, 'now');
    const held = await listen(testApp({ now: undefined }));
    const fresh = await listen(testApp({ now: undefined, responseCacheBytes: 0 }));
    // A past window: its answer holds whatever the clock says, so every request after the first is a hit.
    const steps: [string, Record<string, string>][] = [
      ['2025-03-01T12:10:00.000Z', BEARER],
      ['2025-03-01T12:10:00.000Z', BEARER],
      ['2025-03-01T12:10:00.000Z', { ...BEARER, origin: 'http://a.example' }],
      ['2025-03-01T12:10:00.000Z', BEARER],
      ['2025-03-01T12:10:00.007Z', BEARER],
      ['2025-03-01T12:10:00.007Z', { ...BEARER, origin: 'http://b.example' }],
      ['2025-03-01T12:10:00.007Z', { ...BEARER, origin: 'http://b.example', 'x-mock-seed': '7' }],
      ['2025-03-01T12:10:00.007Z', { ...BEARER, origin: 'http://b.example' }],
    ];
    for (const [now, headers] of steps) {
      clock.mockReturnValue(Date.parse(now));
      const expected = await get(fresh, MONTH, headers);
      const got = await get(held, MONTH, headers);
      expect(got).toEqual(expected);
      expect(got.headers).toContain(`X-Mock-Now: ${now}`);
      expect(got.headers.some((h) => h.startsWith('Access-Control-Allow-Origin'))).toBe('origin' in headers);
    }
    // Held: the fresh server ran every request, the holding one only the first of each seed.
    expect(runs).toHaveBeenCalledTimes(steps.length + 2);
  });

  it('keys on everything that can change the answer: URL, credentials, seed, clock, scenario', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const port = await listen(testApp());
    const variants: [string, Record<string, string>][] = [
      [MONTH, BEARER],
      [`${MONTH}&bot=1`, BEARER],
      [MONTH, { authorization: 'Bearer other' }],
      [MONTH, { ...BEARER, 'x-mock-seed': '2' }],
      [MONTH, { ...BEARER, 'x-mock-now': '2025-03-02T12:00:00Z' }],
      [MONTH, { ...BEARER, 'x-mock-scenario': 'empty' }],
    ];
    const bodies = new Set<string>();
    for (const [path, headers] of variants) bodies.add((await get(port, path, headers)).body);
    expect(runs).toHaveBeenCalledTimes(variants.length);
    // Most variants change the numbers; none is answered with another's bytes by mistake.
    expect(bodies.size).toBeGreaterThanOrEqual(5);
    for (const [path, headers] of variants) await get(port, path, headers);
    expect(runs).toHaveBeenCalledTimes(variants.length);
  });

  it('follows a scenario switch at once', async () => {
    const mock = testApp();
    const port = await listen(mock);
    const before = await get(port, MONTH);
    mock.state.setScenario('empty');
    const after = await get(port, MONTH);
    expect(after.headers).toContain('X-Mock-Scenario: empty');
    expect(after.body).not.toBe(before.body);
    mock.state.setScenario('default');
    expect((await get(port, MONTH)).body).toBe(before.body);
  });

  it('answers a past window again under the real clock: its answer holds whatever the clock says', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const [first, second] = await twice({ now: undefined });
    expect(runs).toHaveBeenCalledTimes(1);
    expect(second.body).toBe(first.body);
    expect(first.status).toBe(200);
  });

  it('under the real clock, answers again only before the instant the answer holds until', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const clock = vi.spyOn(Date, 'now');
    const port = await listen(testApp({ now: undefined }));
    // Today's report counts the hours begun before now: it holds until the next one begins.
    const today = '/chatbotcom/reports/conversations?period=today&dimension=hour';
    const at = (iso: string) => clock.mockReturnValue(Date.parse(iso));
    at('2025-03-01T12:10:00Z');
    const noon = await get(port, today);
    at('2025-03-01T12:59:59.999Z');
    expect((await get(port, today)).body).toBe(noon.body);
    at('2025-03-01T13:00:00Z');
    expect((await get(port, today)).body).toBe(noon.body);
    expect(runs).toHaveBeenCalledTimes(1);
    // 13:00 has begun: the 13:00 point appears, computed afresh.
    at('2025-03-01T13:00:00.001Z');
    const one = await get(port, today);
    expect(runs).toHaveBeenCalledTimes(2);
    expect(JSON.parse(one.body).data).toHaveLength(JSON.parse(noon.body).data.length + 1);
    // A clock that went back is never served an answer made later.
    at('2025-03-01T12:30:00Z');
    await get(port, today);
    expect(runs).toHaveBeenCalledTimes(3);
  });

  it('under the real clock, holds an answer that shows now itself for that millisecond only', async () => {
    const runs = vi.spyOn(generalbots.handlers as Record<string, () => unknown>, 'getDailyUsage');
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-03-01T12:10:00.000Z'));
    const port = await listen(testApp({ now: undefined }));
    const daily = '/generalbots/api/v1/analytics/usage/daily?days=30';
    const first = await get(port, daily);
    expect((await get(port, daily)).body).toBe(first.body);
    expect(runs).toHaveBeenCalledTimes(1);
    clock.mockReturnValue(Date.parse('2025-03-01T12:10:00.001Z'));
    const later = await get(port, daily);
    expect(runs).toHaveBeenCalledTimes(2);
    expect(later.body).not.toBe(first.body);
  });

  it('runs every request of a server with --latency (each answer waits)', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    await twice({ latency: { min: 1, max: 1 } });
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it('runs every request, when off', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    await twice({ responseCacheBytes: 0 });
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it('runs every request of a scenario with rules or latency (attempts and shares change answers)', async () => {
    const runs = countRuns(chatbotcom, 'getConversationsReport');
    const ruled: Scenario = {
      name: 'ruled',
      description: 'x',
      knobs: {},
      rules: [{ match: { api: 'digitalcx' } }],
    };
    const slow: Scenario = {
      name: 'slow1',
      description: 'x',
      knobs: {},
      latency: { min: 1, max: 1 },
      rules: [],
    };
    for (const name of ['ruled', 'slow1']) {
      const [first, second] = await twice({}, MONTH, { ...BEARER, 'x-mock-scenario': name }, [ruled, slow]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toBe(first.body);
    }
    expect(runs).toHaveBeenCalledTimes(4);
  });

  it('holds a streamed body and sends it again chunked, byte for byte', async () => {
    const port = await listen(testApp());
    const csv = countRuns(digitalcx, 'getInteractions');
    const day =
      '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z';
    const first = await get(port, day, BEARER);
    const second = await get(port, day, BEARER);
    expect(csv).toHaveBeenCalledTimes(1);
    expect(first.headers).toContain('Transfer-Encoding: chunked');
    expect(second).toEqual(first);
    expect(first.body.length).toBeGreaterThan(100_000);
    const [uncached] = await twice({ responseCacheBytes: 0 }, day);
    expect(uncached).toEqual(first);
  });

  it('does not hold errors or other methods', async () => {
    const port = await listen(testApp());
    // Every request that is not answered from memory is authenticated.
    const pipeline = vi.spyOn(chatbotcom, 'authenticate');
    const bad = `${MONTH}&dimension=fortnight`;
    expect((await get(port, bad)).status).toBe(400);
    expect((await get(port, bad)).status).toBe(400);
    expect(pipeline).toHaveBeenCalledTimes(2);
    await get(port, MONTH, BEARER, 'HEAD');
    await get(port, MONTH, BEARER, 'HEAD');
    expect(pipeline).toHaveBeenCalledTimes(4);
    await get(port, MONTH, BEARER);
    await get(port, MONTH, BEARER);
    expect(pipeline).toHaveBeenCalledTimes(5);
  });

  it('does not hold a body over 2 MB (a busy CSV day)', async () => {
    const port = await listen(testApp());
    const csv = countRuns(digitalcx, 'getInteractions');
    const day =
      '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z';
    const busy = { ...BEARER, 'x-mock-scenario': 'high-volume' };
    const first = await get(port, day, busy);
    expect(first.body.length).toBeGreaterThan(2 * 1024 * 1024);
    await get(port, day, busy);
    expect(csv).toHaveBeenCalledTimes(2);
  });

  it('never repeats an answer that reads server state: a created report shows in the next list', async () => {
    const mock = testApp();
    const port = await listen(mock);
    const list = '/generalbots/api/v1/analytics/reports';
    const auth = { authorization: 'Bearer admin' };
    const before = JSON.parse((await get(port, list, auth)).body) as { data: { total: number } };
    expect(generalbots.handlers.listReports?.stateful).toBe(true);
    const created = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: list,
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ type: 'usage', format: 'json' }));
    });
    expect(created).toBe(201);
    const after = JSON.parse((await get(port, list, auth)).body) as { data: { total: number } };
    expect(after.data.total).toBe(before.data.total + 1);
  });

  it('records every answered request in the journal, hit or not', async () => {
    const mock = testApp();
    const port = await listen(mock);
    await get(port, MONTH);
    await get(port, MONTH);
    const entries = mock.state.journal.list();
    expect(entries.map((e) => [e.operationId, e.status])).toEqual([
      ['getConversationsReport', 200],
      ['getConversationsReport', 200],
    ]);
    // The hit's record, complete as soon as it is sent, says what the computed answer's says.
    const [miss, hit] = entries.map(({ id, receivedAt, durationMs, ...same }) => {
      expect(durationMs).toBeGreaterThanOrEqual(0);
      return same;
    });
    expect(hit).toEqual(miss);
    expect(hit?.responseBytes).toBeGreaterThan(1000);
  });
});

describe('--response-cache', () => {
  it('takes megabytes from 0 (off) to 1024', () => {
    expect((configFromArgs(['--response-cache', '0'], {}) as Config).responseCacheBytes).toBe(0);
    expect((configFromArgs([], { MOCK_RESPONSE_CACHE: '64' }) as Config).responseCacheBytes).toBe(64 << 20);
    expect((configFromArgs([], {}) as Config).responseCacheBytes).toBe(16 << 20);
  });

  it.each(['-1', '1025', 'lots', '1.5'])('names the flag and what it accepts for %j', (value) => {
    expect(() => configFromArgs([`--response-cache=${value}`], {})).toThrowError(
      `Invalid --response-cache: '${value}'. Expected a whole number of megabytes from 0 to 1024 (0 = off).`,
    );
  });
});
