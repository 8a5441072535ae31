/**
 * Cold start of two or more builds side by side: spawns each build's CLI in turn (alternating, so
 * the machine's other work falls on all alike), waits for its first 200 on each endpoint of the
 * table, and prints per build the median and range of the wall time (spawn → first 200) and of
 * the CPU the child used until then (all its threads, from /proc/<pid>/task/<tid>/schedstat).
 *
 *   npx tsx bench/cold-start.ts [--samples 7] [--api logicdialog] <dist> [<other dist> ...]
 *
 * Each `<dist>` is a built package's dist/ folder (its `server/cli/cli.js` is started). A build
 * whose folder is a copy elsewhere must keep the package layout (dist/, specs/, scenarios/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_NOW, ENDPOINTS } from './endpoints.js';
import { freePort, HOST, startProcess, stopProcess, waitForOk } from './processes.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { samples: { type: 'string', default: '7' }, api: { type: 'string' } },
});
const builds = positionals.map((p) => resolve(p));
if (builds.length === 0)
  throw new Error('usage: cold-start.ts [--samples N] [--api name] <dist> [<dist> ...]');
const samples = Number(values.samples);
const endpoints = ENDPOINTS.filter((e) => !e.page && (values.api === undefined || e.api === values.api));

/** CPU ns the process has run so far, over all its threads. */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

async function once(dist: string, url: string, headers: Record<string, string>) {
  const port = await freePort();
  const cli = /\.m?js$/.test(dist) ? dist : join(dist, 'server', 'cli', 'cli.js');
  const args = [cli, '--port', String(port), '--host', HOST];
  args.push('--now', BENCH_NOW, '--log-level', 'silent');
  const startedAt = performance.now();
  const server = startProcess('cold', process.execPath, args, port);
  try {
    const wall = await waitForOk(server, `http://${HOST}:${port}${url}`, headers, startedAt);
    return { wall, cpu: cpuMs(server.child.pid as number) };
  } finally {
    await stopProcess(server);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (i: number) => s[i] ?? Number.NaN;
  return s.length % 2 ? at((s.length - 1) / 2) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
};
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const runs = builds.map((dist) => ({ dist, wall: [] as number[], cpu: [] as number[] }));
for (let i = 0; i < samples; i++) {
  for (const endpoint of endpoints) {
    // Alternate the order too, so neither build always goes first.
    const order = i % 2 ? [...runs].reverse() : runs;
    for (const run of order) {
      const r = await once(run.dist, endpoint.url, endpoint.headers);
      run.wall.push(r.wall);
      run.cpu.push(r.cpu);
    }
  }
}
console.log(`${samples} samples × ${endpoints.length} endpoint(s), alternating; median (min–max) ms`);
for (const { dist, wall, cpu } of runs) {
  console.log(`${dist}\n  wall spawn → first 200: ${fmt(wall)}\n  CPU of the child:       ${fmt(cpu)}`);
}
