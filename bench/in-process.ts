/**
 * The CPU cost of one request inside the app, without sockets or a load generator: the figure to
 * compare builds by on a busy machine (a load run's req/s moves with the machine's other work).
 * Drives the request listener of each build with in-memory requests, alternating builds, and prints the
 * fastest and the median round in µs per request.
 *
 *   npx tsx bench/in-process.ts --url '/chatbotcom/reports/…' --header 'Authorization: Bearer x' dist /tmp/old/dist
 *
 * `--cold` sends every request with a seed of its own (X-Mock-Seed), so no cache of derived data
 * can answer it: the cost of a first request. `--no-cache` turns the response cache off: the cost of
 * computing a repeated request's answer from the derived data caches. `--moving-now` sends every
 * request a clock of its own, a millisecond after the last one's (X-Mock-Now): an answer that
 * shows now is computed every time, as under the real clock. `--bare` adds, as a last build, the
 * bench's bare Express handler (bench/bare-server.ts) sending the first build's answer, bytes and
 * Content-Type: the in-process form of the side-by-side table's "bare" row, and the ratio to it.
 * `--raw` adds instead a raw node:http handler sending the first build's answer with its headers
 * (bench/raw-server.ts's handler): the in-process form of the cached target's "raw node:http" row.
 */

import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_NOW } from './endpoints.js';

/** A socket that accepts every write and goes nowhere. */
class NullSocket extends Duplex {
  /** Where the written bytes go while an answer is kept (`answerOf`); else nowhere. */
  sink: Buffer[] | undefined;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.sink?.push(Buffer.from(chunk));
    done();
  }
  override _writev(chunks: { chunk: Buffer }[], done: () => void): void {
    for (const { chunk } of chunks) this.sink?.push(Buffer.from(chunk));
    done();
  }
  override _read(): void {}
}

const { values, positionals } = parseArgs({
  options: {
    url: { type: 'string' },
    header: { type: 'string', multiple: true },
    rounds: { type: 'string' },
    requests: { type: 'string' },
    cold: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'moving-now': { type: 'boolean' },
    bare: { type: 'boolean' },
    raw: { type: 'boolean' },
  },
  allowPositionals: true,
});
if (!values.url) throw new Error('usage: in-process.ts --url <path> [--header "Name: value"]… [dist dir]…');
const url = values.url;
const headers: Record<string, string> = { host: '127.0.0.1', accept: '*/*', 'user-agent': 'in-process' };
for (const h of values.header ?? []) {
  const at = h.indexOf(':');
  headers[h.slice(0, at).trim().toLowerCase()] = h.slice(at + 1).trim();
}
const rounds = Number(values.rounds ?? 8);
const perRound = Number(values.requests ?? 3000);
const socket = new NullSocket();

/** The answer of one request: status, Content-Type and body bytes. */
interface Answer {
  status: number;
  type: string;
  body: Buffer;
  /** The headers as sent, but those a server sets per connection or response (Date, Connection…). */
  headers: Record<string, string>;
}

/** Headers a server sets per connection or per response, not part of the recorded answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** One request through the app (the n-th of its round), resolved when the response has been written. */
function once(app: RequestListener, n: number, keep?: Buffer[]): Promise<number> {
  return new Promise((done) => {
    const req = new IncomingMessage(socket as never);
    req.method = 'GET';
    req.url = url;
    // Cold: every build sees the same seeds in the same order, each one new.
    req.headers = values.cold ? { ...headers, 'x-mock-seed': String(1000 + n) } : { ...headers };
    if (values['moving-now']) req.headers['x-mock-now'] = new Date(Date.parse(BENCH_NOW) + n).toISOString();
    // As Node's parser gives them: the headers as sent too (the front compares them with the last request's).
    req.rawHeaders = Object.entries(req.headers).flat() as string[];
    req.push(null);
    const res = new ServerResponse(req);
    socket.sink = keep;
    res.assignSocket(socket as never);
    // As Node's server does: the socket's 'drain' is the response's (streamed bodies wait for it).
    const drain = () => res.emit('drain');
    socket.on('drain', drain);
    res.on('finish', () => {
      socket.off('drain', drain);
      res.detachSocket(socket as never);
      socket.sink = undefined;
      done(res.statusCode);
    });
    app(req, res);
  });
}

