import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/core/spec.js';
import { API_MODULES } from '../../src/server/registry.js';

const NOW = Date.parse('2026-03-01T12:34:56Z');

describe.each(API_MODULES.map((m) => [m.name, m] as const))('the probes of %s', (name, module) => {
  const spec = loadSpec(name);
  const probes = module.probes?.build({ now: NOW, params: {}, spec }) ?? [];

  it('exist, beside the API module', () => {
    expect(module.probes).toBeDefined();
    expect(probes.length).toBeGreaterThan(0);
  });

  it('cover every read operation of the spec with a request meant to succeed', () => {
    const reads = spec.operations.filter((op) => op.method === 'GET').map((op) => op.operationId);
    const covered = new Set(
      probes.filter((p) => p.expectStatus === undefined && !p.anonymous).map((p) => p.operationId),
    );
    // A read reached only by following another probe's answer (a created report) counts via that probe.
    for (const probe of probes)
      for (const next of probe.next?.({ status: 201, headers: {}, body: { data: { id: 'x' } } }) ?? [])
        covered.add(next.operationId);
    expect(reads.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('name operations of the spec, with unique names, and flag every non-GET as a write', () => {
    const ids = new Set(spec.operations.map((op) => op.operationId));
    for (const probe of probes) {
      expect(ids, probe.name).toContain(probe.operationId);
      if (probe.method !== 'GET') expect(probe.write, probe.name).toBe(true);
    }
    expect(new Set(probes.map((p) => p.name)).size).toBe(probes.length);
  });

  it('include documented error cases', () => {
    expect(probes.some((p) => p.anonymous && p.expectStatus === 401)).toBe(true);
    expect(probes.some((p) => p.expectStatus === 400 || p.expectStatus === 404)).toBe(true);
  });

  it('give a --help example and describe every parameter they read', () => {
    expect(module.probes?.example).toMatch(new RegExp(`^verify ${name} --target https?://`));
  });
});

it('puts the caller ids of --param into the requests', () => {
  const digitalcx = API_MODULES.find((m) => m.name === 'digitalcx');
  const spec = loadSpec('digitalcx');
  const probes =
    digitalcx?.probes?.build({ now: NOW, params: { customerKey: 'cm', projectKey: 'p1' }, spec }) ?? [];
  expect(probes[0]?.path).toBe('/cm/projects/p1/interactions');
  // The documented limits: a window inside one day, within 90 days of now.
  const q = probes[0]?.query as Record<string, string>;
  expect(Date.parse(q.endDate as string) - Date.parse(q.startDate as string)).toBeLessThanOrEqual(86_400_000);
  expect(NOW - Date.parse(q.startDate as string)).toBeLessThan(90 * 86_400_000);
});
