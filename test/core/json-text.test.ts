import express, { type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sendJsonText } from '../../src/core/json-text.js';

/** An app with the mock's settings: Express's res.json of a value, or sendJsonText of its text. */
function appWith(handler: (req: Request, res: Response) => void) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(handler);
  return app;
}

async function answer(
  handler: (req: Request, res: Response) => void,
  method: 'get' | 'head' = 'get',
  sent: Record<string, string> = {},
) {
  const agent = request(appWith(handler));
  const res = await (method === 'head' ? agent.head('/') : agent.get('/'))
    .set(sent)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const { date: _date, ...headers } = res.headers;
  return { status: res.status, headers, body: (res.body as Buffer).toString('hex') };
}

/** The same request answered by res.json(value) and by sendJsonText(JSON.stringify(value)). */
async function both(
  before: (res: Response) => void,
  value: unknown,
  method: 'get' | 'head' = 'get',
  sent: Record<string, string> = {},
) {
  const viaJson = await answer(
    (_req, res) => {
      before(res);
      res.json(value);
    },
    method,
    sent,
  );
  const viaText = await answer(
    (_req, res) => {
      before(res);
      sendJsonText(res, JSON.stringify(value));
    },
    method,
    sent,
  );
  return { viaJson, viaText };
}

const none = () => {};

describe('sendJsonText', () => {
  it.each<[string, unknown]>([
    ['a short object', { short: true }],
    ['a long ASCII text', { long: 'x'.repeat(2000), list: Array.from({ length: 50 }, (_, i) => ({ i })) }],
    ['a long text beyond ASCII', { unicode: 'héllo — 日本 🎉'.repeat(80) }],
    ['a short text beyond ASCII', { e: 'é' }],
    ['a number', 42],
    ['null', null],
  ])('sends what res.json sends for %s', async (_, value) => {
    const { viaJson, viaText } = await both(none, value);
    expect(viaText).toEqual(viaJson);
  });

  it.each<[string, (res: Response) => void]>([
    ['a status without a body', (res) => res.status(204)],
    ['a Content-Type set before', (res) => res.type('application/vnd.x+json')],
    ['an error status', (res) => res.status(503)],
    ['a latin1 header value', (res) => res.set('X-Note', 'caf\u00e9')],
  ])('sends what res.json sends with %s', async (_, before) => {
    for (const value of [{ a: 'x'.repeat(10) }, { a: 'x'.repeat(1200) }, { a: '\u00e9'.repeat(1200) }]) {
      const { viaJson, viaText } = await both(before, value);
      expect(viaText).toEqual(viaJson);
    }
  });

  it('answers HEAD and conditional requests as res.json does', async () => {
    const value = { long: 'y'.repeat(1500) };
    const head = await both(none, value, 'head');
    expect(head.viaText).toEqual(head.viaJson);
    const conditional = { 'If-None-Match': '"x"', 'If-Modified-Since': 'Sat, 01 Mar 2025 12:00:00 GMT' };
    const got = await both(none, value, 'get', conditional);
    expect(got.viaText).toEqual(got.viaJson);
  });
});
