import type { Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.js';
import { DAY, interactionsPath } from '../apis/digitalcx/support.js';
import type { TestMock } from '../support/app.js';
import { testApp } from '../support/app.js';
import { close, listen, rawGet } from '../support/raw-client.js';

const URL = `/digitalcx${interactionsPath({ startDate: '2025-02-28T06:00:00Z', endDate: '2025-02-28T07:00:00Z' })}`;
const AUTH = { Authorization: 'Bearer s3cret' };

function faulty(name: string, rule: Scenario['rules'][number]): Scenario {
  return {
    name,
    description: name,
    knobs: {},
    rules: [{ match: { operationId: 'getInteractions' }, ...rule }],
  };
}

const SCENARIOS = [
  faulty('reset', { fault: 'reset' }),
  faulty('truncate', { fault: 'truncate' }),
  faulty('truncate-500', { fault: 'truncate', status: 500 }),
  faulty('stall-briefly', { fault: 'stall', stallMs: 50 }),
  faulty('stall-long', { fault: 'stall', stallMs: 600_000 }),
  faulty('reset-some', { fault: 'reset', share: 0.3 }),
];

let server: Server | undefined;
let mock: TestMock;

async function start(): Promise<Server> {
  mock = testApp({}, SCENARIOS);
  server = await listen(mock);
  return server;
}

async function connectionsOf(s: Server): Promise<number> {
  return new Promise((resolve, reject) => s.getConnections((e, n) => (e ? reject(e) : resolve(n))));
}

/** The journal once every entry is complete: the server may see a connection close after the client. */
async function journal() {
  const done = () => mock.state.journal.list().every((e) => e.durationMs !== null);
  for (let i = 0; i < 250 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  return mock.state.journal.list();
}

afterEach(async () => {
  if (server) await close(server);
  server = undefined;
});

describe('faults', () => {
  it('resets the connection without an answer, and journals the fault', async () => {
    const s = await start();
    const res = await rawGet(s, URL, { ...AUTH, 'X-Mock-Scenario': 'reset' });
    expect(res).toMatchObject({ ending: 'reset', status: undefined });
    const entry = (await journal()).at(-1);
    expect(entry).toMatchObject({
      scenario: 'reset',
      fault: 'reset',
      status: null,
      operationId: 'getInteractions',
    });
  });

  it('sends the head with the full length and half the body, then cuts the connection', async () => {
    const s = await start();
    const whole = await rawGet(s, URL, AUTH);
    expect(whole.ending).toBe('complete');
    const cut = await rawGet(s, URL, { ...AUTH, 'X-Mock-Scenario': 'truncate' });
    expect(cut.ending).toBe('cut');
    expect(cut.status).toBe(200);
    expect(cut.headers?.['content-length']).toBe(String(whole.body.length));
    expect(cut.body.length).toBe(Math.floor(whole.body.length / 2));
    expect(whole.body.subarray(0, cut.body.length).equals(cut.body)).toBe(true);
    expect((await journal()).at(-1)).toMatchObject({ fault: 'truncate', status: 200 });
  });

  it('truncates an error body in the vendor shape too', async () => {
    const s = await start();
    const res = await rawGet(s, URL, { ...AUTH, 'X-Mock-Scenario': 'truncate-500' });
    expect(res).toMatchObject({ ending: 'cut', status: 500 });
    expect(res.headers?.['content-length']).toBe(String('Something went wrong'.length));
    expect(res.body.toString()).toBe('Something ');
  });

  it('stalls without a byte and closes the connection itself after stallMs', async () => {
    const s = await start();
    const res = await rawGet(s, URL, { ...AUTH, 'X-Mock-Scenario': 'stall-briefly' });
    expect(res).toMatchObject({ ending: 'reset', status: undefined });
    expect(res.body.length).toBe(0);
  });

  it('frees a stalled connection as soon as the client gives up', async () => {
    const s = await start();
    const res = await rawGet(s, URL, { ...AUTH, 'X-Mock-Scenario': 'stall-long' }, 100);
    expect(res.ending).toBe('gave-up');
    for (let i = 0; i < 100 && (await connectionsOf(s)) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await connectionsOf(s)).toBe(0);
    expect((await journal()).at(-1)).toMatchObject({ fault: 'stall', status: null });
  });

  it('leaves other operations and requests without the header alone', async () => {
    const s = await start();
    const res = await rawGet(s, `/digitalcx${interactionsPath(DAY)}`, AUTH);
    expect(res).toMatchObject({ ending: 'complete', status: 200 });
  });

  it('resets a share of requests, the same ones in a fresh mock, and journals which', async () => {
    const endings = async () => {
      const s = await start();
      const out: string[] = [];
      for (let i = 0; i < 30; i++) {
        const url = `/digitalcx${interactionsPath({
          startDate: '2025-02-28T06:00:00Z',
          endDate: '2025-02-28T07:00:00Z',
          filterText: `q${i}`,
        })}`;
        out.push((await rawGet(s, url, { ...AUTH, 'X-Mock-Scenario': 'reset-some' })).ending);
      }
      const faults = (await journal()).map((e) => (e.fault === 'reset' ? 'reset' : 'complete'));
      await close(s);
      server = undefined;
      return { out, faults };
    };
    const first = await endings();
    expect(new Set(first.out)).toEqual(new Set(['reset', 'complete']));
    expect(first.faults).toEqual(first.out);
    expect((await endings()).out).toEqual(first.out);
  });
});
