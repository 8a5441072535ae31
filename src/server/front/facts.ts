/**
 * A request's facts, worked out once where it comes in (the listener, listener.ts) and read by every
 * later step: what its path names (request-path.ts), whether its URL is too long, and for a request
 * to an API the rest of its path, its controls (seed, clock, scenario, `Prefer: code=`), the key its
 * draws and rules use and the key of its answer in the response cache. No later step parses the
 * path, reads a control header, resolves the scenario or builds a key again.
 */
import type { IncomingMessage } from 'node:http';
import { resolveNow } from '../../core/clock.js';
import { readControls } from '../../core/controls.js';
import { MockError } from '../../core/errors.js';
import type { Fault, Scenario } from '../../core/scenario.js';
import type { Config } from '../cli/config.js';
import type { MockState } from '../control/state.js';
import { MAX_URL_LENGTH, type RequestPath, readPath, restOf } from './request-path.js';
import type { ResponseCache } from './response-cache.js';

/** The control headers of a request to an API, read and resolved. */
export interface Controls {
  /** X-Mock-Seed, else the server's seed. */
  seed: number;
  /** X-Mock-Now or --now, if the clock is fixed for this request (the cache keys on it). */
  fixedNow: number | undefined;
  /** `Prefer: code=<status>`. */
  preferCode: number | undefined;
  /** The scenario it names (X-Mock-Scenario, `Prefer: scenario=`) or the one in force; or the 400 for an unknown name. */
  scenario: Scenario | MockError;
}

/** What the API pipeline reads of a request. */
export interface ApiFacts {
  /** The API's name (its URL prefix), lower case. */
  name: string;
  /** The URL under the API's prefix (`/reports/conversations?period=today`). */
  rest: string;
  /** Its path alone (`/reports/conversations`) and its query without the `?`. */
  path: string;
  query: string;
  /** Longer than MAX_URL_LENGTH: answered with the API's documented 400 once routed. */
  tooLong: boolean;
  /** The request's "now": X-Mock-Now, --now, else the real clock when it came in. */
  now: number;
  /** The controls, or the 400 naming the control header that is not valid. */
  controls: Controls | MockError;
  /** `<METHOD> /<api><rest>`: what seeded draws and rule state key on, whatever prefix it came under. */
  key: string;
  /** Its answer's key in the response cache; undefined when its answer is not reused. */
  cacheKey: string | undefined;
}

/** What the journal and the request log learn about a request as it is served (the listener starts it, the pipeline fills it in). */
export interface RouteInfo {
  api: string;
  operationId: string | null;
  /** The scenario the request saw. */
  scenario: string | null;
  /** The fault a scenario injected, if any. */
  fault: Fault | null;
}

/** Everything worked out about a request as it comes in. */
export interface RequestFacts {
  /** The one decision about the path (area, API, canonical URL). */
  path: RequestPath;
  /** The URL as it was sent (`req.originalUrl`). */
  sentUrl: string;
  /** Longer than MAX_URL_LENGTH: a 414 outside the APIs, an API's documented 400 inside. */
  tooLong: boolean;
  /** For a request to an API: what its pipeline reads; undefined for anything else. */
  api: ApiFacts | undefined;
}

/** What the facts are worked out against. */
export interface FactsSource {
  config: Config;
  state: MockState;
  cache: ResponseCache | undefined;
  /** The mounted APIs' names, lower case. */
  apis: ReadonlySet<string>;
  /** The API also served at `/` (exactly one mounted), if any. */
  root: string | undefined;
}

function controlsOf(req: IncomingMessage, source: FactsSource): Controls | MockError {
  const { config, state } = source;
  let read: ReturnType<typeof readControls>;
  try {
    read = readControls(req.headers);
  } catch (error) {
    if (error instanceof MockError) return error;
    throw error;
  }
  let scenario: Scenario | MockError;
  try {
    scenario = state.resolve(read.scenario ?? read.preferScenario);
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    scenario = error;
  }
  const fixedNow = read.now ?? config.now;
  return { seed: read.seed ?? config.seed, fixedNow, preferCode: read.preferCode, scenario };
}

/** The facts of a request, from its URL and headers as received. */
export function requestFacts(req: IncomingMessage, source: FactsSource): RequestFacts {
  const sentUrl = req.url ?? '';
  const path = readPath(sentUrl, source.apis, source.root);
  const tooLong = sentUrl.length > MAX_URL_LENGTH;
  if (path.api === undefined) return { path, sentUrl, tooLong, api: undefined };
  const rest = restOf(path);
  const queryAt = rest.indexOf('?');
  const controls = controlsOf(req, source);
  const now = resolveNow(controls instanceof MockError ? source.config.now : controls.fixedNow);
  const key = `${req.method} /${path.api}${rest}`;
  // A URL too long is never answered with a 200: nothing to keep.
  const cacheKey =
    source.cache === undefined ||
    tooLong ||
    controls instanceof MockError ||
    controls.scenario instanceof MockError
      ? undefined
      : source.cache.keyOf(req, key, controls.seed, controls.fixedNow, controls.scenario);
  return {
    path,
    sentUrl,
    tooLong,
    api: {
      name: path.api,
      rest,
      path: queryAt === -1 ? rest : rest.slice(0, queryAt),
      query: queryAt === -1 ? '' : rest.slice(queryAt + 1),
      tooLong,
      now,
      controls,
      key,
      cacheKey,
    },
  };
}

/**
 * The same strings in the same order: two requests' headers as sent (`rawHeaders`). None as sent is
 * never the same: a request made in-process (a harness setting only `headers`) has none, nor does
 * an HTTP/1.0 request without headers; their headers are read each time.
 */
export function sameRawHeaders(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The last request an app worked out, and what its facts depended on besides the config. */
interface LastRequest {
  method: string | undefined;
  url: string | undefined;
  rawHeaders: readonly string[];
  scenarios: MockState['scenarios'];
  scenario: Scenario;
  facts: RequestFacts;
}

/**
 * `requestFacts` with the last request's facts remembered: a request that repeats the last one's
 * method, URL and headers (as sent, in order) under the same scenarios has the same facts, but for
 * its own now under the real clock. A client polling one report is the usual case; its cache key
 * is then the very string of the last request, whose hash V8 keeps.
 */
export function factsReader(source: FactsSource): (req: IncomingMessage) => RequestFacts {
  let last: LastRequest | undefined;
  return (req) => {
    const { state } = source;
    if (
      last !== undefined &&
      req.url === last.url &&
      req.method === last.method &&
      state.scenarios === last.scenarios &&
      state.scenario === last.scenario &&
      sameRawHeaders(req.rawHeaders, last.rawHeaders)
    ) {
      const { facts } = last;
      const api = facts.api;
      if (api === undefined) return facts;
      const fixedNow = api.controls instanceof MockError ? source.config.now : api.controls.fixedNow;
      return fixedNow !== undefined ? facts : { ...facts, api: { ...api, now: resolveNow(undefined) } };
    }
    const facts = requestFacts(req, source);
    last = {
      method: req.method,
      url: req.url,
      rawHeaders: req.rawHeaders,
      scenarios: state.scenarios,
      scenario: state.scenario,
      facts,
    };
    return facts;
  };
}

/** The facts the listener worked out for a request (kept on `res.locals.facts`). */
export function factsOf(res: { locals: Record<string, unknown> }): RequestFacts {
  return res.locals.facts as RequestFacts;
}
