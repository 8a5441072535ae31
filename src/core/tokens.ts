/**
 * Stateless continuation tokens: a token says where the next page starts and is bound to the query
 * it came from, signed with a key derived from the seed, so any process with that seed accepts it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MockError } from './errors.js';

/** Where the next page starts. */
export interface Cursor {
  /** The unit (an hour index, a day…) the next row lies in. */
  unit: number;
  /** The index of the next row inside that unit, before filters. */
  index: number;
}

const VERSION = 'v1';

// A client pages the same query again and again (each page decodes one token and signs the next):
// signatures are remembered (cleared when full, so memory stays bounded). Read only.
const signatures = new Map<string, Buffer>();
const SIGNATURES_KEPT = 4096;

function signature(seed: number, queryHash: string, payload: string): Buffer {
  const key = `${seed}|${queryHash}|${payload}`;
  let sig = signatures.get(key);
  if (sig === undefined) {
    sig = createHmac('sha256', `bot-analytics-mock:${seed}`)
      .update(`${queryHash}|${payload}`)
      .digest()
      .subarray(0, 12);
    if (signatures.size >= SIGNATURES_KEPT) signatures.clear();
    signatures.set(key, sig);
  }
  return sig;
}

/** Encodes a cursor for a query (identified by a stable hash of its parameters). */
export function encodeToken(seed: number, queryHash: string, cursor: Cursor): string {
  const payload = `${VERSION}.${cursor.unit.toString(36)}.${cursor.index.toString(36)}`;
  return `${Buffer.from(payload).toString('base64url')}.${signature(seed, queryHash, payload).toString('base64url')}`;
}

/** Decodes a token; a malformed, tampered or foreign token (another query or seed) is a 400. */
export function decodeToken(seed: number, queryHash: string, token: string, parameter: string): Cursor {
  const invalid = (why: string) =>
    new MockError(
      400,
      `Invalid ${parameter}: ${why}. Send the token from the previous response unchanged, with the same query.`,
      {
        code: 'invalid_parameter',
      },
    );
  const [encoded, sig, extra] = token.split('.');
  if (!encoded || !sig || extra !== undefined || token.length > 200)
    throw invalid('it is not a token this server issued');
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = signature(seed, queryHash, payload);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('it was issued for another query or seed, or it was altered');
  }
  const m = /^v1\.(-?[0-9a-z]+)\.([0-9a-z]+)$/.exec(payload);
  if (!m) throw invalid('it is not a token this server issued');
  return { unit: Number.parseInt(m[1] as string, 36), index: Number.parseInt(m[2] as string, 36) };
}
