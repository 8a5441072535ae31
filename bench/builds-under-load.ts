/**
 * Two or more builds under load, side by side on one endpoint: each build's CLI (the response cache
 * off, unless `--cached`) and bare Express sending the first build's answer, driven by autocannon at
 * 32 connections in alternating rounds. Prints per server the median req/s, its ratio to bare and
 * the peak RSS. What a `npm run bench` load run says of one endpoint, for two builds at once: a
 * change can leave the CPU per request (bench/server-cpu.ts) alike and still move the rate under
 * load, by what the garbage collector does with many requests in flight.
 *
 *   npx tsx bench/builds-under-load.ts --url '/chatlayer/…' --header 'Authorization: Basic …' \
 *     [--cached] [--rounds 6] [--seconds 4] <dist> [<other dist> ...]
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_NOW } from './endpoints.js';
import { combine, type LoadFigures, runLoad } from './load.js';
import { freePort, HOST, killAll, type ServerProcess, startProcess, waitForOk } from './processes.js';
import { startBare } from './servers.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    header: { type: 'string', multiple: true },
    cached: { type: 'boolean' },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '4' },
  },
});
const builds = positionals.map((p) => resolve(p));
if (!values.url || builds.length === 0)
  throw new Error(
    'usage: builds-under-load.ts --url <path> [--header "Name: value"]… [--cached] <dist> [<dist> ...]',
  );
const url = values.url;
const headers: Record<string, string> = {};
for (const h of values.header ?? []) {
  const at = h.indexOf(':');
  headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
}
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);

/** A load target: a label, the URL autocannon asks for and the process whose RSS is sampled. */
interface Target {
  label: string;
  url: string;
  server: ServerProcess;
  rounds: LoadFigures[];
}

async function startBuild(dist: string): Promise<Target> {
  const port = await freePort();
  const args = [join(dist, 'server', 'cli', 'cli.js'), '--host', HOST, '--port', String(port)];
  args.push('--now', BENCH_NOW, '--log-level', 'silent', ...(values.cached ? [] : ['--response-cache', '0']));
  const server = startProcess(dist, process.execPath, args, port);
  const base = `http://${HOST}:${port}`;
  await waitForOk(server, `${base}${url}`, headers, performance.now());
  return { label: dist, url: `${base}${url}`, server, rounds: [] };
}

const targets: Target[] = [];
for (const dist of builds) targets.push(await startBuild(dist));
const first = await fetch(targets[0]?.url as string, { headers });
const bodyFile = join(tmpdir(), `builds-under-load-${process.pid}.body`);
writeFileSync(bodyFile, Buffer.from(await first.arrayBuffer()));
const bare = await startBare(bodyFile, first.headers.get('content-type') ?? 'application/json');
targets.push({ label: 'bare Express', url: `${bare.base}/`, server: bare.server, rounds: [] });

const load = (t: Target, s: number) =>
  runLoad({ url: t.url, headers, connections: 32, seconds: s, pid: t.server.child.pid });
for (const t of targets) await load(t, 1); // warm-up
for (let r = 0; r < rounds; r++) for (const t of targets) t.rounds.push(await load(t, seconds));

const bareRps = combine(targets[targets.length - 1]?.rounds ?? []).rps;
console.log(
  `${rounds} alternating rounds of ${seconds} s at 32 connections, ${values.cached ? 'cached' : 'cache off'}; median req/s`,
);
for (const t of targets) {
  const f = combine(t.rounds);
  const each = t.rounds.map((round) => round.rps.toFixed(0)).join(' ');
  console.log(
    `${t.label}\n  ${f.rps.toFixed(0)} req/s (${each}), ${(f.rps / bareRps).toFixed(2)}× bare, RSS ${f.rssMb?.toFixed(0) ?? '?'} MB`,
  );
}
killAll();
process.exit(0);
