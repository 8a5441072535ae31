/**
 * Repeated requests answered from memory. The mock's promise is that the same seed, clock, scenario
 * and request give the same bytes: once an operation has answered a GET, the same request under the
 * same controls gets the recorded status, headers and body without running the pipeline again.
 *
 * Also with the real clock: every answer holds from the now it was made at until an instant its
 * handler's clock reads stated (core/request-clock.ts: the hour in progress completes, a relative
 * period ends, a 90-day limit moves, or the next millisecond for an answer that shows now itself).
 * A request under the real clock is answered from memory only at a now inside that span; a fixed
 * clock (--now or X-Mock-Now) is part of the key, as before.
 *
 * Only where the promise holds by construction: a server and scenario without latency, a scenario
 * without rules (rules count attempts and draw shares), an operation whose answer reads no server
 * state (General Bots' created reports), a 200 of at most MAX_BODY bytes, sent in one piece or
 * streamed. The cache is bounded in bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { BoundedCache } from '../../core/bounded-cache.js';
import type { FlatHeaders } from '../../core/journal.js';
import type { Scenario } from '../../core/scenario.js';
import { isoMs } from '../../core/time.js';

export type { FlatHeaders };

/** A header's value as `setHeader` and `writeHead` take it. */
type HeaderValue = number | string | readonly string[];

/** A recorded answer: the headers the pipeline set, in order and as spelled, and the body. */
export interface CachedResponse {
  operationId: string;
  headers: readonly (readonly [string, HeaderValue])[];
  /**
   * The same headers flat, when the answer can be sent with one `writeHead` and the same bytes
   * result: its length is stated (or it is streamed, chunked either way) and none of its names is
   * one the front sets before it (HEAD_NAMES). Undefined: sent one `setHeader` at a time.
   */
  flat: FlatHeaders | undefined;
  body: Buffer;
  /** Written in pieces (a stream): sent again the same way (chunked), not with a Content-Length. */
  streamed: boolean;
  /** The answer holds for every now in [from, until). */
  from: number;
  until: number;
  /**
   * The whole head it was last sent with (`headFor`): requests repeating the same front headers
   * (no Origin, the same seed and now) are sent the same list, and the journal keeps that one list
   * rather than one per request.
   */
  last?: SentHead | undefined;
}

/** A held answer's head for one set of front headers. */
interface SentHead {
  front: readonly string[];
  seed: number;
  now: number;
  head: FlatHeaders;
}

/** Two flat lists of header names and values, the same item by item. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the pipeline says of an answer when it ends: its operation and the span of nows it holds for. */
export interface Reuse {
  operationId: string;
  from: number;
  until: number;
}

/** What the front sets before a held answer's own headers (cors.ts, the controls): lower case. */
const HEAD_NAMES = new Set([
  'vary',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'x-mock-seed',
  'x-mock-now',
]);

/** The recorded headers flat, if one `writeHead` of them sends what `setHeader`s and `end` would (see CachedResponse.flat). */
function flatOf(headers: CachedResponse['headers'], streamed: boolean): FlatHeaders | undefined {
  let sized = streamed;
  const flat: (string | HeaderValue)[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (HEAD_NAMES.has(lower)) return undefined;
    if (lower === 'content-length') sized = true;
    flat.push(name, value);
  }
  return sized ? flat : undefined;
}

/** Bodies above this size are not held: one would crowd out many small ones (a default CSV day is about 1 MB). */
const MAX_BODY = 2 * 1024 * 1024;
/** What an entry costs besides its body, key and headers (objects, Map slot), roughly. */
const ENTRY_OVERHEAD = 1024;

/**
 * The bytes an entry holds: its body, its key (the URL, up to 8 KB, and the request headers, up to
 * 16 KB: without them 100k distinct requests grew RSS far past the budget, issue 20 item 2), its
 * recorded headers and the overhead. A string's characters cost V8 one or two bytes each: two are
 * counted.
 */
function weightOf(key: string, entry: CachedResponse): number {
  let headers = 0;
  for (const [name, value] of entry.headers) headers += name.length + String(value).length;
  return entry.body.length + 2 * (key.length + headers) + ENTRY_OVERHEAD;
}

/**
 * Request headers that no API or control reads: left out of the key so that clients sending a new
 * trace id or user agent per request still hit. Every other header is part of the key.
 */
const IGNORED_HEADERS = new Set([
  'accept-encoding',
  'accept-language',
  'cache-control',
  'connection',
  'dnt',
  'host',
  'keep-alive',
  'origin',
  'pragma',
  'referer',
  'te',
  'traceparent',
  'tracestate',
  'user-agent',
  'x-request-id',
]);

function headerPart(req: IncomingMessage): string {
  let part = '';
  for (const name in req.headers) {
    if (IGNORED_HEADERS.has(name) || name.startsWith('sec-')) continue;
    const value = req.headers[name];
    part += `${name}:${Array.isArray(value) ? value.join('\u0001') : value}\u0000`;
  }
  return part;
}

const scenarioIds = new WeakMap<Scenario, number>();
let nextScenarioId = 0;

/** A number per scenario object: a reloaded file is a new object, so its old answers are never hit. */
function scenarioId(scenario: Scenario): number {
  let id = scenarioIds.get(scenario);
  if (id === undefined) {
    id = nextScenarioId++;
    scenarioIds.set(scenario, id);
  }
  return id;
}

