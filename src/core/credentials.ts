/** Reading credentials from headers, and the magic values every API shares. */

/** What a credential means to the mock: see "Magic values" in the README. */
export type CredentialKind = 'admin' | 'viewer' | 'forbidden' | 'expired';

/** Magic credentials: `forbidden` → 403, `expired` → 401, `viewer` → least rights; anything else → full admin. */
export function classifySecret(secret: string): CredentialKind {
  if (secret === 'forbidden') return 'forbidden';
  if (secret === 'expired') return 'expired';
  if (secret === 'viewer') return 'viewer';
  return 'admin';
}

/** The outcome of reading an Authorization header: missing, malformed, or its value. */
export type Parsed<T> = { kind: 'missing' } | { kind: 'malformed'; why: string } | { kind: 'ok'; value: T };

/** Reads `Authorization: Bearer <token>`. */
export function readBearer(header: string | undefined): Parsed<string> {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m) return { kind: 'malformed', why: 'the Authorization header must be "Bearer <token>"' };
  return { kind: 'ok', value: m[1] as string };
}

/** Reads `Authorization: Basic base64(id:secret)`. */
export function readBasic(header: string | undefined): Parsed<{ id: string; secret: string }> {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const m = /^Basic[ ]+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m)
    return { kind: 'malformed', why: 'the Authorization header must be "Basic base64(tokenId:tokenSecret)"' };
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) {
    return { kind: 'malformed', why: 'the Basic credentials must be "tokenId:tokenSecret"' };
  }
  return { kind: 'ok', value: { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) } };
}
