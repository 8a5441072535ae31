import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockApp } from '../../../src/server/app.js';
import type { Config } from '../../../src/server/cli/config.js';
import { testApp } from '../../support/app.js';
import { closeServers, sendRaw, serve, type WireAnswer } from '../../support/wire.js';

const MONTH = '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day';
const BEARER = { authorization: 'Bearer lane' };

type Raw = WireAnswer;

afterEach(async () => {
  vi.restoreAllMocks();
  await closeServers();
});

const send = (port: number, path: string, headers: Record<string, string> = BEARER, method = 'GET') =>
  sendRaw(port, path, headers, method);

/** The same requests against the app alone and against the lane in front of it, each on its own instance. */
async function bothWays(requests: [string, Record<string, string>][], overrides: Partial<Config> = {}) {
  const viaApp = testApp(overrides);
  const viaLane = testApp(overrides);
  const appPort = await serve(viaApp.app);
  const lanePort = await serve(viaLane.listener);
  const answers: { app: Raw; lane: Raw }[] = [];
  for (const [path, headers] of requests)
    answers.push({ app: await send(appPort, path, headers), lane: await send(lanePort, path, headers) });
  return { answers, viaApp, viaLane };
}

/** Counts the requests that reach Express. */
const intoExpress = (mock: MockApp) => vi.spyOn(mock.app as unknown as { handle: () => void }, 'handle');

describe('fast lane', () => {
  it('answers a cached GET with the bytes the app sends, without entering Express', async () => {
    const viaLane = testApp();
    const express = intoExpress(viaLane);
    const port = await serve(viaLane.listener);
    const first = await send(port, MONTH);
    const second = await send(port, MONTH);
    expect(express).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    const { answers } = await bothWays([
      [MONTH, BEARER],
      [MONTH, BEARER],
    ]);
    for (const { app, lane } of answers) expect(lane).toEqual(app);
    expect(answers[1]?.lane).toEqual(first);
  });

  it('keeps CORS and the control headers per request, as the app does', async () => {
    const { answers } = await bothWays([
      [MONTH, { ...BEARER, origin: 'http://a.example' }],
      [MONTH, { ...BEARER, origin: 'http://b.example' }],
      [MONTH, { ...BEARER, origin: 'null' }],
      [MONTH, { ...BEARER, 'x-mock-seed': '1' }],
    ]);
    for (const { app, lane } of answers) expect(lane).toEqual(app);
    expect(answers[1]?.lane.headers).toContain('Access-Control-Allow-Origin: http://b.example');
  });

  it('journals and logs a request it answers as the app does', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const mock = testApp({ logLevel: 'info' }, [], { logDestination: destination });
    const express = intoExpress(mock);
    const port = await serve(mock.listener);
    await send(port, MONTH);
    await send(port, MONTH);
    expect(express).toHaveBeenCalledTimes(1);
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

  it.each<[string, string, Record<string, string>, string]>([
    ['a bad control header', MONTH, { ...BEARER, 'x-mock-seed': 'x' }, 'GET'],
    ['an unknown scenario', MONTH, { ...BEARER, 'x-mock-scenario': 'nope' }, 'GET'],
    ['HEAD', MONTH, BEARER, 'HEAD'],
    ['the control plane', '/__mock/health', {}, 'GET'],
    ['an unknown prefix', '/zendesk/x', BEARER, 'GET'],
    ['a URL too long', `${MONTH}&x=${'a'.repeat(9000)}`, BEARER, 'GET'],
  ])('leaves %s to the app, every time', async (_name, path, headers, method) => {
    const mock = testApp();
    const express = intoExpress(mock);
    const port = await serve(mock.listener);
    const first = await send(port, path, headers, method);
    const second = await send(port, path, headers, method);
    expect(express).toHaveBeenCalledTimes(2);
    expect(second.status).toBe(first.status);
  });

  it('is the app itself when the response cache is off', () => {
    const mock = testApp({ responseCacheBytes: 0 });
    expect(mock.listener).toBe(mock.app);
  });

  it('follows a scenario switch at once', async () => {
    const mock = testApp();
    const port = await serve(mock.listener);
    const before = await send(port, MONTH);
    await send(port, MONTH);
    mock.state.setScenario('empty');
    const after = await send(port, MONTH);
    expect(after.headers).toContain('X-Mock-Scenario: empty');
    expect(after.body).not.toBe(before.body);
  });
});