async function appOf(dir: string): Promise<RequestListener> {
  const base = pathToFileURL(`${resolve(dir)}/server/`).href;
  const { createMockApp } = await import(`${base}app.js`);
  // The config module moved into cli/ when src/server was split by concern.
  const { createConfig } = await import(`${base}cli/config.js`).catch(() => import(`${base}config.js`));
  const responseCache = values['no-cache'] ? { responseCacheBytes: 0 } : {};
  const mock = createMockApp(
    createConfig({ logLevel: 'silent', now: Date.parse(BENCH_NOW), ...responseCache }),
  );
  // Builds before the fast lane have no listener: the app is theirs.
  return mock.listener ?? mock.app;
}

/** The first request's answer from an app, read back from the bytes it wrote (framing undone). */
async function answerOf(app: RequestListener): Promise<Answer> {
  const written: Buffer[] = [];
  const status = await once(app, 0, written);
  const raw = Buffer.concat(written);
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end).toString('latin1');
  let body = raw.subarray(end + 4);
  if (/\r\ntransfer-encoding: chunked/i.test(head)) {
    const parts: Buffer[] = [];
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at);
      const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  const type = /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1] ?? 'application/octet-stream';
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const at = line.indexOf(': ');
    if (!PER_RESPONSE.has(line.slice(0, at).toLowerCase())) headers[line.slice(0, at)] = line.slice(at + 2);
  }
  return { status, type, body, headers };
}

/** bench/bare-server.ts's handler, in-process: Express sending a fixed body. */
async function bareApp(answer: Answer): Promise<RequestListener> {
  const { default: express } = await import('express');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res) => {
    res.type(answer.type).send(answer.body);
  });
  return app as unknown as RequestListener;
}

/** bench/raw-server.ts's handler, in-process: node:http sending a fixed answer with its headers. */
function rawApp(answer: Answer): RequestListener {
  const headers = { ...answer.headers, 'content-length': String(answer.body.length) };
  return (_req, res) => {
    res.writeHead(200, headers);
    res.end(answer.body);
  };
}

const builds = positionals.length > 0 ? positionals : ['dist'];
const apps = await Promise.all(
  builds.map(async (dir) => ({ dir, app: await appOf(dir), times: [] as number[] })),
);
const reference = values.raw ? 'raw node:http' : values.bare ? 'bare' : undefined;
if (reference) {
  const first = await answerOf((apps[0] as { app: RequestListener }).app);
  if (first.status !== 200) throw new Error(`${builds[0]} answered ${first.status} at ${url}`);
  apps.push(
    values.raw
      ? { dir: 'raw node:http (same bytes and headers)', app: rawApp(first), times: [] }
      : { dir: 'bare Express (same bytes)', app: await bareApp(first), times: [] },
  );
}
for (const a of apps) {
  const status = await once(a.app, 0);
  if (status !== 200) throw new Error(`${a.dir} answered ${status} at ${url}`);
  for (let i = 0; i < perRound; i++) await once(a.app, 1 + i);
}
for (let round = 0; round < rounds; round++) {
  for (const a of apps) {
    // CPU time, not wall time: on a shared machine the wall clock also counts the others' work.
    const started = process.cpuUsage();
    for (let i = 0; i < perRound; i++) await once(a.app, (1 + round) * perRound + 1 + i);
    const used = process.cpuUsage(started);
    a.times.push((used.user + used.system) / perRound);
  }
}
const medianOf = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0;
const bareMedian = reference ? medianOf((apps[apps.length - 1] as { times: number[] }).times) : 0;
for (const a of apps) {
  const fastest = Math.min(...a.times);
  const median = medianOf(a.times);
  // As the side-by-side table's ratio: requests per CPU second, ours over bare.
  const ratio = bareMedian > 0 ? `  ${(bareMedian / median).toFixed(2)}× ${reference}` : '';
  process.stdout.write(
    `${fastest.toFixed(1)} µs fastest, ${median.toFixed(1)} µs median (CPU per request)${ratio}  ${a.dir}\n`,
  );
}
