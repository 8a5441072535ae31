/**
 * --max-connections: at most N client connections open at once in a process. Without a cap, slow
 * sockets that trickle their headers (each cut only after the 10 s header timeout) used up the
 * process's file descriptors, and then every normal request was refused (issue 20 item 5).
 *
 * At the cap, a new connection takes the place of the oldest one that has no request in flight —
 * an idle keep-alive connection, or one still sending its request head (a trickler is the oldest of
 * those) — so a normal client is served while slow sockets hold the cap. Requests in flight are
 * never cut; when every connection has one, the new connection is refused with a 503 and closed.
 */
import type { RequestListener, Server } from 'node:http';
import type { Socket } from 'node:net';

/** A 503 sent on a connection refused at the cap, before its request is read. */
const REFUSAL = Buffer.from(
  [
    'HTTP/1.1 503 Service Unavailable',
    'Content-Type: application/json; charset=utf-8',
    'Retry-After: 1',
    'Connection: close',
  ].join('\r\n') +
    '\r\n' +
    (() => {
      const body = JSON.stringify({
        error: {
          status: 503,
          code: 'too_many_connections',
          message: 'The mock has as many connections open as --max-connections allows; retry in a moment.',
        },
      });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    })(),
);

/**
 * Whether a connection has a request in flight: Node's server hands a connection the response it is
 * answering (`_httpMessage`, set when the response is assigned its socket and cleared when it
 * finishes; a pipelined request waits behind it). Read only at the cap, so a request costs nothing
 * here (a 'close' listener per response did, with one object more per request).
 */
function inFlight(socket: Socket): boolean {
  return (socket as Socket & { _httpMessage?: unknown })._httpMessage != null;
}

/**
 * Holds the server to at most `max` open client connections (see the module comment); returns the
 * request listener to serve with: `listener`, for requests on connections the cap admitted.
 */
export function capConnections(server: Server, max: number, listener: RequestListener): RequestListener {
  // A Set iterates in insertion order: the first entries are the oldest connections.
  const open = new Set<Socket>();
  const refused = new WeakSet<Socket>();

  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      let victim: Socket | undefined;
      for (const candidate of open) {
        if (!inFlight(candidate)) {
          victim = candidate;
          break;
        }
      }
      if (!victim) {
        refused.add(socket);
        socket.pause();
        socket.end(REFUSAL);
        return;
      }
      open.delete(victim);
      victim.destroy();
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });

  // A request on a refused connection (read before the refusal went out) never reaches the app:
  // the 503 is its answer.
  return (req, res) => {
    if (refused.has(req.socket)) {
      res.destroy();
      return;
    }
    listener(req, res);
  };
}
