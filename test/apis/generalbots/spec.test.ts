import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/core/spec.js';

type Node = Record<string, unknown>;

const spec = loadSpec('generalbots');
const node = (value: unknown): Node => (value ?? {}) as Node;

describe('the General Bots spec', () => {
  it('serves the 15 documented operations under /api/v1/analytics (their handlers: the conformance suite)', () => {
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
    expect(node((spec.document.servers as unknown[])[0]).url).toBe('/generalbots');
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
