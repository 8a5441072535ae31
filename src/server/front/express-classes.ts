/**
 * Requests and responses born Express's: the classes a server creates them with (`createServer`'s
 * `IncomingMessage` and `ServerResponse` options), whose instances have an app's `request` and
 * `response` methods from the start. Express gives a plain request its prototypes with
 * `Object.setPrototypeOf` on each request (`app.handle`, and the front's dispatch did the same),
 * and V8 makes that swap dear: a raw `node:http` handler that also swaps took twice the time for
 * 25,000 requests (4.0 s against 2.0 s), and its scavenges promoted 750 KB each to the old
 * generation instead of 40 KB (`node --trace-gc-nvp --max-semi-space-size=4`, `autocannon -c 32`).
 *
 * They are subclasses of Node's, with the app's prototypes put between: Node's constructors then
 * size each instance for its fields. A plain function calling Node's constructor on an object of
 * the app's prototype does not (V8 counts the fields a constructor's own body assigns), and a raw
 * handler served 25 % fewer requests with such instances than with Node's own; with these, as many.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';

/** The classes of `createServer`'s options for requests and responses. */
export interface ServerClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse<IncomingMessage>;
}

/** Request and response classes whose instances have `app`'s request and response methods. */
export function expressClasses(app: Express): ServerClasses {
  class ExpressRequest extends IncomingMessage {}
  Object.setPrototypeOf(ExpressRequest.prototype, app.request);
  class ExpressResponse extends ServerResponse {}
  Object.setPrototypeOf(ExpressResponse.prototype, app.response);
  return { IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse };
}
