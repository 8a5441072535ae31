import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { terminate, waitForOutput } from '../../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('cli', () => {
  it('starts, answers /__mock/health, and exits 0 on SIGTERM', async () => {
    const child = start([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--seed',
      '3',
      '--now',
      '2025-03-01T12:00:00Z',
    ]);
    try {
      const text = await waitForOutput(child, /control plane (http:\/\/127\.0\.0\.1:\d+)/);
      expect(text).toMatch(/digitalcx\s+http:\/\/127\.0\.0\.1:\d+\/digitalcx/);
      expect(text).toMatch(/seed 3 · clock 2025-03-01T12:00:00.000Z · scenario default/);
      expect(text).toMatch(/docs http:\/\/127\.0\.0\.1:\d+\/docs/);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      const health = await fetch(`${base}/__mock/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      // Without --workers, no cluster: the process started is the one that answers.
      expect(await health.json()).toMatchObject({ seed: 3, workers: 1, pid: child.pid });
      expect(await terminate(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('drains an in-flight request on SIGTERM, refuses new connections, and exits 0', async () => {
    const child = start([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--latency',
      '1500',
      '--now',
      '2025-03-01T12:00:00Z',
    ]);
    try {
      const text = await waitForOutput(child, /control plane/);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] as string;
      const url = `${base}/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z`;
      const inFlight = fetch(url, {
        headers: { Authorization: 'Bearer x' },
        signal: AbortSignal.timeout(8000),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      await waitForOutput(child, /SIGTERM received, draining/);
      const refused = await fetch(`${base}/__mock/health`, { signal: AbortSignal.timeout(3000) }).then(
        () => 'answered',
        () => 'refused',
      );
      expect(refused).toBe('refused');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect((await res.text()).startsWith('LogId,')).toBe(true);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops at boot with exit 2 and a message naming a bad variable', async () => {
    const child = start([], { MOCK_SEED: 'abc' });
    const text = await waitForOutput(child, /Invalid MOCK_SEED/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toContain("Invalid MOCK_SEED: 'abc'. Expected a whole number from 0 to 4294967295.");
  });

  it('stops at boot with exit 2 and a message listing the scenarios for an unknown one', async () => {
    const child = start(['--scenario', 'nope']);
    const text = await waitForOutput(child, /Invalid --scenario/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toContain(
      "Invalid --scenario / MOCK_SCENARIO: 'nope'. Expected one of default, connection-reset,",
    );
  });

  it('prints help with --help and exits 0', async () => {
    const child = start(['--help']);
    const text = await waitForOutput(child, /--no-admin/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(text).toContain('Usage: bot-analytics-mock');
  });

  it('starts with a scenario file given to --scenario, and reloads a scenario folder with --watch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const file = join(dir, 'retry.yaml');
    writeFileSync(file, 'description: Fail once.\nrules:\n  - share: 50%\n    status: 500\n');
    const child = start([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--scenario',
      file,
      '--scenario-dir',
      dir,
      '--watch',
    ]);
    try {
      const text = await waitForOutput(child, /control plane (http:\/\/127\.0\.0\.1:\d+)/);
      expect(text).toMatch(/scenario retry · watching scenario files/);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      const scenarios = async () => {
        const res = await fetch(`${base}/__mock/scenarios`, { signal: AbortSignal.timeout(5000) });
        return ((await res.json()) as { scenarios: { name: string }[] }).scenarios.map((s) => s.name);
      };
      expect(await scenarios()).toContain('retry');
      writeFileSync(join(dir, 'later.yaml'), 'description: Added while running.\n');
      await waitForOutput(child, /reloaded \d+ scenarios; 'retry' is in force\./);
      expect(await scenarios()).toContain('later');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops at boot with exit 2 and a message naming a bad scenario file, its line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'bad.yaml'), 'description: x\nrules:\n  - fault: explode\n');
    const child = start([], { MOCK_SCENARIO_DIR: dir });
    const text = await waitForOutput(child, /Invalid scenario file/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toContain(
      `bot-analytics-mock: Invalid scenario file ${join(dir, 'bad.yaml')}:3:12: rules[0].fault is "explode". Expected one of reset, truncate, stall.`,
    );
  });

  it('stops at boot with exit 2 for an unknown scenario, listing the known ones', async () => {
    const child = start(['--scenario', 'nope']);
    const text = await waitForOutput(child, /Invalid --scenario/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toMatch(/Invalid --scenario \/ MOCK_SCENARIO: 'nope'\. Expected one of default, .*flaky/);
  });
});
