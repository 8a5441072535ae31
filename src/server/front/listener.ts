/**
 * The request listener: the one front of the mock, what every server (the CLI, a cluster worker,
 * startMockServer, the test suite) hands its requests to. In order:
 *
 * 1. the request's facts, worked out once (facts.ts): the path decision, the URL limit, and for an
 *    API request its rest of path, controls, scenario and cache key;
 * 2. the URL limit: a 414 outside the APIs (an API answers its documented 400, in its pipeline);
 * 3. the request log, CORS (a preflight ends here; a held answer sends its CORS headers with the
 *    rest of its head), the journal;
 * 4. the dispatch: an API request whose answer the response cache holds gets it at once; any other
 *    API request goes to its API's pipeline (pipeline/api-router.ts); the control plane, the docs
 *    and anything else go to the Express app (app.ts).
 *
 * An answer from the cache costs no Express at all: no Express code runs for it. Its head (CORS,
 * the controls, the recorded headers) is written with one `writeHead`, as a raw `node:http` handler
 * would. A server made by listen.ts makes requests and responses with Express's methods already
 * (express-classes.ts); on any other server they get Express's prototypes when something reads them
 * (a pipeline, the app, the 414).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import { MockError } from '../../core/errors.js';
import type { ApiPipeline } from '../pipeline/api-router.js';
import { corsByArea } from './cors.js';
import { expressClasses, type ServerClasses } from './express-classes.js';
import {
  type ApiFacts,
  type Controls,
  type FactsSource,
  factsReader,
  type RequestFacts,
  type RouteInfo,
} from './facts.js';
import { journalStep } from './journal.js';
import { answerFailure } from './known-status.js';
import { requestLog } from './request-log.js';
import { MAX_URL_LENGTH } from './request-path.js';
import type { CachedResponse, ResponseCache } from './response-cache.js';

/** What the front serves with. */
export interface FrontParts extends FactsSource {
  /** The app for everything but the APIs: control plane, docs, the 404. */
  app: Express;
  /** Each mounted API's pipeline, by name (lower case). */
  pipelines: ReadonlyMap<string, ApiPipeline>;
  logger: Logger;
}

/** A request and its response as Express's handlers read them, with the facts beside them. */
type Served = {
  req: IncomingMessage & Partial<Request>;
  res: ServerResponse & { locals: Record<string, unknown> };
};

const noop = () => {};

/** An app, and the classes whose requests and responses have its prototypes already (express-classes.ts). */
type ExpressParts = { app: Express; classes: ServerClasses };

/**
 * Gives a request and its response Express's prototypes, as `app.handle` does, unless they were
 * born with them (a server made by listen.ts): a swap is dear in V8.
 */
function asExpress(
  { app, classes }: ExpressParts,
  req: IncomingMessage,
  res: ServerResponse,
): [Request, Response] {
  const request = req as Request;
  const response = res as Response;
  request.res = response;
  response.req = request;
  if (!(request instanceof classes.IncomingMessage)) Object.setPrototypeOf(request, app.request);
  if (!(response instanceof classes.ServerResponse)) Object.setPrototypeOf(response, app.response);
  return [request, response];
}

/**
 * The mock's request listener, with the request and response classes a server should make for it
 * (listen.ts passes them to `createServer`). Any server can call it; with Node's own classes each
 * request's prototypes are swapped in.
 */
export type FrontListener = RequestListener & { readonly classes: ServerClasses };

