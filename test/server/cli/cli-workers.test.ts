import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { terminate, waitForOutput } from '../../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');
/** Two workers start in about a second; a loaded CI machine gets more. */
const BOOT_MS = 20_000;
const API = '/chatbotcom/reports/conversations?period=last7days&group=source';
const AUTH = { Authorization: 'Bearer acme' };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request on a connection of its own, so the cluster hands each to the next worker in turn. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

async function json<T>(base: string, path: string): Promise<T> {
  return JSON.parse((await send(base, path)).body.toString()) as T;
}

interface Health {
  pid: number;
  workers: number;
  scenario: string;
}

interface Entry {
  url: string;
  worker: number;
  status: number | null;
}

/** Starts the CLI with --workers 2 on a free port; resolves once the primary printed the banner. */
async function startCluster(
  extra: string[] = [],
): Promise<{ child: ChildProcess; base: string; banner: string }> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--workers',
      '2',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--now',
      '2025-03-01T12:00:00Z',
      '--log-level',
      'silent',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const banner = await waitForOutput(child, /control plane (http:\/\/127\.0\.0\.1:\d+)/, BOOT_MS);
  const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
  return { child, base, banner };
}

/** Health answers on fresh connections until both workers have answered (at most 20 tries). */
async function bothWorkers(base: string): Promise<Health[]> {
  const seen = new Map<number, Health>();
  for (let i = 0; i < 20 && seen.size < 2; i++) {
    const health = await json<Health>(base, '/__mock/health');
    seen.set(health.pid, health);
  }
  return [...seen.values()];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('cli --workers', () => {
  it('prints the banner once with the worker count, and two worker processes answer', async () => {
    const { child, base, banner } = await startCluster();
    try {
      expect(banner.match(/listening on/g)).toHaveLength(1);
      expect(banner).toMatch(/seed 1 · clock 2025-03-01T12:00:00.000Z · scenario default · workers: 2/);
      const workers = await bothWorkers(base);
      expect(workers.map((w) => w.workers)).toEqual([2, 2]);
      expect(workers).toHaveLength(2);
      expect(workers.map((w) => w.pid)).not.toContain(child.pid);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('answers the same request with the same bytes whichever worker serves it', async () => {
    const { child, base } = await startCluster();
    try {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await send(base, API, { headers: AUTH }));
      const { requests } = await json<{ requests: Entry[] }>(base, '/__mock/requests');
      expect(new Set(requests.map((r) => r.worker)).size).toBe(2);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const answer of answers) expect(answer.body.equals(answers[0]?.body as Buffer)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('has every worker serve the scenario switched to, from the switch on', async () => {
    const { child, base } = await startCluster();
    try {
      const put = await send(base, '/__mock/scenario', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"empty"}',
      });
      expect(put.status).toBe(200);
      const scenarios = [];
      for (let i = 0; i < 6; i++)
        scenarios.push((await send(base, API, { headers: AUTH })).headers['x-mock-scenario']);
      expect(scenarios).toEqual(['empty', 'empty', 'empty', 'empty', 'empty', 'empty']);
      const workers = await bothWorkers(base);
      expect(workers.map((w) => w.scenario)).toEqual(['empty', 'empty']);
      const { requests } = await json<{ requests: Entry[] }>(base, '/__mock/requests');
      expect(new Set(requests.map((r) => r.worker)).size).toBe(2);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('merges the journals of every worker in arrival order, and DELETE clears them all', async () => {
    const { child, base } = await startCluster();
    try {
      for (const n of [1, 2, 3, 4, 5, 6])
        await send(base, `/chatbotcom/reports/nothing-${n}`, { headers: AUTH });
      for (let i = 0; i < 2; i++) {
        // Asked twice, so that each worker answers once: the merged journal does not depend on who is asked.
        const { requests } = await json<{ requests: Entry[] }>(base, '/__mock/requests');
        expect(requests.map((r) => r.url)).toEqual(
          [1, 2, 3, 4, 5, 6].map((n) => `/chatbotcom/reports/nothing-${n}`),
        );
        expect(new Set(requests.map((r) => r.worker)).size).toBe(2);
      }
      expect((await send(base, '/__mock/requests', { method: 'DELETE' })).status).toBe(204);
      for (let i = 0; i < 2; i++)
        expect((await json<{ requests: Entry[] }>(base, '/__mock/requests')).requests).toEqual([]);
      await send(base, '/chatbotcom/reports/after', { headers: AUTH });
      const { requests } = await json<{ requests: Entry[] }>(base, '/__mock/requests');
      expect(requests.map((r) => r.url)).toEqual(['/chatbotcom/reports/after']);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('counts attempts across workers: a fail-first rule fails the first try only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const file = join(dir, 'fail-first.yaml');
    writeFileSync(
      file,
      'description: First tries fail.\nrules:\n  - match: { attempt: 1 }\n    status: 500\n',
    );
    const { child, base } = await startCluster(['--scenario', file]);
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(base, API, { headers: AUTH })).status);
      expect(statuses).toEqual([500, 200, 200, 200]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('replaces a worker that dies, and the new one serves the scenario in force', async () => {
    const { child, base } = await startCluster();
    try {
      await send(base, '/__mock/scenario', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"empty"}',
      });
      const [victim] = await bothWorkers(base);
      const restarted = waitForOutput(child, /started worker (\d+) in its place/, BOOT_MS);
      process.kill(victim?.pid as number, 'SIGKILL');
      const text = await restarted;
      expect(text).toMatch(new RegExp(`worker ${victim?.pid} exited unexpectedly \\(signal SIGKILL\\)`));
      const fresh = Number(/started worker (\d+)/.exec(text)?.[1]);
      let health: Health | undefined;
      // The new worker answers once it has caught up and listens: ask until it does (bounded).
      const giveUpAt = performance.now() + BOOT_MS;
      while (health?.pid !== fresh && performance.now() < giveUpAt) {
        health = await json<Health>(base, '/__mock/health');
        if (health.pid !== fresh) await sleep(50);
      }
      expect(health).toMatchObject({ pid: fresh, scenario: 'empty' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('reloads changed scenario files in every worker with --watch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const { child, base } = await startCluster(['--scenario-dir', dir, '--watch', '--log-level', 'info']);
    try {
      const reloaded = waitForOutput(child, /reloaded \d+ scenarios/, BOOT_MS);
      writeFileSync(join(dir, 'later.yaml'), 'description: Added while running.\n');
      await reloaded;
      for (let i = 0; i < 4; i++) {
        const { scenarios } = await json<{ scenarios: { name: string }[] }>(base, '/__mock/scenarios');
        expect(scenarios.map((s) => s.name)).toContain('later');
      }
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('drains every worker on SIGTERM and exits 0 once they are all gone', async () => {
    const { child, base } = await startCluster();
    try {
      const pids = (await bothWorkers(base)).map((w) => w.pid);
      expect(pids).toHaveLength(2);
      expect(await terminate(child)).toBe(0);
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops at boot with exit 2 and a message for a bad --workers value', async () => {
    const child = spawn(process.execPath, [CLI, '--workers', 'lots'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const text = await waitForOutput(child, /Invalid --workers/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toContain(
      "Invalid --workers: 'lots'. Expected a whole number from 1 to 64, or auto (one per core).",
    );
  });

  it('says a bad scenario once, not once per worker, and exits 2', async () => {
    const child = spawn(process.execPath, [CLI, '--workers', '2', '--port', '0', '--scenario', 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const [code] = await once(child, 'close');
    expect(code).toBe(2);
    expect(text.match(/Invalid --scenario/g)).toHaveLength(1);
  });
});
