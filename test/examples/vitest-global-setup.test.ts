import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { runToEnd } from '../support/child-process.js';

describe('examples/vitest', () => {
  it('runs the documented globalSetup example: one mock for the run, reached through inject()', async () => {
    const vitest = packagePath('node_modules', 'vitest', 'vitest.mjs');
    // A clean environment: the outer vitest's variables must not leak into the inner run.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$)/.test(k)));
    const { code, output } = await runToEnd(
      process.execPath,
      [vitest, 'run', '--config', packagePath('examples', 'vitest', 'vitest.config.ts')],
      { cwd: packagePath(), env, timeoutMs: 90_000 },
    );
    expect(output).toMatch(/Tests\s+.*3 passed/);
    expect(code, output).toBe(0);
  }, 100_000);
});
