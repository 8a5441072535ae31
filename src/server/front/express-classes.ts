/**
 * Requests and responses born Express's: the classes a server creates them with (`createServer`'s
 * `IncomingMessage` and `ServerResponse` options), whose instances have an app's `request` and
 * `response` prototypes from the start. Express gives a plain request its prototypes with
 * `Object.setPrototypeOf` on each request (`app.handle`, and the front's dispatch did the same).
 * V8 makes that swap dear: a raw `node:http` handler that also swaps took twice the time for 25,000
 * requests (4.0 s against 2.0 s) and its scavenges promoted 750 KB each to the old generation
 * instead of 40 KB, old garbage that full collections then clear; with these classes, 2.0 s and
 * nothing promoted (`node --trace-gc-nvp --max-semi-space-size=4`, `autocannon -c 32 -a 25000`).
 * An instance already has the prototype the swap would give it, so Express's own swap is V8's no-op.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/** The classes of `createServer`'s options for requests and responses. */
export interface ServerClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/** Node's constructors, called on an object made with another prototype (they are plain functions). */
const initRequest = IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void;
const initResponse = ServerResponse as unknown as (
  this: ServerResponse,
  req: IncomingMessage,
  options?: unknown,
) => void;

/** Request and response classes whose instances have `app`'s prototypes. */
export function expressClasses(app: Express): ServerClasses {
  function ExpressRequest(this: IncomingMessage, socket: Socket): void {
    initRequest.call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(this: ServerResponse, req: IncomingMessage, options?: unknown): void {
    initResponse.call(this, req, options);
  }
  ExpressResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
    ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
  };
}
