/**
 * Server CPU per request over real sockets: our built CLI with the response cache off, and bare
 * Express sending the same bytes (with `--cached`: our CLI as it runs, answering from its response
 * cache, and a raw node:http handler sending the same bytes and headers), each driven by keep-alive requests (16 at a time) while its
 * process's CPU time (/proc/<pid>/stat, user + system) is read before and after. Unlike req/s under
 * a load generator, the figure hardly moves with the machine's other work; unlike bench/in-process.ts
 * it counts the sockets, the bundled CLI and its heap settings.
 *
 *   npx tsx bench/server-cpu.ts --url '/logicdialog/…' --header 'Authorization: Bearer x' [--scenario s] [--cached]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { killAll } from './processes.js';
import { type Started, startBare, startOurCli, startRaw } from './servers.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    header: { type: 'string', multiple: true },
    scenario: { type: 'string' },
    requests: { type: 'string' },
    rounds: { type: 'string' },
    cached: { type: 'boolean' },
  },
});
if (!values.url)
  throw new Error('usage: server-cpu.ts --url <path> [--header "Name: value"]… [--scenario name]');
const url = values.url;
const headers: Record<string, string> = {};
for (const h of values.header ?? []) {
  const at = h.indexOf(':');
  headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
}
if (values.scenario) headers['X-Mock-Scenario'] = values.scenario;
const perRound = Number(values.requests ?? 4000);
const rounds = Number(values.rounds ?? 3);
const TICK_US = 10_000; // USER_HZ 100

function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

function get(base: string, agent: Agent, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function drive(s: Started, path: string, count: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const pid = s.server.child.pid as number;
  const before = cpuUs(pid);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await get(s.base, agent, path);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const used = cpuUs(pid) - before;
  agent.destroy();
  return used / count;
}

const cached = values.cached === true;
const ours = await startOurCli(url, headers, cached ? [] : ['--response-cache', '0']);
/** Headers a server sets per connection or per response, not part of the recorded answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const first = await new Promise<{ body: Buffer; type: string; sent: Record<string, string> }>(
  (resolve, reject) => {
    request(`${ours.base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const sent: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers))
          if (!PER_RESPONSE.has(name) && value !== undefined) sent[name] = String(value);
        resolve({ body: Buffer.concat(chunks), type: String(res.headers['content-type']), sent });
      });
    })
      .on('error', reject)
      .end();
  },
);
const file = join(tmpdir(), `server-cpu-${process.pid}.body`);
writeFileSync(file, first.body);
const headersFile = join(tmpdir(), `server-cpu-${process.pid}.headers.json`);
writeFileSync(headersFile, JSON.stringify(first.sent));
const other = cached ? 'raw node:http' : 'bare';
const bare = cached ? await startRaw(file, headersFile) : await startBare(file, first.type);
const times: Record<string, number[]> = { ours: [], bare: [] };
await drive(ours, url, 500);
await drive(bare, '/', 500);
for (let r = 0; r < rounds; r++) {
  times.ours?.push(await drive(ours, url, perRound));
  times.bare?.push(await drive(bare, '/', perRound));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const o = median(times.ours ?? []);
const b = median(times.bare ?? []);
process.stdout.write(
  `server CPU per request, median of ${rounds}: ours (${cached ? 'cached' : 'no cache'}) ${o.toFixed(1)} µs, ${other} ${b.toFixed(1)} µs: ${(b / o).toFixed(2)}× ${other}  (${first.body.length} B)\n`,
);
killAll();
process.exit(0);
