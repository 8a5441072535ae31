/**
 * One Express layer in front of the API mounts: the API the front's path decision named
 * (request-path.ts) gets the request, mounted exactly as `app.use('/<api>', …)` mounts it
 * (`req.baseUrl` the prefix, `req.url` the rest). Express walked a layer per API and
 * control-plane mount, per request. Anything else goes on to Express's own mounts, which stay
 * registered behind it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { invoke } from './chain.js';
import { decidedPath, restOf } from './request-path.js';

/** The layer for some API pipelines by name (URL prefix). */
export function apiDispatch(routers: readonly { name: string; router: RequestHandler }[]): RequestHandler {
  const byName = new Map(routers.map(({ name, router }) => [name.toLowerCase(), router]));
  return (req: Request, res: Response, next: NextFunction) => {
    const decided = decidedPath(res);
    const router = decided.api === undefined ? undefined : byName.get(decided.api);
    if (!router) return next();
    const baseUrl = req.baseUrl;
    const url = req.url;
    req.baseUrl = baseUrl + decided.prefix;
    req.url = restOf(decided);
    const done = (error?: unknown) => {
      req.baseUrl = baseUrl;
      req.url = url;
      next(error);
    };
    invoke(router, req, res, done);
  };
}
