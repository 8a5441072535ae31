import { get, type IncomingMessage, type Server } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal.js';
import { bannerLines } from '../../../src/server/cli/banner.js';
import { maskEntry, maskHeaderValue, maskUrl } from '../../../src/server/control/console/mask.js';
import { pollJournal } from '../../../src/server/control/console/poll-journal.js';
import { baseUrl, drain, listen } from '../../../src/server/front/listen.js';
import { testApp, testConfig } from '../../support/app.js';

const TOKEN = 'console-admin-token';
const BEARER = { Authorization: 'Bearer console_test' };
const REPORT = '/chatbotcom/reports/conversations?period=last7days';

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => drain(s, 100)));
  servers = [];
});

async function serve(overrides: Parameters<typeof testApp>[0] = {}): Promise<string> {
  const mock = testApp(overrides);
  const server = await listen(mock.listener, 0, '127.0.0.1');
  servers.push(server);
  return baseUrl(server, '127.0.0.1');
}

/** Reads server-sent events from the console's stream until `count` have come (bounded in time). */
function readEvents(
  url: string,
  count: number,
  headers: Record<string, string> = {},
  then: () => void = () => {},
): Promise<{ name: string; data: Record<string, unknown> }[]> {
  return new Promise((resolve, reject) => {
    const events: { name: string; data: Record<string, unknown> }[] = [];
    const req = get(`${url}/__mock/console/events`, { headers }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ name, data: JSON.parse(data) });
          if (events.length === 1 && name) then();
          if (events.length === count) {
            req.destroy();
            resolve(events);
          }
        }
      });
    });
    req.on('error', (error) => (events.length === count ? undefined : reject(error)));
    setTimeout(() => {
      req.destroy();
      reject(new Error(`only ${events.length} events in 5 s: ${JSON.stringify(events)}`));
    }, 5_000);
  });
}