/** A chunk as `res.write`/`res.end` take it, as bytes (undefined: no chunk). */
function bytesOf(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return undefined;
}

/** The answers of one app, bounded by bytes. */
export class ResponseCache {
  private readonly entries: BoundedCache<CachedResponse>;

  constructor(maxBytes: number) {
    this.entries = new BoundedCache(maxBytes);
  }

  /**
   * The key of a request under its controls, or undefined when its answer must not be reused.
   * `fixedNow` is the request's fixed clock, if any (undefined: the real clock).
   */
  keyOf(
    req: IncomingMessage,
    url: string,
    seed: number,
    fixedNow: number | undefined,
    scenario: Scenario,
  ): string | undefined {
    if (req.method !== 'GET' || scenario.rules.length > 0 || scenario.latency) return undefined;
    const clock = fixedNow === undefined ? 'real' : fixedNow;
    return `${seed}\u0000${clock}\u0000${scenarioId(scenario)}\u0000${url}\u0000${headerPart(req)}`;
  }

  /** The answer held for the key that is still valid at `now`; an outlived one is dropped. */
  private valid(key: string, now: number): CachedResponse | undefined {
    const hit = this.entries.peek(key);
    if (hit === undefined || (now >= hit.from && now < hit.until)) return hit;
    if (now >= hit.until) this.entries.delete(key);
    return undefined;
  }

  /** The answer recorded for the key that is valid at `now`, if any. */
  held(key: string, now: number): CachedResponse | undefined {
    return this.valid(key, now);
  }

  /**
   * The whole head of a held answer: the front's own headers (`front`, flat: CORS, as the pipeline's
   * steps set them before its answer), then X-Mock-Seed and X-Mock-Now, then the recorded headers.
   * The list is the answer's own and read only: the same one while the front headers, seed and now
   * are (no list per request).
   */
  headFor(hit: CachedResponse, front: readonly string[], seed: number, now: number): FlatHeaders {
    const last = hit.last;
    if (last !== undefined && last.seed === seed && last.now === now && sameList(last.front, front))
      return last.head;
    // Built by hand: `concat` with loose values is a slow generic path.
    const head: FlatHeaders[number][] = [];
    for (let i = 0; i < front.length; i++) head.push(front[i] as string);
    head.push('X-Mock-Seed', String(seed), 'X-Mock-Now', isoMs(now));
    const recorded = hit.flat ?? hit.headers.flat();
    for (let i = 0; i < recorded.length; i++) head.push(recorded[i] as FlatHeaders[number]);
    hit.last = { front, seed, now, head };
    return head;
  }

  /**
   * Sends a held answer with its whole head (`headFor`): in one `writeHead` when it can be
   * (CachedResponse.flat), else one `setHeader` at a time; the bytes are the same.
   */
  send(hit: CachedResponse, res: ServerResponse, head: FlatHeaders): void {
    if (hit.flat !== undefined) res.writeHead(200, head as (string | string[])[]);
    else {
      for (let i = 0; i < head.length; i += 2) res.setHeader(head[i] as string, head[i + 1] as HeaderValue);
      res.statusCode = 200;
    }
    if (hit.streamed) {
      res.write(hit.body);
      res.end();
    } else res.end(hit.body);
  }

  /**
   * Records the response's answer under the key when it ends: a 200 of at most MAX_BODY bytes, in
   * one piece or streamed. Headers set before this call (CORS, by earlier layers) are not part of
   * it. `keep()` decides, at the end, whether the operation's answer may be reused and for which nows.
   */
  record(key: string, res: Response, keep: () => Reuse | undefined): void {
    const before = new Set(res.getHeaderNames());
    const { write, end } = res;
    const entries = this.entries;
    // A streamed body's pieces, while they fit (undefined: too big to hold, or not a GET).
    let pieces: Buffer[] | undefined = res.req.method === 'GET' ? [] : undefined;
    let size = 0;
    const collect = (chunk: unknown, encoding: unknown) => {
      const bytes = pieces && bytesOf(chunk, encoding);
      if (!pieces || !bytes) return;
      size += bytes.length;
      if (size > MAX_BODY) pieces = undefined;
      else pieces.push(bytes);
    };
    res.write = function recordWrite(this: Response, ...args: unknown[]) {
      collect(args[0], args[1]);
      return write.apply(this, args as Parameters<Response['write']>);
    } as Response['write'];
    res.end = function recordEnd(this: Response, ...args: unknown[]) {
      res.write = write;
      res.end = end;
      const streamed = this.headersSent;
      if (typeof args[0] !== 'function') collect(args[0], args[1]);
      const reuse = keep();
      if (reuse !== undefined && pieces && this.statusCode === 200) {
        // OutgoingMessage#getRawHeaderNames (Node ≥ 15.13) keeps each name as it was set.
        const names = (this as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
        const headers = names
          .filter((name) => !before.has(name.toLowerCase()))
          .map((name) => [name, this.getHeader(name) as number | string | string[]] as const);
        const body = pieces.length === 1 ? Buffer.from(pieces[0] as Buffer) : Buffer.concat(pieces, size);
        const entry = { ...reuse, headers, flat: flatOf(headers, streamed), body, streamed };
        // Replaces one that no longer holds at this now (kept for a clock that went back).
        entries.delete(key);
        entries.set(key, entry, weightOf(key, entry));
      }
      return end.apply(this, args as Parameters<Response['end']>);
    } as Response['end'];
  }
}
