import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';

/** Runs a command to its end (killed after `timeoutMs`) and returns its exit code and output. */
function run(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // A clean environment: the outer vitest's variables must not leak into the inner run.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$)/.test(k)));
    const child = spawn(process.execPath, args, {
      cwd: packagePath(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('examples/vitest', () => {
  it('runs the documented globalSetup example: one mock for the run, reached through inject()', async () => {
    const vitest = packagePath('node_modules', 'vitest', 'vitest.mjs');
    const { code, output } = await run(
      [vitest, 'run', '--config', packagePath('examples', 'vitest', 'vitest.config.ts')],
      90_000,
    );
    expect(output).toMatch(/Tests\s+.*3 passed/);
    expect(code, output).toBe(0);
  }, 100_000);
});
