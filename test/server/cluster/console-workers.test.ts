import { spawn } from 'node:child_process';
import { type IncomingMessage, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { terminate, waitForOutput } from '../../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');
const API = '/chatbotcom/reports/conversations?period=last7days';

/** One request on a connection of its own, so that the cluster hands each to the next worker. */
function send(base: string, path: string, method = 'GET', body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: 'Bearer acme' };
    if (body) headers['Content-Type'] = 'application/json';
    const req = request(`${base}${path}`, { method, headers, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

describe('the console under --workers', () => {
  it("streams requests every worker answers, and a switch made through another worker's connection", async () => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--workers',
        '2',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--now',
        '2025-03-01T12:00:00Z',
        '--log-level',
        'silent',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const banner = await waitForOutput(
        child,
        /console (http:\/\/127\.0\.0\.1:\d+)\/__mock\/console/,
        20_000,
      );
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
      const events: { name: string; data: { worker?: number; url?: string; kind?: string } }[] = [];
      const stream = request(`${base}/__mock/console/events`, { agent: false });
      const opened = new Promise<IncomingMessage>((resolve, reject) => {
        stream.on('response', resolve);
        stream.on('error', reject);
      });
      stream.end();
      const res = await opened;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ name, data: JSON.parse(data) });
        }
      });
      await expect.poll(() => events.length, { timeout: 5_000 }).toBeGreaterThan(0);

      for (const n of [1, 2, 3, 4]) expect(await send(base, `${API}&n=${n}`)).toBe(200);
      const requests = () => events.filter((e) => e.name === 'request');
      await expect.poll(() => requests().length, { timeout: 3_000 }).toBe(4);
      expect(new Set(requests().map((e) => e.data.worker)).size).toBe(2);
      expect(
        requests()
          .map((e) => e.data.url)
          .sort(),
      ).toEqual([1, 2, 3, 4].map((n) => `${API}&n=${n}`));

      // Switched on whichever worker the PUT reaches: the stream's worker applies it too, and says so.
      expect(await send(base, '/__mock/scenario', 'PUT', '{"name":"empty"}')).toBe(200);
      await expect
        .poll(() => events.some((e) => e.name === 'state' && e.data.kind === 'scenario'), { timeout: 3_000 })
        .toBe(true);
      stream.destroy();
    } finally {
      await terminate(child);
    }
  }, 40_000);
});
