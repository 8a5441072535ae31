import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const HEAP_MODULE = new URL('../../../src/server/cli/heap.ts', import.meta.url).href;

/**
 * In a child process (V8 flags are per process, and this one runs other tests): the heap tuning
 * applied as the CLI applies it, with the given node flags, then bursts of short-lived
 * allocations, the event loop turning between them as between a server's requests. Returns the
 * flags it set and the young generation's size after the bursts.
 */
function afterBurst(nodeFlags: string[], apply = true): { set: string[]; youngMb: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { tuneHeap } = await import(${JSON.stringify(HEAP_MODULE)});
    const set = ${apply} ? tuneHeap(process.execArgv) : [];
    let keep = [];
    for (let burst = 0; burst < 100; burst++) {
      for (let i = 0; i < 2e4; i++) { keep.push({ i, s: String(i) }); if (keep.length > 1e5) keep = []; }
      await new Promise((turn) => setImmediate(turn));
    }
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(JSON.stringify({ set, youngMb: young.space_size / 1048576 }));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', ...nodeFlags, '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out) as { set: string[]; youngMb: number };
}

describe('the CLI heap', () => {
  it('keeps the young generation at 8 MB under allocation (V8 grows it to 32 MB)', () => {
    expect(afterBurst([], false).youngMb).toBeGreaterThanOrEqual(16);
    const tuned = afterBurst([]);
    expect(tuned.youngMb).toBeLessThanOrEqual(8);
    expect(tuned.set).toEqual(['--semi-space-growth-factor=1', '--heap-growing-percent=50']);
  });

  it('leaves the settings the user chose alone', () => {
    const own = afterBurst(['--max-semi-space-size=8', '--heap-growing-percent=20']);
    expect(own.set).toEqual([]);
    expect(own.youngMb).toBeGreaterThan(4);
    expect(afterBurst(['--heap-growing-percent=20']).set).toEqual(['--semi-space-growth-factor=1']);
  });
});
