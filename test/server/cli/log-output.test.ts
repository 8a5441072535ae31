/**
 * Issue 20 item 6: logging never stops the server. A real child process logs into a pipe whose
 * reader goes away, or stops reading; the mock keeps serving and drains on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { terminate, waitForOutput } from '../../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');
const USAGE = '/generalbots/api/v1/analytics/usage?days=1';

function start(): ChildProcess {
  return spawn(
    process.execPath,
    [CLI, '--port', '0', '--host', '127.0.0.1', '--now', '2025-03-01T12:00:00Z', '--response-cache', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** The base URL from the banner; then the test stops reading stdout (its listeners are removed). */
async function baseOf(child: ChildProcess): Promise<string> {
  const text = await waitForOutput(child, /control plane (http:\/\/127\.0\.0\.1:\d+)/);
  child.stdout?.removeAllListeners('data');
  return (/control plane (http:\/\/127\.0\.0\.1:\d+)/.exec(text) as RegExpExecArray)[1] as string;
}

/** Sends `count` requests, `width` at a time, each with a query of `padding` characters; returns the statuses. */
async function load(base: string, count: number, padding: number, width = 8): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${base}${USAGE}&pad=${'x'.repeat(padding)}${i}`, {
        headers: { Authorization: 'Bearer x' },
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return statuses;
}

/** What the child says on stderr from now on. */
function stderrOf(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

describe('log output', () => {
  it('keeps serving after its log reader exits, says so once on stderr, and drains on SIGTERM', async () => {
    const child = start();
    try {
      const base = await baseOf(child);
      const stderr = stderrOf(child);
      child.stdout?.destroy(); // the reader goes away: the child's next write is EPIPE
      const statuses = await load(base, 60, 10);
      expect(statuses.every((status) => status < 500)).toBe(true);
      expect(statuses).toHaveLength(60);
      const code = await terminate(child, 10_000);
      expect(code).toBe(0);
      expect(stderr().match(/log output failed \(EPIPE\)/g)).toHaveLength(1);
      expect(stderr()).not.toMatch(/Unhandled|EPIPE\n\s+at /);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('keeps serving while its log reader stops reading, drops lines, and still exits on SIGTERM', async () => {
    const child = start();
    try {
      const base = await baseOf(child);
      const stderr = stderrOf(child);
      child.stdout?.pause(); // the reader is alive but reads nothing: the pipe fills up
      // About 2.4 MB of log lines: more than a pipe and the sink's 1 MB backlog hold.
      const statuses = await load(base, 400, 6000);
      expect(statuses.every((status) => status < 500)).toBe(true);
      const code = await terminate(child, 10_000);
      expect(code).toBe(0);
      expect(stderr().match(/log output is not keeping up/g)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
