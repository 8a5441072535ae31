/**
 * Answers as they went over the wire (header names as spelled, in order), from servers started for
 * one test: for tests that hold two ways of answering to the same bytes.
 */
import { createServer, type RequestListener, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer: status, headers as sent (Date left out: it is the only one that moves) and body. */
export interface WireAnswer {
  status: number;
  headers: string[];
  body: string;
}

/** Servers a test started; `closeServers` in afterEach closes them. */
const started: Server[] = [];

/** Serves a request listener (an Express app, or a mock's listener) on 127.0.0.1, a free port. */
export async function serve(listener: RequestListener): Promise<number> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  started.push(server);
  await new Promise((done) => server.once('listening', done));
  return (server.address() as AddressInfo).port;
}

/** Closes every server `serve` started. */
export async function closeServers(): Promise<void> {
  await Promise.all(started.splice(0).map((s) => new Promise((done) => s.close(done))));
}

/** Sends one request and reads its answer as it was sent. */
export function sendRaw(port: number, path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<WireAnswer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const sent: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          if (res.rawHeaders[i] !== 'Date') sent.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        resolve({
          status: res.statusCode ?? 0,
          headers: sent,
          body: Buffer.concat(chunks).toString('latin1'),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
