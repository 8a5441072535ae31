import { describe, expect, it } from 'vitest';
import type { SpecOperation } from '../../../src/core/spec.js';
import { loadSpec } from '../../../src/core/spec.js';
import { RouteMatcher } from '../../../src/server/pipeline/route-matcher.js';
import { API_MODULES } from '../../../src/server/registry.js';

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

/**
 * The matching rule written plainly: every path as a regex, more literal segments first (then spec
 * order), the first that matches wins, a trailing slash dropped if nothing matches as sent.
 */
function plainMatch(operations: readonly SpecOperation[], method: string, path: string) {
  const paths = [...new Set(operations.map((o) => o.path))]
    .map((template) => ({
      template,
      names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
      regex: new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('')}$`,
      ),
      score: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    .sort((a, b) => b.score - a.score);
  const once = (p: string) => {
    const hit = paths.find((c) => c.regex.test(p));
    if (!hit) return undefined;
    const op = operations.find(
      (o) => o.path === hit.template && o.method === (method === 'HEAD' ? 'GET' : method),
    );
    return op ? op.operationId : `method ${hit.template}`;
  };
  return once(path) ?? (path.length > 1 && path.endsWith('/') ? once(path.slice(0, -1)) : undefined);
}

describe('the route matcher on every API', () => {
  it.each(API_MODULES.map((m) => [m.name, m] as const))('finds what the plain rule finds (%s)', (_, api) => {
    const { operations } = loadSpec(api);
    const matcher = new RouteMatcher(operations);
    const paths = new Set<string>();
    for (const { path } of operations) {
      for (const value of ['x', '', 'a%2Fb', 'a/b', '123'])
        for (const tail of ['', '/', '/more', 'x']) paths.add(path.replace(/\{[^}]+\}/g, value) + tail);
      paths.add(path.split('/').slice(0, -1).join('/'));
    }
    paths.add('/');
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST', 'DELETE']) {
        const found = matcher.match(method, path);
        const got =
          found.kind === 'found'
            ? found.operation.operationId
            : found.kind === 'method'
              ? 'method'
              : undefined;
        const want = plainMatch(operations, method, path);
        expect([method, path, got]).toEqual([method, path, want?.startsWith('method') ? 'method' : want]);
      }
    }
  });
});
