/**
 * Issue 20 item 2: the response cache's byte bound covers its keys. A key holds the URL (up to 8 KB)
 * and the request headers (up to 16 KB); counting only bodies let RSS grow far past the budget.
 * Measured on the heap, after full collections, not by timing.
 */
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { closeServers, serve } from '../../support/wire.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** GET with keep-alive; resolves with the status once the body is read. */
function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

afterEach(closeServers);

describe('response cache memory', () => {
  it('holds distinct requests with long URLs and headers to near its byte budget', async () => {
    const budget = 2 * MB;
    const { listener } = testApp({ responseCacheBytes: budget, journalSize: 1 });
    const port = await serve(listener);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const headers = { Authorization: 'Bearer x', 'X-Trace-Blob': 'h'.repeat(7 * 1024) };
    const pad = 'u'.repeat(8000);
    // The journal (1 entry here) also keeps URLs and headers: this test measures the cache alone.
    // Warm up: compile, caches of derived data, the agent's sockets.
    for (let i = 0; i < 20; i++)
      await get(agent, port, `/generalbots/api/v1/analytics/usage?days=1&w=${i}`, headers);
    const before = heapAfterGc();
    const count = 600; // ~15 KB of key each: 9 MB of keys, four times the budget
    for (let i = 0; i < count; i += 4) {
      const batch = [0, 1, 2, 3].map((j) =>
        get(agent, port, `/generalbots/api/v1/analytics/usage?days=1&n=${i + j}&pad=${pad}`, headers),
      );
      expect(await Promise.all(batch)).toEqual([200, 200, 200, 200]);
    }
    const grown = heapAfterGc() - before;
    agent.destroy();
    expect(grown).toBeLessThan(2 * budget);
  }, 60_000);
});
