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

// Clients send the same Authorization header request after request: each is read once, while the
// memo holds it (cleared when full; headers longer than any credential a client sends are not kept).
const HEADER_MEMO = 1024;
const HEADER_LENGTH_KEPT = 512;

function remembered<T>(memo: Map<string, T>, header: string, read: (header: string) => T): T {
  if (header.length > HEADER_LENGTH_KEPT) return read(header);
  let parsed = memo.get(header);
  if (parsed === undefined) {
    parsed = deepFreeze(read(header));
    if (memo.size >= HEADER_MEMO) memo.clear();
    memo.set(header, parsed);
  }
  return parsed;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const bearers = new Map<string, Parsed<string>>();
const basics = new Map<string, Parsed<{ id: string; secret: string }>>();

/** Reads `Authorization: Bearer <token>` (the answer is shared: read only). */
export function readBearer(header: string | undefined): Parsed<string> {
  if (header === undefined) return { kind: 'missing' };
  return remembered(bearers, header, bearerOf);
}

function bearerOf(header: string): Parsed<string> {
  if (header.trim() === '') return { kind: 'missing' };
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m) return { kind: 'malformed', why: 'the Authorization header must be "Bearer <token>"' };
  return { kind: 'ok', value: m[1] as string };
}

/** Reads `Authorization: Basic base64(id:secret)` (the answer is shared: read only). */
export function readBasic(header: string | undefined): Parsed<{ id: string; secret: string }> {
  if (header === undefined) return { kind: 'missing' };
  return remembered(basics, header, basicOf);
}

function basicOf(header: string): Parsed<{ id: string; secret: string }> {
  if (header.trim() === '') return { kind: 'missing' };
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
