/** The front's journal step: each API request, as sent, and what it got once it is answered. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { realNow } from '../../core/clock.js';
import type { JournalRecord } from '../../core/journal.js';
import type { MockState } from '../control/state.js';
import type { RequestFacts, RouteInfo } from './facts.js';
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

/** Journals a request unless it is for the control plane or the docs. */
export function journalStep(
  state: MockState,
): (req: IncomingMessage, res: ServerResponse, facts: RequestFacts) => void {
  /** Completes the record of a response when it closes. */
  function record(this: Journalled): void {
    const pending = this[PENDING];
    if (pending === undefined) return;
    this[PENDING] = undefined;
    const { entry, socket, bytesBefore } = pending;
    const { route, sentHeaders } = this.locals;
    entry.api = route?.api ?? null;
    entry.operationId = route?.operationId ?? null;
    entry.scenario = route?.scenario ?? null;
    entry.fault = route?.fault ?? null;
    // A reset or stalled response never sent its head: it has no status.
    entry.status = this.headersSent ? this.statusCode : null;
    // A held answer's head went out in one writeHead, which getHeaders() does not see.
    entry.responseHeaders = !this.headersSent ? null : (sentHeaders ?? this.getHeaders());
    entry.responseBytes = socket.bytesWritten - bytesBefore;
    entry.durationMs = (Number(process.hrtime.bigint()) - entry.receivedAtNs) / 1e6;
    state.journal.answered(entry);
  }

  return (req, res, facts) => {
    const { area } = facts.path;
    if (area === 'control' || area === 'docs') return;
    const started = Number(process.hrtime.bigint());
    // The connection outlives the response (keep-alive): its counter before and after gives the size.
    const socket = req.socket;
    const bytesBefore = socket.bytesWritten;
    const entry = state.journal.add({
      receivedAtMs: realNow(),
      receivedAtNs: started,
      method: req.method ?? '',
      url: facts.sentUrl,
      api: null,
      operationId: null,
      scenario: null,
      headers: req.headers,
      status: null,
      fault: null,
      durationMs: null,
      responseHeaders: null,
      responseBytes: null,
    });
    (res as Journalled)[PENDING] = { entry, socket, bytesBefore };
    // 'close' follows 'finish' on every response, and ends one that never finished (reset, stall).
    res.on('close', record);
  };
}
