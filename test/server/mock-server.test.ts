import type { Response as CheckedResponse } from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/server/cli/config.js';
import { type MockServer, startMockServer } from '../../src/server/mock-server.js';
import { NOW } from '../support/app.js';
import { expectMatchesSpec } from '../support/contract.js';

const PATH = '/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z';
const QUIET = { name: 'quiet', description: 'no traffic', knobs: { empty: true }, rules: [] };

let running: MockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function get(url: string): Promise<Response> {
  return fetch(url, { headers: { Authorization: 'Bearer x' }, signal: AbortSignal.timeout(5_000) });
}

/** Fetches an API URL and validates the answer against its spec, as supertest's send() does. */
async function getChecked(server: MockServer, url: string): Promise<{ status: number; text: string }> {
  const res = await get(url);
  const text = await res.text();
  const headers = Object.fromEntries(res.headers.entries());
  const body = headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : undefined;
  await expectMatchesSpec('GET', url.slice(server.url.length), {
    status: res.status,
    headers,
    text,
    body,
  } as unknown as CheckedResponse);
  return { status: res.status, text };
}

describe('startMockServer', () => {
  it('listens on 127.0.0.1 on a free port and gives the base URL of each API', async () => {
    running = await startMockServer({ now: NOW });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.port).toBeGreaterThan(0);
    expect(running.urls.digitalcx).toBe(`${running.url}/digitalcx`);
    const health = await get(`${running.url}/__mock/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', now: NOW, clock: 'fixed', seed: 1 });
  });

  it('answers like the CLI server, deterministically for a seed and clock', async () => {
    running = await startMockServer({ now: NOW, seed: 7 });
    const first = await getChecked(running, `${running.urls.digitalcx}${PATH}`);
    const second = await getChecked(running, `${running.urls.digitalcx}${PATH}`);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
  });

  it('switches scenarios, records requests, and resets both between tests', async () => {
    running = await startMockServer({ now: new Date(NOW) }, [QUIET]);
    running.setScenario('quiet');
    const quiet = await getChecked(running, `${running.urls.digitalcx}${PATH}`);
    expect(quiet.text.trim().split('\r\n')).toHaveLength(1);
    expect(running.requests()).toMatchObject([
      { method: 'GET', api: 'digitalcx', operationId: 'getInteractions', status: 200 },
    ]);
    expect(() => running?.setScenario('nope')).toThrowError(
      /^Unknown scenario 'nope'\. Known scenarios: default, .*, quiet\.$/,
    );
    running.reset();
    expect(running.requests()).toEqual([]);
    const normal = await getChecked(running, `${running.urls.digitalcx}${PATH}`);
    expect(normal.text.trim().split('\r\n').length).toBeGreaterThan(1);
  });

  it('forgets the reports tests created on reset', async () => {
    running = await startMockServer({ now: NOW });
    const reports = `${running.urls.generalbots}/api/v1/analytics/reports`;
    const auth = { Authorization: 'Bearer admin' };
    const count = async () =>
      (
        (await (await fetch(reports, { headers: auth, signal: AbortSignal.timeout(5_000) })).json()) as {
          data: { total: number };
        }
      ).data.total;
    const seeded = await count();
    const created = await fetch(reports, {
      signal: AbortSignal.timeout(5_000),
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'usage', format: 'json' }),
    });
    expect(created.status).toBe(201);
    expect(await count()).toBe(seeded + 1);
    running.reset();
    expect(await count()).toBe(seeded);
  });

  it('stops listening on close, and a second close is harmless', async () => {
    const server = await startMockServer();
    await server.close();
    await server.close();
    await expect(get(`${server.url}/__mock/health`)).rejects.toThrow();
  });

  it.each([
    [
      { seed: -1 },
      "startMockServer: Invalid option seed: '-1'. Expected a whole number from 0 to 4294967295.",
    ],
    [{ now: 'tomorrow' }, "startMockServer: Invalid option now: 'tomorrow'. Expected an ISO 8601 instant"],
    [
      { apis: ['zendesk'] },
      "startMockServer: Invalid option apis: 'zendesk'. Expected one of logicdialog, chatlayer, chatbotcom, digitalcx, generalbots.",
    ],
    [{ port: 70000 }, "startMockServer: Invalid option port: '70000'."],
    [{ corsOrigins: ['localhost'] }, "startMockServer: Invalid option corsOrigins: 'localhost'."],
    [
      { journalSize: 1.5 },
      "startMockServer: Invalid option journalSize: '1.5'. Expected a whole number >= 0.",
    ],
  ])('refuses %j with a message naming the option', async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrowError(ConfigError);
    await expect(startMockServer(options)).rejects.toThrowError(message);
  });

  it('refuses a port in use with a message naming it', async () => {
    running = await startMockServer();
    await expect(startMockServer({ port: running.port })).rejects.toThrowError(
      `Failed to listen on 127.0.0.1:${running.port}: listen EADDRINUSE`,
    );
  });
});
