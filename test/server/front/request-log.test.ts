import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/server/cli/config.js';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

const DATA =
  '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z';

/** An app whose log lines are collected, parsed, instead of written to stdout. */
function loggedApp(logLevel: Config['logLevel']) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = testApp({ logLevel }, [], { logDestination: destination });
  return { app, lines };
}

describe('request log', () => {
  it('writes one JSON line per request with method, URL, status, time and the operation reached', async () => {
    const { app, lines } = loggedApp('info');
    await send(request(app).get(DATA).set('Authorization', 'Bearer x'));
    await send(request(app).get(DATA));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      req: { method: 'GET', url: DATA },
      res: { statusCode: 200 },
      api: 'digitalcx',
      operationId: 'getInteractions',
      msg: `GET ${DATA} 200`,
    });
    expect(typeof lines[0]?.responseTime).toBe('number');
    expect(lines[1]).toMatchObject({ res: { statusCode: 401 } });
    expect(JSON.stringify(lines)).not.toContain('authorization');
  });

  it('logs an emulated 500 at info without a stack: it is not a failure of the mock', async () => {
    const { app, lines } = loggedApp('info');
    const res = await send(request(app).get(DATA).set('Authorization', 'Bearer x').set('Prefer', 'code=500'));
    expect(res.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, res: { statusCode: 500 } });
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('keeps health probes out of the info log and shows them at debug', async () => {
    const info = loggedApp('info');
    await request(info.app).get('/__mock/health');
    expect(info.lines).toEqual([]);
    const debug = loggedApp('debug');
    await request(debug.app).get('/__mock/health');
    expect(debug.lines).toHaveLength(1);
    expect(debug.lines[0]).toMatchObject({ level: 20, req: { url: '/__mock/health' } });
  });

  it('writes nothing at level silent', async () => {
    const { app, lines } = loggedApp('silent');
    await send(request(app).get(DATA).set('Authorization', 'Bearer x'));
    expect(lines).toEqual([]);
  });
});
