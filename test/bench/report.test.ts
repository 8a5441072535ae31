import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, prismUrl, recentDays } from '../../bench/endpoints.js';
import { type BenchResult, renderReport } from '../../bench/report.js';
import { checkTargets } from '../../bench/targets.js';
import { packagePath } from '../../src/core/paths.js';

function unmountedRun(): BenchResult {
  return {
    machine: 'test machine',
    date: '2025-03-01',
    options: {
      seconds: 5,
      rounds: 2,
      connections: 32,
      warmupSeconds: 1,
      workers: 2,
      out: 'RESULTS.md',
      parts: ['compare', 'scaling', 'workers'],
    },
    endpoints: ENDPOINTS.map((endpoint) => ({ endpoint, skipped: 'n/a (API not mounted)' })),
    scaling: { series: [], csv: 'n/a (API not mounted)' },
    workers: 'n/a (no API mounted)',
  };
}

describe('bench', () => {
  it('has a representative endpoint for every API with a spec', () => {
    const specs = readdirSync(packagePath('specs')).map((f) => f.replace(/\.yaml$/, ''));
    expect([...new Set(ENDPOINTS.map((e) => e.api))].sort()).toEqual(specs.sort());
  });

  it('sends Prism the spec path without our API prefix', () => {
    const month = ENDPOINTS.find((e) => e.api === 'chatbotcom');
    expect(month && prismUrl(month)).toBe(
      '/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
    );
  });

  it('reports endpoints of unmounted APIs as n/a rather than failing', () => {
    const report = renderReport(unmountedRun());
    expect(report).toMatch(/\| ChatBot\.com month by day +\| n\/a \(API not mounted\) +\|/);
    expect(report).toContain('## Targets');
  });

  it('never counts a target as met when its figure was not measured', () => {
    const run = unmountedRun();
    const verdicts = checkTargets(run.endpoints, run.scaling).map((t) => t.verdict);
    expect(new Set(verdicts)).toEqual(new Set(['n/a']));
  });

  it('asks the real-clock server for complete days in the recent past, within 90 days', () => {
    const now = Date.parse('2026-12-03T19:47:30.123Z');
    const dayStart = Date.parse('2026-12-03T00:00:00Z');
    for (const endpoint of ENDPOINTS) {
      const url = endpoint.realClockUrl(now);
      const instants = [...url.matchAll(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g)].map((m) => Date.parse(m[0]));
      for (const t of instants) {
        expect(t).toBeLessThanOrEqual(dayStart);
        expect(t).toBeGreaterThanOrEqual(dayStart - 90 * 86_400_000);
      }
      expect(url.startsWith(`/${endpoint.api}/`)).toBe(true);
    }
    expect(recentDays(now, 1)).toEqual({
      start: '2026-12-02T00:00:00.000Z',
      end: '2026-12-03T00:00:00.000Z',
    });
  });

  it('judges the real-clock target on the worst JSON endpoint', () => {
    const load = (rps: number) => ({ rps, p50: 1, p99: 5, rssMb: 80, failures: 0, bodyBytes: 100 });
    const run = (realRps: (api: string) => number) =>
      ENDPOINTS.map((endpoint) => ({
        endpoint,
        servers: [
          { kind: 'ours, real clock' as const, load: load(realRps(endpoint.api)), coldStartMs: undefined },
          { kind: 'bare' as const, load: load(1000), coldStartMs: undefined },
        ],
      }));
    const verdict = (realRps: (api: string) => number) =>
      checkTargets(run(realRps), { series: [], csv: 'n/a' }).find((t) => t.target.startsWith('real clock'));
    expect(verdict(() => 1200)?.verdict).toBe('met');
    const slowChatlayer = verdict((api) => (api === 'chatlayer' ? 500 : 1200));
    expect(slowChatlayer?.verdict).toBe('missed');
    expect(slowChatlayer?.measured).toContain('Chatlayer');
    // A CSV endpoint is not held to the JSON target.
    expect(verdict((api) => (api === 'digitalcx' ? 100 : 1200))?.verdict).toBe('met');
  });
});
