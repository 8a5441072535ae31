/** CORS: any browser origin with credentials by default, or only the configured ones; preflights end here. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../cli/config.js';
import type { PathArea } from './request-path.js';

/** Response headers a browser script may read: pagination, the mock's controls, rate limiting. */
const EXPOSED = 'continuationToken, X-Mock-Seed, X-Mock-Now, X-Mock-Scenario, Retry-After';
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** A front step: sets the CORS headers; true when it answered the request (a preflight). */
export type CorsStep = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The CORS headers of a request that is not a preflight, flat (`[name, value, …]`), in the order they are set. */
export type CorsHeads = (req: IncomingMessage) => readonly string[];

/**
 * The request's Origin header, read from the headers as sent when they hold it at most once (Node
 * then gives the same value), so that a held answer does not make Node build the headers object;
 * a repeated Origin is read as Node joins it.
 */
function originOf(req: IncomingMessage): string | undefined {
  const raw = req.rawHeaders;
  // A request made in-process may set only `headers`.
  if (raw.length === 0) return req.headers.origin;
  let origin: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== 6 || name.toLowerCase() !== 'origin') continue;
    if (origin !== undefined) return req.headers.origin;
    origin = raw[i + 1];
  }
  return origin;
}

/**
 * The CORS headers for some origins. A request from an origin that is not allowed gets none but
 * `Vary` (the browser then blocks it and says why).
 */
function corsHeads(origins: Config['corsOrigins']): CorsHeads {
  const allowed = origins === '*' ? undefined : new Set(origins);
  // The answer depends on the Origin header, so caches must key on it (nothing earlier sets Vary).
  const none = Object.freeze(['Vary', 'Origin']);
  return (req) => {
    const origin = originOf(req);
    // A request without Origin is not a cross-origin request from a browser (browsers always send
    // it there): CORS headers would say nothing to it. `Origin: null` (sandboxed frames, file:
    // pages) is never echoed back with credentials.
    const ok = origin !== undefined && (allowed ? allowed.has(origin) : origin !== 'null');
    // Credentials forbid the `*` wildcard, so the caller's origin is echoed back.
    return ok
      ? [
          'Vary',
          'Origin',
          'Access-Control-Allow-Origin',
          origin,
          'Access-Control-Allow-Credentials',
          'true',
          'Access-Control-Expose-Headers',
          EXPOSED,
        ]
      : none;
  };
}

/**
 * CORS for some origins. A request from an origin that is not allowed gets no CORS headers; its
 * preflight is still answered, so it never reaches an API.
 */
function cors(heads: CorsHeads): CorsStep {
  return (req, res) => {
    const set = heads(req);
    for (let i = 0; i < set.length; i += 2) res.setHeader(set[i] as string, set[i + 1] as string);
    const isPreflight =
      req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!isPreflight) return false;
    // More than `Vary`: the origin is allowed.
    if (set.length > 2) {
      res.setHeader('Access-Control-Allow-Methods', METHODS);
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.statusCode = 204;
    res.end();
    return true;
  };
}

/**
 * CORS by area: the control plane reads the journal (request headers included) and switches
 * scenarios, so it gets no open CORS, only the origins named with --cors-origin. The APIs and docs
 * get the open one; any other path (a 404) gets the closed one too: nothing there needs a
 * browser's access.
 */
export function corsByArea(origins: Config['corsOrigins']): {
  step: (area: PathArea) => CorsStep;
  /** The headers of an API request that is not a preflight (a held answer sends them with its own). */
  apiHeads: CorsHeads;
} {
  const openHeads = corsHeads(origins);
  const open = cors(openHeads);
  const closed = cors(corsHeads(origins === '*' ? [] : origins));
  return { step: (area) => (area === 'api' || area === 'docs' ? open : closed), apiHeads: openHeads };
}
