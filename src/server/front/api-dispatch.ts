/**
 * One Express layer in front of the API mounts: the first path segment picks the API's pipeline with
 * a Map lookup, mounted exactly as `app.use('/<api>', …)` mounts it (case-insensitive prefix,
 * `req.baseUrl` the prefix as sent, `req.url` the rest). Express walked a layer per API and
 * control-plane mount, per request. Anything unusual (an absolute-form URL, no such API) goes on to
 * Express's own mounts, which stay registered behind it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { invoke } from './chain.js';

/** The layer for some API pipelines by name (URL prefix). */
export function apiDispatch(routers: readonly { name: string; router: RequestHandler }[]): RequestHandler {
  const byName = new Map(routers.map(({ name, router }) => [name.toLowerCase(), router]));
  return (req: Request, res: Response, next: NextFunction) => {
    const url = req.url;
    if (url.charCodeAt(0) !== 47 /* / */) return next();
    let end = 1;
    while (end < url.length && url[end] !== '/' && url[end] !== '?') end++;
    const router = byName.get(url.slice(1, end).toLowerCase());
    if (!router) return next();
    const baseUrl = req.baseUrl;
    const rest = url.slice(end);
    req.baseUrl = baseUrl + url.slice(0, end);
    req.url = rest[0] === '/' ? rest : `/${rest}`;
    const done = (error?: unknown) => {
      req.baseUrl = baseUrl;
      req.url = url;
      next(error);
    };
    invoke(router, req, res, done);
  };
}
