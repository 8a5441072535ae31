/** The front's journal step: each API request, as sent, and what it got once it is answered. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { realNow } from '../../core/clock.js';
import type { JournalRecord } from '../../core/journal.js';
import type { MockState } from '../control/state.js';
import { type RequestFacts, type RouteInfo, sameRawHeaders } from './facts.js';
import type { FlatHeaders } from './response-cache.js';

/** What the journal reads of a response's locals: its route, and the head of a held answer (listener.ts). */
type Locals = { route?: RouteInfo; sentHeaders?: FlatHeaders };

/** A response being answered: its record, and the connection's byte count when it started. */
interface Pending {
  entry: JournalRecord;
  socket: Socket;
  bytesBefore: number;
}

/** Where a response keeps its Pending until it closes (one listener per app, not a closure per request). */
const PENDING = Symbol('journal entry');

type Journalled = ServerResponse & { locals: Locals; [PENDING]?: Pending | undefined };

/** The journal's steps: `start` a request's record (completed when its response closes), or record one `answered` at once. */
export interface JournalSteps {
  start(req: IncomingMessage, res: ServerResponse, facts: RequestFacts): void;
  /**
   * Records a request whose whole answer was handed to the connection when this is called (a held
   * answer, listener.ts), complete at once: no listener waits for its close. `arrivedNs` and
   * `bytesBefore` were read before it was sent.
   */
  answered(
    req: IncomingMessage,
    res: ServerResponse,
    facts: RequestFacts,
    arrivedNs: number,
    bytesBefore: number,
  ): void;
}

/** Journals a request unless it is for the control plane or the docs. */
export function journalStep(state: MockState): JournalSteps {
  // The last request's headers: a request sending the same ones (as sent, in order) is recorded
  // with that object, so that the ring keeps no new headers object per repeated request.
  let lastRaw: readonly string[] = [];
  let lastHeaders: IncomingMessage['headers'] | undefined;
  const headersOf = (req: IncomingMessage): IncomingMessage['headers'] => {
    if (lastHeaders === undefined || !sameRawHeaders(req.rawHeaders, lastRaw)) {
      lastRaw = req.rawHeaders;
      lastHeaders = req.headers;
    }
    return lastHeaders;
  };

  /** A record as it starts: what the request says. */
  const opened = (req: IncomingMessage, facts: RequestFacts, arrivedNs: number): JournalRecord =>
    state.journal.add({
      receivedAtMs: realNow(),
      receivedAtNs: arrivedNs,
      method: req.method ?? '',
      url: facts.sentUrl,
      api: null,
      operationId: null,
      scenario: null,
      headers: headersOf(req),
      status: null,
      fault: null,
      durationMs: null,
      responseHeaders: null,
      responseBytes: null,
    });

  /** Completes a record from its response, once the response is done with. */
  const complete = (entry: JournalRecord, res: Journalled, bytes: number): void => {
    const { route, sentHeaders } = res.locals;
    entry.api = route?.api ?? null;
    entry.operationId = route?.operationId ?? null;
    entry.scenario = route?.scenario ?? null;
    entry.fault = route?.fault ?? null;
    // A reset or stalled response never sent its head: it has no status.
    entry.status = res.headersSent ? res.statusCode : null;
    // A held answer's head went out in one writeHead, which getHeaders() does not see.
    entry.responseHeaders = !res.headersSent ? null : (sentHeaders ?? res.getHeaders());
    entry.responseBytes = bytes;
    entry.durationMs = (Number(process.hrtime.bigint()) - entry.receivedAtNs) / 1e6;
    state.journal.answered(entry);
  };

  /** Completes the record of a response when it closes. */
  function record(this: Journalled): void {
    const pending = this[PENDING];
    if (pending === undefined) return;
    this[PENDING] = undefined;
    complete(pending.entry, this, pending.socket.bytesWritten - pending.bytesBefore);
  }

  const journalled = (facts: RequestFacts) => facts.path.area !== 'control' && facts.path.area !== 'docs';

  return {
    start(req, res, facts) {
      if (!journalled(facts)) return;
      const started = Number(process.hrtime.bigint());
      // The connection outlives the response (keep-alive): its counter before and after gives the size.
      const socket = req.socket;
      const bytesBefore = socket.bytesWritten;
      const entry = opened(req, facts, started);
      (res as Journalled)[PENDING] = { entry, socket, bytesBefore };
      // 'close' follows 'finish' on every response, and ends one that never finished (reset, stall).
      res.on('close', record);
    },
    answered(req, res, facts, arrivedNs, bytesBefore) {
      if (!journalled(facts)) return;
      // The connection counts what it was handed, written or still buffered.
      complete(opened(req, facts, arrivedNs), res as Journalled, req.socket.bytesWritten - bytesBefore);
    },
  };
}