/** The mock's request listener. */
export function createListener(parts: FrontParts): FrontListener {
  const { app, config, cache, pipelines, logger } = parts;
  const log = config.logLevel !== 'silent' ? requestLog(logger) : undefined;
  const { step: corsFor, apiHeads } = corsByArea(config.corsOrigins);
  const journal = journalStep(parts.state);
  const fail = answerFailure(logger);
  const requestFacts = factsReader(parts);
  const express: ExpressParts = { app, classes: expressClasses(app) };

  /** The 414 for a URL too long outside the APIs: nothing else runs for it. */
  const tooLong = (req: IncomingMessage, res: ServerResponse): void => {
    const [, response] = asExpress(express, req, res);
    response.status(414).json({
      error: {
        status: 414,
        code: 'uri_too_long',
        message: `The URL is longer than ${MAX_URL_LENGTH} characters; send fewer or shorter parameters.`,
      },
    });
  };

  /**
   * The answer the cache holds for an API request, if any: then nothing but the journal runs
   * before it is sent. Only a GET has a cache key, never a preflight.
   */
  const heldFor = (facts: RequestFacts): CachedResponse | undefined => {
    const api = facts.api;
    // A cache key is only made for valid controls and a known scenario (facts.ts).
    if (api?.cacheKey === undefined || !pipelines.has(api.name)) return undefined;
    return cache?.held(api.cacheKey, api.now);
  };

  /**
   * Sends a held answer with what the steps before the pipeline's answer set, in their order: CORS,
   * then X-Mock-Seed and X-Mock-Now (pipeline/api-router.ts), then the recorded headers.
   */
  const sendHeld = (
    req: IncomingMessage,
    res: Served['res'],
    facts: RequestFacts,
    hit: CachedResponse,
  ): void => {
    const arrivedNs = Number(process.hrtime.bigint());
    const bytesBefore = req.socket.bytesWritten;
    const api = facts.api as ApiFacts;
    const controls = api.controls as Controls;
    const info: RouteInfo = {
      api: api.name,
      operationId: hit.operationId,
      scenario: controls.scenario instanceof MockError ? null : controls.scenario.name,
      fault: null,
    };
    res.locals.route = info;
    const head = (cache as ResponseCache).headFor(hit, apiHeads(req), controls.seed, api.now);
    // The journal keeps the list as sent: `res.getHeaders()` knows nothing of a `writeHead` list.
    res.locals.sentHeaders = head;
    (cache as ResponseCache).send(hit, res, head);
    // Sent whole: its record is complete now, without waiting for the response's close.
    journal.answered(req, res, facts, arrivedNs, bytesBefore);
  };

  /** An API request for its pipeline. False: no such API (the app's 404). */
  const dispatch = (req: IncomingMessage, res: Served['res'], facts: RequestFacts): boolean => {
    const api = facts.api;
    const pipeline = api && pipelines.get(api.name);
    if (!api || !pipeline) return false;
    res.locals.route = { api: api.name, operationId: null, scenario: null, fault: null } satisfies RouteInfo;
    const [request, response] = asExpress(express, req, res);
    request.baseUrl = facts.path.prefix;
    request.url = api.rest;
    let waiting: Promise<void> | undefined;
    try {
      waiting = pipeline(request, response, api);
    } catch (error) {
      fail(error, request, response);
      return true;
    }
    waiting?.catch((error: unknown) => fail(error, request, response));
    return true;
  };

  const listener: RequestListener = (req, res) => {
    const served = res as Served['res'];
    const facts = requestFacts(req);
    // Every later step reads the canonical URL; `originalUrl` keeps the URL as sent.
    (req as Served['req']).originalUrl = facts.sentUrl;
    req.url = facts.path.url;
    // Both keys at once: the journal and the log read `route` of every request (undefined outside the APIs).
    served.locals = { facts, route: undefined };
    if (facts.tooLong && facts.path.area !== 'api') return tooLong(req, res);
    let hit: CachedResponse | undefined;
    try {
      log?.(req as Request, res as Response, noop);
      hit = heldFor(facts);
      // A held answer's CORS headers go out with the rest of its head, at once (sendHeld).
      if (hit === undefined) {
        if (corsFor(facts.path.area)(req, res)) return;
        journal.start(req, res, facts);
      }
    } catch (error) {
      const [request, response] = asExpress(express, req, res);
      return fail(error, request, response);
    }
    if (hit !== undefined) return sendHeld(req, served, facts, hit);
    if (!dispatch(req, served, facts)) app(req, res);
  };
  return Object.assign(listener, { classes: express.classes });
}
