/** The listener (front/listener.ts): a request's facts once, the front, then a held answer or the pipeline. */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatbotcom } from '../../../src/apis/chatbotcom/index.js';
import type { Config } from '../../../src/server/cli/config.js';
import { ResponseCache } from '../../../src/server/front/response-cache.js';
import { testApp } from '../../support/app.js';
import { closeServers, sendRaw, serve } from '../../support/wire.js';

const MONTH = '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day';
const BEARER = { authorization: 'Bearer lane' };

afterEach(async () => {
  vi.restoreAllMocks();
  await closeServers();
});

const send = (port: number, path: string, headers: Record<string, string> = BEARER, method = 'GET') =>
  sendRaw(port, path, headers, method);

/** Counts the runs of the operation behind MONTH. */
const runs = () =>
  vi.spyOn(chatbotcom.handlers as Record<string, (...args: never[]) => unknown>, 'getConversationsReport');

/** The same requests to a mock that holds answers and to one that computes every answer. */
async function heldAndComputed(
  requests: [string, Record<string, string>][],
  overrides: Partial<Config> = {},
) {
  const held = await serve(testApp(overrides));
  const computed = await serve(testApp({ ...overrides, responseCacheBytes: 0 }));
  const answers = [];
  for (const [path, headers] of requests)
    answers.push({ held: await send(held, path, headers), computed: await send(computed, path, headers) });
  return answers;
}

