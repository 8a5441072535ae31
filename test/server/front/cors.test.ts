import { connect } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';
import { closeServers, serve } from '../../support/wire.js';

afterEach(async () => {
  await closeServers();
});

/** One raw request on its own connection (closed after it); resolves with the whole answer. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(head.replace(/\r\n\r\n$/, '\r\nConnection: close\r\n\r\n')),
    );
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

const URL = '/digitalcx/acme/projects/shop/interactions';
const DATA = `${URL}?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z`;

function preflight(app: ReturnType<typeof testApp>, origin: string) {
  return request(app)
    .options(URL)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'GET')
    .set('Access-Control-Request-Headers', 'authorization, x-mock-seed');
}

describe('cors', () => {
  it('answers a preflight from any browser origin by default, with credentials allowed', async () => {
    const res = await preflight(testApp(), 'http://localhost:5173');
    expect(res.status).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization, x-mock-seed',
      vary: 'Origin',
    });
    expect(res.headers['access-control-allow-methods']).toContain('GET');
  });

  it('reads Origin however it is spelled, and a repeated one as Node joins it, held answer or not', async () => {
    const port = await serve(testApp());
    const MONTH = '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day';
    const auth = 'Authorization: Bearer cors\r\n';
    const allowed = async (headers: string) => {
      const answer = await rawRequest(port, `GET ${MONTH} HTTP/1.1\r\nHost: x\r\n${auth}${headers}\r\n`);
      return /\r\nAccess-Control-Allow-Origin: ([^\r]*)/.exec(answer)?.[1];
    };
    // Twice each: computed, then held.
    for (let i = 0; i < 2; i++) {
      expect(await allowed('ORIGIN: http://a.example\r\n')).toBe('http://a.example');
      expect(await allowed('Origin: http://a.example\r\norigin: http://b.example\r\n')).toBe(
        'http://a.example, http://b.example',
      );
      expect(await allowed('')).toBeUndefined();
    }
  });

  it('sends no CORS headers to a client that is not a browser on another origin (no Origin header)', async () => {
    const res = await send(request(testApp()).get(DATA).set('Authorization', 'Bearer x'));
    expect(res.status).toBe(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(res.headers.vary).toBe('Origin');
  });

  it('lets a browser script read the pagination and control headers of a real response', async () => {
    const res = await send(
      request(testApp()).get(DATA).set('Origin', 'http://localhost:5173').set('Authorization', 'Bearer x'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-expose-headers']).toContain('continuationToken');
    expect(res.headers['access-control-expose-headers']).toContain('X-Mock-Seed');
  });

  it('allows only the configured origins once restricted', async () => {
    const app = testApp({ corsOrigins: ['https://app.example.com'] });
    const allowed = await preflight(app, 'https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await preflight(app, 'http://localhost:5173');
    expect(other.status).toBe(204);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-methods']).toBeUndefined();
    expect(other.headers.vary).toBe('Origin');
  });

  it('still answers a request from a refused origin, without CORS headers, so the browser blocks it', async () => {
    const app = testApp({ corsOrigins: ['https://app.example.com'] });
    const res = await send(
      request(app).get(DATA).set('Origin', 'http://localhost:5173').set('Authorization', 'Bearer x'),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