describe('/__mock/console', () => {
  it('serves the page with its own files only (CSP), and the chart library from node_modules', async () => {
    const app = testApp();
    const page = await request(app).get('/__mock/console');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('/__mock/console/assets/chart.umd.min.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    for (const file of ['chart.umd.min.js', 'chartjs-chart-matrix.min.js', 'console.js', 'console.css']) {
      const res = await request(app).get(`/__mock/console/assets/${file}`);
      expect(res.status, file).toBe(200);
    }
    expect((await request(app).get('/__mock/console/assets/secret.txt')).status).toBe(404);
  });

  it('is gone with --no-admin, like the rest of the control plane', async () => {
    const app = testApp({ admin: false });
    expect((await request(app).get('/__mock/console')).status).toBe(404);
    expect((await request(app).get('/__mock/console/events')).status).toBe(404);
  });

  it.each<[string, Record<string, string>]>([
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
    ['another port of localhost', { 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:3000' }],
    ['an Origin of another host', { Origin: 'http://localhost:3000' }],
  ])('refuses %s, even with that origin in --cors-origin', async (_name, headers) => {
    const app = testApp({ corsOrigins: ['http://localhost:3000'] });
    for (const path of ['/__mock/console', '/__mock/console/events', '/__mock/console/assets/console.js']) {
      const res = await request(app).get(path).set(headers);
      expect(res.status, path).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('serves its own origin: a navigation, and the page calling back', async () => {
    const app = testApp();
    expect((await request(app).get('/__mock/console').set('Sec-Fetch-Site', 'none')).status).toBe(200);
    const res = await request(app)
      .get('/__mock/console/assets/console.js')
      .set('Sec-Fetch-Site', 'same-origin');
    expect(res.status).toBe(200);
  });

  it('with --admin-token, serves the page but streams the journal only with the token', async () => {
    const app = testApp({ adminToken: TOKEN });
    expect((await request(app).get('/__mock/console')).status).toBe(200);
    const res = await request(app).get('/__mock/console/events');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('requests');
    const url = await serve({ adminToken: TOKEN });
    const [first] = await readEvents(url, 1, { Authorization: `Bearer ${TOKEN}` });
    expect(first?.name).toBe('journal');
  });

  it('streams the journal, then each request once answered with its credential masked, then state changes', async () => {
    const url = await serve();
    await fetch(`${url}${REPORT}`, { headers: BEARER });
    const events = await readEvents(url, 3, {}, async () => {
      await fetch(`${url}${REPORT}&n=2`, { headers: { Authorization: 'Bearer forbidden' } });
      await fetch(`${url}/__mock/scenario`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"empty"}',
      });
    });
    expect(events.map((e) => e.name)).toEqual(['journal', 'request', 'state']);
    const journal = events[0]?.data.requests as JournalEntry[];
    expect(journal.map((e) => e.url)).toEqual([REPORT]);
    expect(journal[0]?.headers.authorization).toBe('Bearer ••••••');
    const answered = events[1]?.data as unknown as JournalEntry;
    expect(answered).toMatchObject({ url: `${REPORT}&n=2`, status: 403, api: 'chatbotcom' });
    expect(answered.headers.authorization).toBe('Bearer •••••• (magic value: forbidden)');
    expect(answered.responseHeaders?.['content-type']).toContain('application/json');
    expect(answered.responseBytes).toBeGreaterThan(100);
    expect(events[2]?.data).toEqual({ kind: 'scenario', name: 'empty', scenario: 'empty' });
  });
});

describe('the journal for the console', () => {
  it('records each answer’s headers and size on the wire', async () => {
    const app = testApp();
    const answer = await request(app).get(REPORT).set(BEARER);
    const [entry] = (await request(app).get('/__mock/requests')).body.requests as JournalEntry[];
    expect(entry?.responseHeaders?.['x-mock-seed']).toBe('1');
    expect(entry?.responseHeaders?.['content-length']).toBe(String(answer.text.length));
    expect(entry?.responseBytes).toBeGreaterThan(answer.text.length);
  });
});

describe('masking credentials', () => {
  it.each([
    ['Bearer abc_def', 'Bearer ••••••'],
    ['Bearer abc_expired', 'Bearer •••••• (magic value: expired)'],
    [`Basic ${Buffer.from('id:viewer').toString('base64')}`, 'Basic •••••• (magic value: viewer)'],
    [`Basic ${Buffer.from('id:s3cret').toString('base64')}`, 'Basic ••••••'],
    ['plain-key', '••••••'],
  ])('shows %s as %s', (value, shown) => {
    expect(maskHeaderValue(value)).toBe(shown);
  });

  it('hides credential query parameters and headers, and keeps the rest (a page cursor is no secret)', () => {
    expect(maskUrl('/x?access_token=abc&period=today&api_key=k')).toBe(
      '/x?access_token=••••••&period=today&api_key=••••••',
    );
    const entry = maskEntry({
      url: '/x',
      headers: { 'x-api-key': 'k', cookie: 'a=b', accept: 'text/csv' },
      responseHeaders: { continuationtoken: 'page-2', 'set-cookie': 's=1' },
    } as unknown as JournalEntry);
    expect(entry.headers).toEqual({ 'x-api-key': '••••••', cookie: '••••••', accept: 'text/csv' });
    expect(entry.responseHeaders).toEqual({ continuationtoken: 'page-2', 'set-cookie': '••••••' });
  });
});

describe('pollJournal (the console under --workers)', () => {
  it('passes on each answered entry once, and stops when told', async () => {
    const entry = (id: number, worker: number, durationMs: number | null) =>
      ({ id, worker, durationMs }) as JournalEntry;
    const answers = [[entry(1, 7, 1)], [entry(1, 7, 1), entry(1, 8, null)], [entry(1, 7, 1), entry(1, 8, 2)]];
    const list = vi.fn(async () => answers.shift() ?? []);
    const seen: string[] = [];
    const stop = pollJournal(list, (e) => seen.push(`${e.worker}:${e.id}`), 5);
    await vi.waitFor(() => expect(list.mock.calls.length).toBeGreaterThanOrEqual(3));
    stop();
    const calls = list.mock.calls.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(list.mock.calls.length).toBeLessThanOrEqual(calls + 1);
    expect(seen).toEqual(['7:1', '8:1']);
  });
});

describe('the start-up banner', () => {
  it('links the console, unless the control plane is off', () => {
    const facts = {
      base: 'http://localhost:4010',
      apis: ['chatbotcom'],
      scenario: 'default',
      watching: false,
    };
    expect(bannerLines(testConfig(), facts).join('\n')).toContain(
      'console http://localhost:4010/__mock/console',
    );
    expect(bannerLines(testConfig({ admin: false }), facts).join('\n')).not.toContain('/__mock/console');
  });
});
