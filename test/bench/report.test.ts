import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, prismUrl } from '../../bench/endpoints.js';
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
});
