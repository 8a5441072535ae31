/** Child servers of a bench run: free ports, spawning, cold start, RSS, and killing every child it started. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { giveUp } from './start-limits.js';

/** The only address the bench talks to. */
export const HOST = '127.0.0.1';

/** A server the bench started. */
export interface ServerProcess {
  label: string;
  child: ChildProcess;
  port: number;
  /** What it printed, for the error message when it never answers. */
  output(): string;
}

const children = new Set<ChildProcess>();

/** Kills every child still running (idempotent; also run on exit and on Ctrl-C). */
export function killAll(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node <args>` (or another command) as a child the bench will kill. */
export function startProcess(label: string, command: string, args: string[], port: number): ServerProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let text = '';
  const keep = (chunk: Buffer) => {
    if (text.length < 4000) text += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { label, child, port, output: () => text };
}

/** Stops a server and waits for it to exit. */
export async function stopProcess(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** The status of a GET, or why there was none (the server is not up yet, or too busy to answer). */
async function tryGet(url: string, headers: Record<string, string>): Promise<number | string> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within 5 s';
    const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return cause?.code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Polls a URL until it answers 200 and returns the milliseconds since `startedAt` (spawn time):
 * the cold start. Fails at once if the process exits, when it answers something else for 10 s, or
 * when it is stuck (see start-limits.ts); the message says what the last try saw.
 */
export async function waitForOk(
  server: ServerProcess,
  url: string,
  headers: Record<string, string>,
  startedAt: number,
): Promise<number> {
  let firstWrong: number | undefined;
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(`${server.label} exited with ${server.child.exitCode}: ${server.output()}`);
    }
    const answer = await tryGet(url, headers);
    const now = performance.now();
    if (answer === 200) return now - startedAt;
    if (typeof answer === 'number') firstWrong ??= now;
    const why = giveUp(
      cpuSeconds(server.child.pid),
      now - startedAt,
      firstWrong === undefined ? 0 : now - firstWrong,
    );
    if (why) {
      const last = typeof answer === 'number' ? `answered ${answer}` : answer;
      throw new Error(
        `${server.label} did not answer 200 at ${url}: ${why}; the last try: ${last}. Its output: ${server.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The pids of a process's children (all threads), from /proc. */
function childPids(pid: number): number[] {
  const tasks = readProc(`/proc/${pid}/task/${pid}/children`) ?? '';
  return tasks
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(Number);
}

/**
 * Resident set size in MB of a process and its descendants (cluster workers), from /proc;
 * undefined where /proc is missing.
 */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const m = /VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${pid}/status`) ?? '');
  if (!m) return undefined;
  let total = Number(m[1]) / 1024;
  for (const child of childPids(pid)) total += rssMb(child) ?? 0;
  return total;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (100 ticks a second). */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
