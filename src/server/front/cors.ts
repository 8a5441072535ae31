/** CORS: any browser origin with credentials by default, or only the configured ones; preflights end here. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../cli/config.js';
import type { PathArea } from './request-path.js';

/** Response headers a browser script may read: pagination, the mock's controls, rate limiting. */
const EXPOSED = 'continuationToken, X-Mock-Seed, X-Mock-Now, X-Mock-Scenario, Retry-After';
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** A front step: sets the CORS headers; true when it answered the request (a preflight). */
export type CorsStep = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * CORS for some origins. A request from an origin that is not allowed gets no CORS headers (the
 * browser then blocks it and says why); its preflight is still answered, so it never reaches an API.
 */
export function cors(origins: Config['corsOrigins']): CorsStep {
  const allowed = origins === '*' ? undefined : new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    const isPreflight =
      req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    // The answer depends on the Origin header, so caches must key on it (nothing earlier sets Vary).
    res.setHeader('Vary', 'Origin');
    // A request without Origin is not a cross-origin request from a browser (browsers always send
    // it there): CORS headers would say nothing to it. `Origin: null` (sandboxed frames, file:
    // pages) is never echoed back with credentials.
    const ok = origin !== undefined && (allowed ? allowed.has(origin) : origin !== 'null');
    if (ok) {
      // Credentials forbid the `*` wildcard, so the caller's origin is echoed back.
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    }
    if (!isPreflight) return false;
    if (ok) {
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
export function corsByArea(origins: Config['corsOrigins']): (area: PathArea) => CorsStep {
  const open = cors(origins);
  const closed = cors(origins === '*' ? [] : origins);
  return (area) => (area === 'api' || area === 'docs' ? open : closed);
}
