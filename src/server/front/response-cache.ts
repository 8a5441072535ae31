/**
 * Repeated requests answered from memory. The mock's promise is that the same seed, clock, scenario
 * and request give the same bytes: once an operation has answered a GET, the same request under the
 * same controls gets the recorded status, headers and body without running the pipeline again.
 *
 * Only where that promise holds by construction: a fixed clock (--now or X-Mock-Now; with the real
 * clock every request has its own now), a server and scenario without latency, a scenario without rules (rules count attempts and
 * draw shares), an operation whose answer reads no server state (General Bots' created reports), a
 * 200 sent in one piece (streamed CSV bodies are not held). The cache is bounded in bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { BoundedCache } from '../../core/bounded-cache.js';
import type { Scenario } from '../../core/scenario.js';

/** A recorded answer: the headers the pipeline set, in order and as spelled, and the body. */
export interface CachedResponse {
  operationId: string;
  headers: readonly (readonly [string, number | string | readonly string[]])[];
  body: Buffer;
}

/** Bodies above this size are not held: one would crowd out many small ones. */
const MAX_BODY = 256 * 1024;
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

/** The answers of one app, bounded by bytes. */
export class ResponseCache {
  private readonly entries: BoundedCache<CachedResponse>;

  constructor(maxBytes: number) {
    this.entries = new BoundedCache(maxBytes);
  }

  /** The key of a request under its controls, or undefined when its answer must not be reused. */
  keyOf(
    req: IncomingMessage,
    url: string,
    seed: number,
    now: number | undefined,
    scenario: Scenario,
  ): string | undefined {
    if (now === undefined || req.method !== 'GET' || scenario.rules.length > 0 || scenario.latency)
      return undefined;
    return `${seed}\u0000${now}\u0000${scenarioId(scenario)}\u0000${url}\u0000${headerPart(req)}`;
  }

  /** Whether an answer is recorded for the key. */
  holds(key: string): boolean {
    return this.entries.peek(key) !== undefined;
  }

  /** Sends the recorded answer for the key, if there is one; returns its operation id. */
  answer(key: string, res: ServerResponse): string | undefined {
    const hit = this.entries.peek(key);
    if (!hit) return undefined;
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.statusCode = 200;
    res.end(hit.body);
    return hit.operationId;
  }

  /**
   * Records the response's answer under the key when it ends: a 200 sent in one piece. Headers set
   * before this call (CORS, by earlier layers) are not part of it. `keep()` decides, at the end,
   * whether the operation's answer may be reused.
   */
  record(key: string, res: Response, keep: () => string | undefined): void {
    const before = new Set(res.getHeaderNames());
    const end = res.end;
    const entries = this.entries;
    res.end = function recordEnd(this: Response, ...args: unknown[]) {
      res.end = end;
      const chunk = args[0];
      const operationId = keep();
      // headersSent before end: the body was written in pieces (a stream), not held here.
      if (
        operationId !== undefined &&
        !this.headersSent &&
        this.statusCode === 200 &&
        this.req.method === 'GET'
      ) {
        const body =
          typeof chunk === 'string'
            ? Buffer.from(chunk, typeof args[1] === 'string' ? (args[1] as BufferEncoding) : 'utf8')
            : chunk instanceof Uint8Array
              ? Buffer.from(chunk)
              : chunk === undefined || typeof chunk === 'function'
                ? Buffer.alloc(0)
                : undefined;
        if (body && body.length <= MAX_BODY) {
          // OutgoingMessage#getRawHeaderNames (Node ≥ 15.13) keeps each name as it was set.
          const names = (this as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
          const headers = names
            .filter((name) => !before.has(name.toLowerCase()))
            .map((name) => [name, this.getHeader(name) as number | string | string[]] as const);
          const entry = { operationId, headers, body };
          entries.set(key, entry, weightOf(key, entry));
        }
      }
      return end.apply(this, args as Parameters<Response['end']>);
    } as Response['end'];
  }
}
