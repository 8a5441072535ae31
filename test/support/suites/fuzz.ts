/**
 * The shared fuzz suite, spec-driven, over one API module: arbitrary paths, query strings, headers
 * and bodies. Properties: no 5xx, every response within the spec (send() checks it), no leaked
 * internals, no CR/LF in any response header, and the app still healthy afterwards.
 * test/fuzz.test.ts runs it for every registered API; an API of a test's own runs it too.
 */
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ApiModule } from '../../../src/core/api.js';
import { loadSpec, type SpecOperation } from '../../../src/core/spec.js';
import type { TestMock } from '../app.js';
import { send } from '../contract.js';

const NASTY = [
  '',
  '__proto__',
  'constructor',
  'prototype',
  '..',
  '%2e%2e',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '😀',
  'a'.repeat(2000),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "'",
  '"',
  ';',
  '<script>',
];

function sampleValues(operation: SpecOperation): string[] {
  const out = new Set<string>([
    '2025-02-28T00:00:00Z',
    '2025-03-01',
    '2025-02-28T10:00:00.000Z',
    '1',
    '7',
    '30',
  ]);
  for (const p of operation.parameters) {
    const schema = (p.schema.items ?? p.schema) as Record<string, unknown>;
    if (Array.isArray(schema.enum)) for (const v of schema.enum) out.add(String(v));
  }
  return [...out];
}

function value(operation: SpecOperation) {
  return fc.oneof(
    fc.constantFrom(...sampleValues(operation)),
    fc.constantFrom(...NASTY),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
}

function enc(text: string): string {
  // Keep deliberate percent-escapes as they are some of the time, encode the rest.
  return /^%[0-9a-z]{0,2}$/i.test(text) ? text : encodeURIComponent(text);
}

/** Runs the fuzz suite for one API; `newApp` builds a fresh app that serves it. */
export function fuzzSuite(api: ApiModule, newApp: () => TestMock): void {
  describe(`fuzz: ${api.name}`, () => {
    const spec = loadSpec(api);
    const { name, sample } = api;

    it('never answers 5xx, stays within the spec and leaks nothing, for arbitrary requests', async () => {
      const mock = newApp();
      const operation = fc.constantFrom(...spec.operations);
      const arbitraryRequest = operation.chain((op) =>
        fc.record({
          op: fc.constant(op),
          pathValues: fc.array(fc.oneof(fc.constantFrom('acme', 'bot-1', 'team-1', 'unknown'), value(op)), {
            minLength: 4,
            maxLength: 4,
          }),
          query: fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(...op.parameters.map((p) => p.name), 'x'),
                fc.constantFrom(...NASTY),
                fc.string({ maxLength: 10 }),
              ),
              value(op),
            ),
            { maxLength: 10 },
          ),
          auth: fc.oneof(
            fc.constant(sample.auth('s3cret')),
            fc.constant(sample.auth('viewer')),
            fc.record({
              Authorization: fc.oneof(
                fc.string({ maxLength: 60 }),
                fc.constantFrom(
                  'Bearer',
                  'Bearer ',
                  'Basic',
                  'Basic !!!',
                  'Digest x',
                  `Bearer ${'x'.repeat(4000)}`,
                ),
              ),
            }),
          ),
          extraPath: fc.oneof(fc.constant(''), fc.constantFrom('/..', '/%2e%2e/x', '/x/y/z', '/', '//')),
          body: fc.oneof(
            fc.constant(undefined),
            fc.jsonValue().map((v) => ({ json: JSON.stringify(v) ?? 'null' })),
            fc.string({ maxLength: 200 }),
          ),
          accept: fc.constantFrom('application/json', 'text/csv', '*/*', 'text/html', ''),
        }),
      );
      await fc.assert(
        fc.asyncProperty(arbitraryRequest, async (r) => {
          let i = 0;
          const path = r.op.path.replace(/\{[^}]+\}/g, () => enc(r.pathValues[i++] ?? 'x'));
          const qs = r.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
          const url = `/${name}${path}${r.extraPath}${qs ? `?${qs}` : ''}`;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(r.auth)) headers[k] = String(v).replace(/[^\x20-\x7e]/g, '');
          if (r.accept) headers.Accept = r.accept;
          const base = r.op.method === 'POST' ? request(mock).post(url) : request(mock).get(url);
          const test = base.set(headers);
          let res: Awaited<ReturnType<typeof send>>;
          if (r.op.method !== 'POST' || r.body === undefined) res = await send(test, { api });
          else if (typeof r.body === 'string') res = await send(test.type('form').send(r.body), { api });
          else res = await send(test.type('json').send(r.body.json), { api });
          expect(res.status, url).toBeLessThan(500);
          expect(res.text ?? '').not.toMatch(/\n\s+at |node_modules|\/work\/|[A-Za-z]+Error:/);
          for (const [k, v] of Object.entries(res.headers)) expect(String(v), k).not.toMatch(/[\r\n]/);
        }),
        { seed: 4242, numRuns: 150 },
      );
      const health = await request(mock).get('/__mock/health');
      expect(health.status).toBe(200);
    });
  });
}
