import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keepYoungGenerationSmall } from '../../src/server/heap.js';

const HEAP_MODULE = new URL('../../src/server/heap.ts', import.meta.url).href;

/**
 * The young generation's size after a burst of short-lived allocations, in a child process (V8 flags
 * are per process), with the heap setting applied as the CLI applies it and the given node flags.
 */
function youngGenerationMb(nodeFlags: string[], apply = true): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { keepYoungGenerationSmall } = await import(${JSON.stringify(HEAP_MODULE)});
    if (${apply}) keepYoungGenerationSmall(process.execArgv);
    let keep = [];
    for (let i = 0; i < 2e6; i++) { keep.push({ i, s: String(i) }); if (keep.length > 1e5) keep = []; }
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1048576));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', ...nodeFlags, '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return Number(out);
}

describe('the CLI heap', () => {
  it('keeps the young generation near its initial size under allocation (V8 grows it to 32 MB)', () => {
    expect(youngGenerationMb([], false)).toBeGreaterThanOrEqual(16);
    expect(youngGenerationMb([])).toBeLessThanOrEqual(4);
  });

  it('leaves a semi-space size the user chose alone', () => {
    expect(youngGenerationMb(['--max-semi-space-size=8'])).toBeGreaterThan(4);
    expect(keepYoungGenerationSmall(['--max-semi-space-size=8'])).toBe(false);
  });
});
