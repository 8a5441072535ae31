import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { terminate, waitForOutput } from '../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli.js');

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
      expect(((await health.json()) as { seed: number }).seed).toBe(3);
      expect(await terminate(child)).toBe(0);
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
    const text = await waitForOutput(child, /Unknown scenario/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(text).toContain(
      "Unknown scenario 'nope'. Known scenarios: default. Set --scenario or MOCK_SCENARIO to one of them.",
    );
  });

  it('prints help with --help and exits 0', async () => {
    const child = start(['--help']);
    const text = await waitForOutput(child, /--no-admin/);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(text).toContain('Usage: bot-analytics-mock');
  });
});
