/** A bare HTTP client for fault tests: reports what arrived and how the connection ended. */
import { createServer, type IncomingHttpHeaders, type RequestListener, request } from 'node:http';
import type { AddressInfo, Server } from 'node:net';

/** How a response ended: complete, cut short after its head, reset before any head, or given up by us. */
export type Ending = 'complete' | 'cut' | 'reset' | 'gave-up';

/** What a raw request saw. */
export interface RawResult {
  ending: Ending;
  status: number | undefined;
  headers: IncomingHttpHeaders | undefined;
  body: Buffer;
}

/** Listens on 127.0.0.1 on a free port, for one test. */
export async function listen(listener: RequestListener): Promise<Server> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

/** Closes a test server, dropping any connection still open. */
export function close(server: Server): Promise<void> {
  (server as unknown as { closeAllConnections(): void }).closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** GETs a path; gives up after `giveUpMs` (a client-side timeout), never hangs. */
export function rawGet(
  server: Server,
  path: string,
  headers: Record<string, string>,
  giveUpMs = 10_000,
): Promise<RawResult> {
  return rawRequest(server, { method: 'GET', path, headers }, giveUpMs);
}

/** Sends a request (a JSON body if given); gives up after `giveUpMs`, never hangs. */
export function rawRequest(
  server: Server,
  sent: { method: string; path: string; headers: Record<string, string>; body?: unknown },
  giveUpMs = 10_000,
): Promise<RawResult> {
  const { method, path, body } = sent;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers =
    payload === undefined ? sent.headers : { 'Content-Type': 'application/json', ...sent.headers };
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let head: IncomingHttpHeaders | undefined;
    let settled = false;
    const finish = (ending: Ending) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ending, status, headers: head, body: Buffer.concat(chunks) });
    };
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      status = res.statusCode;
      head = res.headers;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish(res.complete ? 'complete' : 'cut'));
      res.on('aborted', () => finish('cut'));
      res.on('error', () => finish('cut'));
    });
    req.on('error', () => finish(status === undefined ? 'reset' : 'cut'));
    const timer = setTimeout(() => {
      finish('gave-up');
      req.destroy();
    }, giveUpMs);
    req.end(payload);
  });
}
