/** Credentials masked out of a journal entry before the console shows it: the page is for looking, not for copying secrets. */
import { classifySecret, readBasic } from '../../../core/credentials.js';
import type { JournalEntry } from '../../../core/journal.js';

/**
 * Header names that carry a credential in one of the five APIs (Authorization, General Bots'
 * X-API-Key), or commonly elsewhere. Not every "token": DigitalCX's continuationToken is a page cursor.
 */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-(access|auth)-token)$|api[-_]?key|secret|password/i;
/** Query parameters that carry one (an OAuth token in the URL, an API key). */
const SECRET_PARAM = /^(access_token|api_?key|key|token|secret|client_secret|password)$/i;
const HIDDEN = '••••••';

/** The secret a header value carries, to say whether it is one of the magic values (which are not secrets). */
function secretOf(value: string): string {
  const basic = readBasic(value);
  if (basic.kind === 'ok') return basic.value.secret;
  const token = /^\S+\s+(\S+)$/.exec(value)?.[1] ?? value;
  // Logicdialog's `<prefix>_<secret>`.
  return token.slice(token.indexOf('_') + 1);
}

/** A credential header's value with its secret hidden: the scheme stays, and a magic value is named. */
export function maskHeaderValue(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value)?.[1];
  const kind = classifySecret(secretOf(value));
  const magic = kind === 'admin' ? '' : ` (magic value: ${kind})`;
  return `${scheme ? `${scheme} ` : ''}${HIDDEN}${magic}`;
}

/** A URL with the values of credential-like query parameters hidden. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAM.test(decodeURIComponentSafe(name)) ? `${name}=${HIDDEN}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = SECRET_HEADER.test(name) ? maskHeaderValue(value) : value;
  return out;
}

/** The entry as the console shows it: credentials in request and response headers and in the query hidden. */
export function maskEntry(entry: JournalEntry): JournalEntry {
  return {
    ...entry,
    url: maskUrl(entry.url),
    headers: maskHeaders(entry.headers),
    responseHeaders: entry.responseHeaders && maskHeaders(entry.responseHeaders),
  };
}
