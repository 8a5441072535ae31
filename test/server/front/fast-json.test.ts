import express, { type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { installFastJson } from '../../../src/server/front/fast-json.js';

const BODIES: unknown[] = [
  { short: true },
  { long: 'x'.repeat(2000), list: Array.from({ length: 50 }, (_, i) => ({ i, at: new Date(i * 1e9) })) },
  { unicode: 'héllo — 日本 🎉'.repeat(80) },
  'a string',
  42,
  null,
  [],
  undefined,
];

/** Express's res.json, or the installed one, behind the same settings as the mock's app. */
function appWith(fast: boolean, handler: (req: Request, res: Response) => void) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (fast) installFastJson(app);
  app.use(handler);
  return app;
}

async function answer(
  fast: boolean,
  handler: (req: Request, res: Response) => void,
  method: 'get' | 'head' = 'get',
  sent: Record<string, string> = {},
) {
  const agent = request(appWith(fast, handler));
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

describe("the app's res.json", () => {
  it.each(BODIES.map((body, i) => [i, body]))('sends what Express sends (body %i)', async (_, body) => {
    const handler = (_req: Request, res: Response) => {
      res.json(body);
    };
    expect(await answer(true, handler)).toEqual(await answer(false, handler));
  });

  it.each<[string, (req: Request, res: Response) => void]>([
    ['a status without a body', (_req: Request, res: Response) => res.status(204).json({ a: 1 })],
    [
      'a Content-Type set before',
      (_req: Request, res: Response) => res.type('application/vnd.x+json').json({ a: 1 }),
    ],
    ['an error status', (_req: Request, res: Response) => res.status(503).json({ error: 'x'.repeat(1200) })],
    // A header value with a latin1 character (an echoed Origin can have one): Express writes the
    // head of a long body in latin1 and that of a short one in UTF-8.
    ...[10, 1200].flatMap((n): [string, (req: Request, res: Response) => void][] => [
      [
        `a latin1 header value and an ASCII body of ${n} characters`,
        (_req: Request, res: Response) => res.set('X-Note', 'caf\u00e9').json({ a: 'x'.repeat(n) }),
      ],
      [
        `a latin1 header value and a body of ${n} characters beyond ASCII`,
        (_req: Request, res: Response) => res.set('X-Note', 'caf\u00e9').json({ a: '\u00e9'.repeat(n) }),
      ],
    ]),
  ])('sends what Express sends with %s', async (_, handler) => {
    expect(await answer(true, handler)).toEqual(await answer(false, handler));
  });

  it('answers HEAD and conditional requests as Express does', async () => {
    const handler = (_req: Request, res: Response) => {
      res.json({ long: 'y'.repeat(1500) });
    };
    expect(await answer(true, handler, 'head')).toEqual(await answer(false, handler, 'head'));
    const conditional = { 'If-None-Match': '"x"', 'If-Modified-Since': 'Sat, 01 Mar 2025 12:00:00 GMT' };
    expect(await answer(true, handler, 'get', conditional)).toEqual(
      await answer(false, handler, 'get', conditional),
    );
  });
});
