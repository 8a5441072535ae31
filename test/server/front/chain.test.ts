import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chain } from '../../../src/server/front/chain.js';

/** An app with the chain in front, a fallback that reports what ran, and an error handler. */
function appWith(handlers: RequestHandler[]) {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.ran = [];
    next();
  });
  app.use(chain(handlers));
  app.use((_req, res) => {
    res.json({ fellThrough: res.locals.ran });
  });
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message, ran: res.locals.ran });
  });
  return app;
}

const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.ran.push(name);
    next();
  };

describe('chain', () => {
  it('runs its parts in order, then goes on', async () => {
    const res = await request(appWith([mark('a'), mark('b'), mark('c')])).get('/x');
    expect(res.body).toEqual({ fellThrough: ['a', 'b', 'c'] });
  });

  it('stops where a part answers', async () => {
    const answer: RequestHandler = (_req, res) => {
      res.json({ answeredAfter: res.locals.ran });
    };
    const res = await request(appWith([mark('a'), answer, mark('never')])).get('/x');
    expect(res.body).toEqual({ answeredAfter: ['a'] });
  });

  it.each([
    ['next(error)', ((_req, _res, next) => next(new Error('passed'))) as RequestHandler, 'passed'],
    [
      'a throw',
      (() => {
        throw new Error('thrown');
      }) as RequestHandler,
      'thrown',
    ],
    ['a rejected promise', (async () => Promise.reject(new Error('rejected'))) as RequestHandler, 'rejected'],
  ])('sends %s to the error handlers, skipping the rest', async (_name, failing, message) => {
    const res = await request(appWith([mark('a'), failing, mark('never')])).get('/x');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: message, ran: ['a'] });
  });
});
