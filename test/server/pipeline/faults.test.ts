import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { listen as listenWith } from '../../../src/server/front/listen.js';
import { testApp } from '../../support/app.js';

const HUGE: Scenario = { name: 'huge', description: 'x60 traffic', knobs: { volume: 60 }, rules: [] };
const DAY_URL =
  '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function listen(): Promise<string> {
  const app = testApp({}, [HUGE]);
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('faults', () => {
  it('stops streaming a large CSV when the client disconnects, and keeps serving others', async () => {
    const base = await listen();
    const received = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${base}${DAY_URL}`,
        { headers: { Authorization: 'Bearer x', 'X-Mock-Scenario': 'huge' } },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > 64 * 1024) {
              req.destroy();
              resolve(bytes);
            }
          });
          res.on('end', () => reject(new Error('the body ended before the client hung up: make it larger')));
        },
      );
      req.on('error', () => {});
      req.end();
    });
    expect(received).toBeGreaterThan(64 * 1024);
    const health = await fetch(`${base}/__mock/health`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
  });

  it('answers 64 concurrent requests, all correctly', async () => {
    const base = await listen();
    const urls = Array.from(
      { length: 64 },
      (_, i) =>
        `${base}/digitalcx/acme/projects/p${i % 8}/interactions?startDate=2025-02-28T0${i % 4}:00:00Z&endDate=2025-02-28T10:00:00Z`,
    );
    const results = await Promise.all(
      urls.map((u) =>
        fetch(u, { headers: { Authorization: 'Bearer x' }, signal: AbortSignal.timeout(15000) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(urls.map(() => 200));
    const bodies = await Promise.all(results.map((r) => r.text()));
    expect(bodies.every((b) => b.startsWith('LogId,'))).toBe(true);
    // Requests 0 and 8 are the same URL: concurrency must not change a byte.
    expect(urls[8]).toBe(urls[0]);
    expect(bodies[8]).toBe(bodies[0]);
    expect(bodies[1]).not.toBe(bodies[0]);
  });

  it('answers a URL over 8192 characters with the API documented 400, naming the limit', async () => {
    const res = await request(testApp()).get(`${DAY_URL}&filterText=${'x'.repeat(8200)}`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/longer than 8192 characters/);
  });

  it('does not let __proto__ or constructor keys pollute objects, in queries or bodies', async () => {
    const app = testApp();
    await request(app)
      .get(`${DAY_URL}&__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x`)
      .set('Authorization', 'Bearer x');
    await request(app)
      .post('/digitalcx/oauth2/token')
      .type('form')
      .send('__proto__[polluted]=1&grant_type=client_credentials&client_id=a&client_secret=b');
    await request(app).post('/digitalcx/oauth2/token').type('json').send('{"__proto__":{"polluted":1}}');
    await request(app)
      .put('/__mock/scenario')
      .type('json')
      .send('{"__proto__":{"polluted":1},"name":"default"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('slow clients', () => {
  it('closes a connection whose headers never complete (slowloris), and keeps serving others', async () => {
    const app = testApp();
    const slow = await listenWith(app, 0, '127.0.0.1', {
      headers: 600,
      request: 2_000,
      keepAlive: 500,
      checkEvery: 200,
    });
    try {
      const { port } = slow.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      const closed = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        socket.on('close', () => resolve(text));
      });
      socket.write('GET /__mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // Trickle a header byte now and then, never finishing the head.
      const trickle = setInterval(() => socket.writable && socket.write('X-Slow: a\r\n'), 150);
      const answer = await closed;
      clearInterval(trickle);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);
      const health = await fetch(`http://127.0.0.1:${port}/__mock/health`, {
        signal: AbortSignal.timeout(3000),
      });
      expect(health.status).toBe(200);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });
});