describe('the listener', () => {
  it('answers a repeated GET from the cache with the bytes a computed answer has', async () => {
    const operation = runs();
    const answers = await heldAndComputed([
      [MONTH, BEARER],
      [MONTH, BEARER],
    ]);
    // Once for the held mock's first request, twice for the mock that computes each.
    expect(operation).toHaveBeenCalledTimes(3);
    for (const { held, computed } of answers) expect(held).toEqual(computed);
    expect(answers[1]?.held).toEqual(answers[0]?.held);
  });

  it('keeps CORS and the control headers per request on a held answer', async () => {
    const answers = await heldAndComputed([
      [MONTH, { ...BEARER, origin: 'http://a.example' }],
      [MONTH, { ...BEARER, origin: 'http://b.example' }],
      [MONTH, { ...BEARER, origin: 'null' }],
      [MONTH, { ...BEARER, 'x-mock-seed': '1' }],
      [MONTH, { ...BEARER, 'x-mock-now': '2025-03-01T12:00:00Z' }],
    ]);
    for (const { held, computed } of answers) expect(held).toEqual(computed);
    expect(answers[1]?.held.headers).toContain('Access-Control-Allow-Origin: http://b.example');
  });

  it('works out a request’s scenario and cache key once, whether its answer is held or computed', async () => {
    const mock = testApp();
    const resolve = vi.spyOn(mock.state, 'resolve');
    const keyOf = vi.spyOn(ResponseCache.prototype, 'keyOf');
    const answer = vi.spyOn(ResponseCache.prototype, 'send');
    const port = await serve(mock);
    await send(port, MONTH);
    expect([resolve.mock.calls.length, keyOf.mock.calls.length, answer.mock.calls.length]).toEqual([1, 1, 0]);
    // The same request again: its facts are the last request's (factsReader), worked out no more.
    await send(port, MONTH);
    expect([resolve.mock.calls.length, keyOf.mock.calls.length, answer.mock.calls.length]).toEqual([1, 1, 1]);
    // Another header: worked out once, and held.
    await send(port, MONTH, { ...BEARER, 'x-request-id': 'a' });
    expect([resolve.mock.calls.length, keyOf.mock.calls.length, answer.mock.calls.length]).toEqual([2, 2, 2]);
  });

  it('journals each request with its own headers, repeated or not', async () => {
    const mock = testApp();
    const port = await serve(mock);
    for (const id of ['1', '1', '2', '1']) await send(port, MONTH, { ...BEARER, 'x-request-id': id });
    expect(mock.state.journal.list().map((e) => e.headers['x-request-id'])).toEqual(['1', '1', '2', '1']);
  });

  it('reads the headers of requests made in-process (no headers as sent) every time', async () => {
    const mock = testApp();
    const seeds: string[] = [];
    for (const seed of ['1', '7', '9']) {
      const socket = new Duplex({ read() {}, write: (_chunk, _encoding, done) => done() });
      const req = new IncomingMessage(socket as never);
      req.method = 'GET';
      req.url = MONTH;
      // As a harness does: `headers` only, `rawHeaders` left empty.
      req.headers = { host: 'x', authorization: BEARER.authorization, 'x-mock-seed': seed };
      req.push(null);
      const res = new ServerResponse(req);
      res.assignSocket(socket as never);
      const finished = new Promise((resolve) => res.on('finish', resolve));
      mock.listener(req, res);
      await finished;
      seeds.push(String(res.getHeader('x-mock-seed') ?? ''));
    }
    expect(seeds).toEqual(['1', '7', '9']);
    expect(mock.state.journal.list().map((e) => e.headers['x-mock-seed'])).toEqual(['1', '7', '9']);
  });

  it('gives a repeated request the facts of the last one only while they hold: its own now, the scenario now in force', async () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-03-01T12:10:00.000Z'));
    const mock = testApp({ now: undefined });
    const port = await serve(mock);
    const first = await send(port, MONTH);
    clock.mockReturnValue(Date.parse('2025-03-01T12:10:00.250Z'));
    const later = await send(port, MONTH);
    expect(first.headers).toContain('X-Mock-Now: 2025-03-01T12:10:00.000Z');
    expect(later.headers).toContain('X-Mock-Now: 2025-03-01T12:10:00.250Z');
    mock.state.setScenario('empty');
    const switched = await send(port, MONTH);
    expect(switched.headers).toContain('X-Mock-Scenario: empty');
    expect(switched.body).not.toBe(later.body);
  });

  it('writes a held answer’s head at once, without a setHeader per header', async () => {
    const port = await serve(testApp());
    await send(port, MONTH, { ...BEARER, origin: 'http://a.example' });
    const setHeader = vi.spyOn(ServerResponse.prototype, 'setHeader');
    const writeHead = vi.spyOn(ServerResponse.prototype, 'writeHead');
    const held = await send(port, MONTH, { ...BEARER, origin: 'http://a.example' });
    expect(held.status).toBe(200);
    expect([setHeader.mock.calls.length, writeHead.mock.calls.length]).toEqual([0, 1]);
  });

  it('journals a held answer’s response headers as a computed one’s', async () => {
    const mock = testApp();
    const port = await serve(mock);
    for (const origin of ['http://a.example', 'http://b.example'])
      await send(port, MONTH, { ...BEARER, origin, 'x-mock-now': '2025-03-01T12:00:00Z' });
    const [computed, held] = mock.state.journal.list().map((e) => e.responseHeaders);
    expect(held).toEqual({ ...computed, 'access-control-allow-origin': 'http://b.example' });
    expect(Object.keys(held ?? {})).toEqual(Object.keys(computed ?? {}));
    expect(held?.['content-length']).toMatch(/^\d+$/);
  });

  it('journals and logs a held answer as a computed one', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const mock = testApp({ logLevel: 'info' }, [], { logDestination: destination });
    const operation = runs();
    const port = await serve(mock);
    await send(port, MONTH);
    await send(port, MONTH);
    expect(operation).toHaveBeenCalledTimes(1);
    const journal = mock.state.journal.list().map((e) => [e.url, e.operationId, e.scenario, e.status]);
    expect(journal).toEqual([
      [MONTH, 'getConversationsReport', 'default', 200],
      [MONTH, 'getConversationsReport', 'default', 200],
    ]);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    const logged = lines.map((l) => [l.msg, l.api, l.operationId, l.level]);
    expect(logged[1]).toEqual(logged[0]);
    expect(logged[0]).toEqual([`GET ${MONTH} 200`, 'chatbotcom', 'getConversationsReport', 30]);
  });

  it.each<[string, string, Record<string, string>, string, number]>([
    ['a bad control header', MONTH, { ...BEARER, 'x-mock-seed': 'x' }, 'GET', 400],
    ['an unknown scenario', MONTH, { ...BEARER, 'x-mock-scenario': 'nope' }, 'GET', 400],
    ['HEAD', MONTH, BEARER, 'HEAD', 200],
    ['the control plane', '/__mock/health', {}, 'GET', 200],
    ['an unknown prefix', '/zendesk/x', BEARER, 'GET', 404],
    ['a URL too long', `${MONTH}&x=${'a'.repeat(9000)}`, BEARER, 'GET', 400],
  ])('answers %s afresh every time', async (_name, path, headers, method, status) => {
    const answer = vi.spyOn(ResponseCache.prototype, 'send');
    const port = await serve(testApp());
    const first = await send(port, path, headers, method);
    const second = await send(port, path, headers, method);
    expect(answer).not.toHaveBeenCalled();
    expect([first.status, second.status]).toEqual([status, status]);
    expect(second).toEqual(first);
  });

  it('holds no answer when the response cache is off', async () => {
    const operation = runs();
    const port = await serve(testApp({ responseCacheBytes: 0 }));
    await send(port, MONTH);
    await send(port, MONTH);
    expect(operation).toHaveBeenCalledTimes(2);
  });

  it('follows a scenario switch at once', async () => {
    const mock = testApp();
    const port = await serve(mock);
    const before = await send(port, MONTH);
    await send(port, MONTH);
    mock.state.setScenario('empty');
    const after = await send(port, MONTH);
    expect(after.headers).toContain('X-Mock-Scenario: empty');
    expect(after.body).not.toBe(before.body);
  });
});
