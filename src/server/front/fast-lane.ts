/**
 * The fast lane: a GET whose answer the response cache holds is answered before Express. Express
 * costs a cached answer about a fifth of its time (prototypes set on every request, the router's
 * walk, URL parsing); the lane does what the app does for such a request and nothing else: the
 * front (request log, CORS, journal), the control headers, the recorded answer. Anything else — a
 * miss, a bad control header, another method, the control plane, a long URL — goes to Express
 * untouched. A test holds the lane's bytes equal to the app's.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request, RequestHandler, Response } from 'express';
import { readControls } from '../../core/controls.js';
import { isoMs } from '../../core/time.js';
import type { Config } from '../cli/config.js';
import type { MockState } from '../control/state.js';
import type { RouteInfo } from '../pipeline/api-router.js';
import { readPath, restOf } from './request-path.js';
import type { ResponseCache } from './response-cache.js';

/** What the lane needs of the app. */
export interface LaneParts {
  app: Express;
  config: Config;
  state: MockState;
  cache: ResponseCache | undefined;
  /** The mounted APIs' names (URL prefixes), lower case. */
  apis: ReadonlySet<string>;
  /** The API also served at / (single-API mode), if any. */
  root: string | undefined;
  /** The app's front for API requests, in its order (log, CORS, journal); each calls next at once. */
  front: readonly RequestHandler[];
  /** The longest URL the app serves. */
  maxUrlLength: number;
}

const noop = () => {};

/** The server's request listener: the lane, then the app. */
export function withFastLane(parts: LaneParts): RequestListener {
  const { app, config, state, cache, apis, root, front, maxUrlLength } = parts;
  if (!cache) return app;

  /** Answers the request if the cache holds its answer; false leaves it to the app, untouched. */
  const answered = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '';
    if (req.method !== 'GET' || url.length > maxUrlLength) return false;
    // The one decision about the path, as the app's front makes it (request-path.ts).
    const decided = readPath(url, apis, root);
    const api = decided.api;
    if (api === undefined) return false;
    let controls: ReturnType<typeof readControls>;
    let scenario: ReturnType<MockState['resolve']>;
    try {
      controls = readControls(req.headers);
      scenario = state.resolve(controls.scenario ?? controls.preferScenario);
    } catch {
      return false; // the app answers with the 400 that names the header
    }
    const seed = controls.seed ?? config.seed;
    const fixedNow = controls.now ?? config.now;
    // As the API pipeline keys it: the method and the URL under the API's own prefix.
    const key = cache.keyOf(req as Request, `GET /${api}${restOf(decided)}`, seed, fixedNow, scenario);
    if (key === undefined || !cache.holds(key)) return false;

    // What the app's front and the API pipeline read of a request they serve.
    const request = req as Request;
    const response = res as Response;
    request.originalUrl = url;
    request.url = decided.url;
    const info: RouteInfo = { api, operationId: null, scenario: scenario.name, fault: null };
    response.locals = { route: info, path: decided };
    for (const handler of front) handler(request, response, noop);
    res.setHeader('X-Mock-Seed', String(seed));
    res.setHeader('X-Mock-Now', isoMs(fixedNow as number));
    info.operationId = cache.answer(key, response) ?? null;
    return true;
  };

  return (req, res) => {
    if (!answered(req, res)) app(req, res);
  };
}
