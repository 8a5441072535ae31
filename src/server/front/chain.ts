/**
 * Several middlewares as one Express layer. Express's router walks a layer per `app.use`, matching
 * its path and trimming prefixes for each one; the front of the app (URL limit, log, CORS, journal,
 * API dispatch) runs on every request, so it is one layer that calls its parts in turn, as Express
 * would: `next()` goes on, `next(error)` and a throw or rejected promise go to the error handlers.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The middlewares, run in order within one layer. */
export function chain(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let at = 0;
    const step = (error?: unknown): void => {
      // Express's own signals ('route', 'router') and errors leave the chain for Express to handle.
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const handler = handlers[at++];
      if (!handler) {
        next();
        return;
      }
      invoke(handler, req, res, step);
    };
    step();
  };
}

/** Runs a handler as Express does: a throw or a rejected promise goes to `next` as an error. */
export function invoke(handler: RequestHandler, req: Request, res: Response, next: NextFunction): void {
  try {
    const pending: unknown = handler(req, res, next);
    if (pending instanceof Promise)
      pending.catch((failure: unknown) => next(failure ?? new Error('Rejected promise')));
  } catch (failure) {
    next(failure);
  }
}
