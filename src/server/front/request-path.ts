/**
 * What a request's path is, decided once (by the listener, as the first of a request's facts,
 * facts.ts). Every check that looks at a path — CORS (which origins may read the control plane),
 * the journal, the response cache, the API dispatch and Express's own routing — reads this one decision, so none can see `/__MOCK` or `/%5F%5Fmock` as something other
 * than what the router serves (issue 20: the control plane was readable cross-origin through a
 * different case).
 *
 * The decision:
 * - **encoding**: an escape of an unreserved character (`%5F` → `_`, letters, digits, `-._~`) is
 *   the character itself (RFC 3986 §6.2.2.2); every other escape stays as sent (`%2F` is not `/`).
 * - **case**: the first segment names an area case-insensitively, as Express mounts do
 *   (`/__MOCK`, `/Docs`, `/GeneralBots`); it is rewritten in lower case. Below it, paths are the
 *   vendor's and keep their case.
 * - **`//`**: an empty segment is a segment. `//__mock` does not name the control plane (its first
 *   segment is empty), and nothing routes it there either.
 * - **trailing slash**: part of the path. `/__mock/` is the control plane; under an API the route
 *   matcher decides (route-matcher.ts).
 * - **absolute form** (`GET http://host/chatbotcom/...`, as a proxy sends it, RFC 9112 §3.2.2):
 *   the path and query it carries are decided as if sent in origin form; the host is not read.
 *   Any other target that does not start with `/` (`*`) names no area.
 * - with exactly one API mounted, a path that names no area is that API's (single-API mode).
 */

/**
 * The longest URL served. Beyond it, an API answers its documented 400 naming the limit (the
 * pipeline), anything else a 414; no vendor needs more, and long URLs are a cheap way to make a
 * server work.
 */
export const MAX_URL_LENGTH = 8192;

/** The parts of the mock a path can name. */
export type PathArea = 'control' | 'docs' | 'api' | 'other';

/** The one decision about a request's path. */
export interface RequestPath {
  /** The URL every later step reads: the canonical path, then the query exactly as sent. */
  url: string;
  /** The path alone (no query), canonical. */
  path: string;
  area: PathArea;
  /** For the `api` area: the API's name (lower case, as registered); otherwise undefined. */
  api: string | undefined;
  /** For the `api` area: the prefix it was reached under, `/<name>` or '' (served at /). */
  prefix: string;
}

/** For the `api` area: the URL under the API's prefix (`/api/v1/...?q`), as its pipeline reads it. */
export function restOf(decided: RequestPath): string {
  const rest = decided.url.slice(decided.prefix.length);
  return rest[0] === '/' ? rest : `/${rest}`;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** The scheme and authority of an absolute-form target: `http://host:port`, up to the path or query. */
const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/** `%XX` escapes of unreserved characters, decoded; others (and malformed ones) left as sent. */
function decodeUnreserved(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9A-Fa-f]{2})/g, (sent: string, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : sent;
  });
}

/**
 * Decides what a request URL (`req.url` as received) names. `apis` are the mounted APIs, lower
 * case; `rootApi` the one also served at `/`, if any.
 */
export function readPath(rawUrl: string, apis: ReadonlySet<string>, rootApi?: string): RequestPath {
  let url = rawUrl;
  if (url.charCodeAt(0) !== 47 /* / */) {
    const origin = ABSOLUTE_FORM.exec(url);
    if (!origin) return { url, path: url, area: 'other', api: undefined, prefix: '' };
    url = url.slice(origin[0].length);
    if (url.charCodeAt(0) !== 47) url = `/${url}`;
  }
  const queryAt = url.indexOf('?');
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  let path = decodeUnreserved(queryAt === -1 ? url : url.slice(0, queryAt));
  let end = path.indexOf('/', 1);
  if (end === -1) end = path.length;
  const first = path.slice(1, end).toLowerCase();
  let area: PathArea = 'other';
  let api: string | undefined;
  let prefix = '';
  if (first === '__mock') area = 'control';
  else if (first === 'docs') area = 'docs';
  else if (apis.has(first)) {
    area = 'api';
    api = first;
    prefix = `/${first}`;
  }
  if (area !== 'other') path = `/${first}${path.slice(end)}`;
  else if (rootApi !== undefined) {
    area = 'api';
    api = rootApi;
  }
  return { url: path + query, path, area, api, prefix };
}
