import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiDispatch } from '../../../src/server/front/api-dispatch.js';
import { pathDecision } from '../../../src/server/front/request-path.js';

/** An app whose API "a" answers where Express mounted it; errors and misses are answered too. */
function appWith(handler: (req: Request, res: Response, next: NextFunction) => unknown) {
  const app = express();
  app.use(pathDecision(new Set(['alpha'])));
  app.use(apiDispatch([{ name: 'alpha', router: handler as express.RequestHandler }]));
  app.use((req, res) => {
    res.status(404).json({ miss: req.url, baseUrl: req.baseUrl });
  });
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message, url: req.url, baseUrl: req.baseUrl });
  });
  return app;
}

const echo = (req: Request, res: Response) => {
  res.json({ url: req.url, baseUrl: req.baseUrl, originalUrl: req.originalUrl, path: req.path });
};

describe('API dispatch', () => {
  it.each([
    ['/alpha/x/y?q=1', { url: '/x/y?q=1', baseUrl: '/alpha', path: '/x/y' }],
    ['/alpha', { url: '/', baseUrl: '/alpha', path: '/' }],
    ['/alpha?q=1', { url: '/?q=1', baseUrl: '/alpha', path: '/' }],
    ['/ALPHA/x', { url: '/x', baseUrl: '/alpha', path: '/x' }],
    ['/al%70ha/x', { url: '/x', baseUrl: '/alpha', path: '/x' }],
  ])('mounts %s as app.use("/alpha") would', async (url, expected) => {
    const res = await request(appWith(echo)).get(url);
    expect(res.body).toEqual({ ...expected, originalUrl: url });
  });

  it('leaves other paths to the layers behind it, URL untouched', async () => {
    for (const url of ['/alphabet/x', '/beta/x', '/', '//alpha/x']) {
      const res = await request(appWith(echo)).get(url);
      expect(res.status, url).toBe(404);
      expect(res.body, url).toEqual({ miss: url, baseUrl: '' });
    }
  });

  it('hands thrown errors and rejected promises to the error handler, with the URL restored', async () => {
    const thrown = await request(
      appWith(() => {
        throw new Error('boom');
      }),
    ).get('/alpha/x');
    expect(thrown.body).toEqual({ error: 'boom', url: '/alpha/x', baseUrl: '' });
    const rejected = await request(appWith(async () => Promise.reject(new Error('later')))).get('/alpha/y');
    expect(rejected.body).toEqual({ error: 'later', url: '/alpha/y', baseUrl: '' });
  });
});
