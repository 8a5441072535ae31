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
 * shows now is computed every time, as under the real clock.
 */

import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_NOW } from './endpoints.js';

/** A socket that accepts every write and goes nowhere. */
class NullSocket extends Duplex {
  override _write(_chunk: unknown, _encoding: string, done: () => void): void {
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

/** One request through the app (the n-th of its round), resolved when the response has been written. */
function once(app: RequestListener, n: number): Promise<number> {
  return new Promise((done) => {
    const req = new IncomingMessage(socket as never);
    req.method = 'GET';
    req.url = url;
    // Cold: every build sees the same seeds in the same order, each one new.
    req.headers = values.cold ? { ...headers, 'x-mock-seed': String(1000 + n) } : { ...headers };
    if (values['moving-now']) req.headers['x-mock-now'] = new Date(Date.parse(BENCH_NOW) + n).toISOString();
    req.push(null);
    const res = new ServerResponse(req);
    res.assignSocket(socket as never);
    // As Node's server does: the socket's 'drain' is the response's (streamed bodies wait for it).
    const drain = () => res.emit('drain');
    socket.on('drain', drain);
    res.on('finish', () => {
      socket.off('drain', drain);
      res.detachSocket(socket as never);
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

const builds = positionals.length > 0 ? positionals : ['dist'];
const apps = await Promise.all(
  builds.map(async (dir) => ({ dir, app: await appOf(dir), times: [] as number[] })),
);
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
for (const a of apps) {
  const sorted = [...a.times].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  process.stdout.write(
    `${(sorted[0] ?? 0).toFixed(1)} µs fastest, ${median.toFixed(1)} µs median (CPU per request)  ${a.dir}\n`,
  );
}
