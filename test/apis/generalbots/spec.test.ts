import { describe, expect, it } from 'vitest';
import { generalbots } from '../../../src/apis/generalbots/index.js';
import { loadSpec } from '../../../src/core/spec.js';

type Node = Record<string, unknown>;

const spec = loadSpec('generalbots');
const node = (value: unknown): Node => (value ?? {}) as Node;
const components = node(spec.document.components);

/** Every place that must say where it comes from, by a readable name. */
function provenanceSites(): [string, Node][] {
  const sites: [string, Node][] = [];
  for (const op of spec.operations) sites.push([`operation ${op.operationId}`, op.raw]);
  for (const [name, p] of Object.entries(node(components.parameters)))
    sites.push([`parameter ${name}`, node(p)]);
  const walk = (where: string, schema: Node) => {
    for (const [prop, sub] of Object.entries(node(schema.properties))) {
      sites.push([`${where}.${prop}`, node(sub)]);
      walk(`${where}.${prop}`, node(sub));
    }
  };
  for (const [name, schema] of Object.entries(node(components.schemas))) {
    sites.push([`schema ${name}`, node(schema)]);
    walk(name, node(schema));
  }
  return sites;
}

describe('the General Bots spec', () => {
  it('serves the 15 documented operations under /api/v1/analytics, with a handler each', () => {
    const routes = spec.operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(routes).toEqual(
      [
        'GET /api/v1/analytics/usage',
        'GET /api/v1/analytics/usage/daily',
        'GET /api/v1/analytics/usage/monthly',
        'GET /api/v1/analytics/conversations',
        'GET /api/v1/analytics/conversations/volume',
        'GET /api/v1/analytics/conversations/duration',
        'GET /api/v1/analytics/conversations/resolution',
        'GET /api/v1/analytics/engagement',
        'GET /api/v1/analytics/engagement/retention',
        'GET /api/v1/analytics/engagement/satisfaction',
        'POST /api/v1/analytics/reports',
        'GET /api/v1/analytics/reports',
        'GET /api/v1/analytics/reports/{report_id}',
        'GET /api/v1/analytics/realtime',
        'GET /api/v1/analytics/realtime/active',
      ].sort(),
    );
    expect(Object.keys(generalbots.handlers).sort()).toEqual(
      spec.operations.map((o) => o.operationId).sort(),
    );
    expect(node((spec.document.servers as unknown[])[0]).url).toBe('/generalbots');
    expect(node(spec.document.info)['x-vendor-doc']).toBe('vendor-docs/generalbots.txt');
  });

  it('says where every operation, parameter, schema and property comes from', () => {
    const missing = provenanceSites()
      .filter(([, node]) => node['x-source'] !== 'doc' && node['x-source'] !== 'inferred')
      .map(([where]) => where);
    const unexplained = provenanceSites()
      .filter(([, node]) => node['x-source'] === 'inferred' && typeof node['x-source-note'] !== 'string')
      .map(([where]) => where);
    expect(missing).toEqual([]);
    expect(unexplained).toEqual([]);
  });

  it('lists the roles of every operation, reports for analytics_admin and admin only', () => {
    for (const op of spec.operations) {
      const roles = op.raw['x-required-roles'];
      const reports = op.path.includes('/reports');
      expect(roles, op.operationId).toEqual(
        reports ? ['analytics_admin', 'admin'] : ['analytics_viewer', 'admin'],
      );
    }
  });
});
