/** The front's journal step: each API request, as sent, and what it got once it is answered. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { realNow } from '../../core/clock.js';
import type { MockState } from '../control/state.js';
import type { RequestFacts, RouteInfo } from './facts.js';
import type { FlatHeaders } from './response-cache.js';

/** What the journal reads of a response's locals: its route, and the head of a held answer (listener.ts). */
type Locals = { route?: RouteInfo; sentHeaders?: FlatHeaders };

/** Journals a request unless it is for the control plane or the docs. */
export function journalStep(
  state: MockState,
): (req: IncomingMessage, res: ServerResponse, facts: RequestFacts) => void {
  return (req, res, facts) => {
    const { area } = facts.path;
    if (area === 'control' || area === 'docs') return;
    const started = process.hrtime.bigint();
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
    const record = () => {
      const { route, sentHeaders } = (res as ServerResponse & { locals: Locals }).locals;
      entry.api = route?.api ?? null;
      entry.operationId = route?.operationId ?? null;
      entry.scenario = route?.scenario ?? null;
      entry.fault = route?.fault ?? null;
      // A reset or stalled response never sent its head: it has no status.
      entry.status = res.headersSent ? res.statusCode : null;
      // A held answer's head went out in one writeHead, which getHeaders() does not see.
      entry.responseHeaders = !res.headersSent ? null : (sentHeaders ?? res.getHeaders());
      entry.responseBytes = socket.bytesWritten - bytesBefore;
      entry.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      state.journal.answered(entry);
    };
    // 'close' follows 'finish' on every response, and ends one that never finished (reset, stall).
    res.once('close', record);
  };
}
