import { describe, expect, it } from 'vitest';
import type { SpecOperation } from '../../../src/core/spec.js';
import { RouteMatcher } from '../../../src/server/pipeline/route-matcher.js';

function op(method: string, path: string): SpecOperation {
  return {
    operationId: `${method} ${path}`,
    method,
    path,
    parameters: [],
    requestBody: undefined,
    responses: [],
    raw: {},
  };
}

function idOf(found: ReturnType<RouteMatcher['match']>) {
  return found.kind === 'found' ? [found.operation.operationId, found.params] : found;
}

describe('the route matcher', () => {
  const matcher = new RouteMatcher([
    op('GET', '/reports/{report_id}'),
    op('GET', '/reports/'),
    op('GET', '/reports/summary'),
    op('POST', '/reports/summary'),
    op('GET', '/bots/{bot_id}/flow'),
    op('GET', '/usage'),
  ]);

  it('finds a path without parameters, for GET, HEAD and its other methods', () => {
    expect(idOf(matcher.match('GET', '/reports/summary'))).toEqual(['GET /reports/summary', {}]);
    expect(idOf(matcher.match('HEAD', '/reports/summary'))).toEqual(['GET /reports/summary', {}]);
    expect(idOf(matcher.match('POST', '/reports/summary'))).toEqual(['POST /reports/summary', {}]);
    expect(matcher.match('DELETE', '/reports/summary')).toEqual({
      kind: 'method',
      allowed: ['GET', 'POST', 'HEAD'],
    });
    expect(matcher.match('DELETE', '/usage')).toEqual({ kind: 'method', allowed: ['GET', 'HEAD'] });
  });

  it('prefers more literal segments, and between equals the one the spec lists first', () => {
    // `/reports/summary` has two literal segments, `/reports/{report_id}` one.
    expect(idOf(matcher.match('GET', '/reports/weekly'))).toEqual([
      'GET /reports/{report_id}',
      { report_id: 'weekly' },
    ]);
    // `/reports/` and `/reports/{report_id}` both have one: the template is listed first and takes
    // `/reports/` with an empty id, although `/reports/` is a path of its own.
    expect(idOf(matcher.match('GET', '/reports/'))).toEqual(['GET /reports/{report_id}', { report_id: '' }]);
  });

  it('decodes parameters, ignores a trailing slash only when the path as sent names nothing', () => {
    expect(idOf(matcher.match('GET', '/bots/b%201/flow'))).toEqual([
      'GET /bots/{bot_id}/flow',
      { bot_id: 'b 1' },
    ]);
    expect(idOf(matcher.match('GET', '/bots/%E0%A4%A/flow'))).toEqual([
      'GET /bots/{bot_id}/flow',
      { bot_id: '%E0%A4%A' },
    ]);
    expect(idOf(matcher.match('GET', '/usage/'))).toEqual(['GET /usage', {}]);
    expect(matcher.match('GET', '/Usage')).toEqual({ kind: 'none' });
    expect(matcher.match('GET', '/usage/x')).toEqual({ kind: 'none' });
  });
});
