/**
 * GET /__mock/console/events: the journal as server-sent events. The page gets the journal once
 * (`journal`), then each request as soon as it is answered (`request`), and every scenario switch,
 * reload and journal reset (`state`), so that it never polls.
 */
import type { Server } from 'node:http';
import type { RequestHandler, Response } from 'express';
import type { JournalEntry } from '../../../core/journal.js';
import type { ControlSync } from '../control-sync.js';
import type { MockState } from '../state.js';
import { maskEntry } from './mask.js';

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;
/** How often a stream checks that its server still listens: a draining server's streams end at once. */
const CHECK_MS = 1_000;

/** The key of an entry across processes (with --workers, ids are per worker). */
function keyOf(entry: JournalEntry): string {
  return `${entry.worker ?? 0}:${entry.id}`;
}

function send(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The event-stream handler. */
export function consoleEvents(state: MockState, sync: ControlSync, journalSize: number): RequestHandler {
  return async (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // A reverse proxy must pass each event on as it comes.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();

    // Answered requests already sent, so that one is sent once (a poll or the journal may repeat it).
    // Bounded: an old key is forgotten once twice the journal has been sent after it.
    const sent = new Set<string>();
    const sendRequest = (entry: JournalEntry) => {
      if (entry.durationMs === null) return;
      const key = keyOf(entry);
      if (sent.has(key)) return;
      sent.add(key);
      if (sent.size > 2 * journalSize + 100) sent.delete(sent.values().next().value as string);
      send(res, 'request', maskEntry(entry));
    };
    // Subscribed before the journal is read: what is answered meanwhile is queued, not lost.
    let queue: JournalEntry[] | undefined = [];
    const stopWatching = sync.watchRequests((entry) => (queue ? queue.push(entry) : sendRequest(entry)));
    const stopListening = state.onChange((change) => {
      if (change.kind === 'forget') sent.clear();
      send(res, 'state', { ...change, scenario: state.scenario.name });
    });
    const server = (req.socket as { server?: Server }).server;
    let quiet = 0;
    const timer = setInterval(() => {
      if (server && !server.listening) {
        res.end();
        return;
      }
      quiet += CHECK_MS;
      if (quiet >= KEEP_ALIVE_MS) {
        quiet = 0;
        res.write(': keep-alive\n\n');
      }
    }, CHECK_MS);
    res.on('close', () => {
      clearInterval(timer);
      stopWatching();
      stopListening();
    });

    try {
      const journal = await sync.requests();
      for (const entry of journal) if (entry.durationMs !== null) sent.add(keyOf(entry));
      send(res, 'journal', { requests: journal.map(maskEntry), scenario: state.scenario.name });
    } catch (error) {
      send(res, 'problem', { message: (error as Error).message });
    }
    const queued = queue;
    queue = undefined;
    for (const entry of queued) sendRequest(entry);
  };
}
