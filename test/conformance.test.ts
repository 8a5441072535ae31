/** The shared conformance suite: one suite, every registered API as a subject. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../src/core/spec.js';
import { API_MODULES } from '../src/server/registry.js';
import { testApp } from './support/app.js';
import { API_CASES, type ApiCase } from './support/cases.js';
import { send } from './support/contract.js';

function call(c: ApiCase, headers: Record<string, string>, app = testApp().app) {
  const test =
    c.sample.method === 'GET'
      ? request(app).get(c.sample.url)
      : request(app)
          .post(c.sample.url)
          .send(c.sample.body as object);
  return send(test.set(headers));
}

describe.each(API_MODULES.map((m) => [m.name, m] as const))('conformance: %s', (name, module) => {
  const c = API_CASES[name] as ApiCase;

  it('has a conformance case', () => {
    expect(c, `add ${name} to test/support/cases.ts`).toBeDefined();
  });

  it('lists the operationIds of its spec, in spec order (the type its handler map satisfies)', () => {
    expect(module.operationIds).toEqual(loadSpec(name).operations.map((op) => op.operationId));
  });

  it('has a handler for every operation of its spec and no handler without one', () => {
    const ids = loadSpec(name)
      .operations.map((op) => op.operationId)
      .sort();
    expect(Object.keys(module.handlers).sort()).toEqual(ids);
  });

  it('answers the sample request with 200, identically from two app instances', async () => {
    const first = await call(c, c.auth('s3cret'));
    const second = await call(c, c.auth('s3cret'));
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(first.headers['x-mock-seed']).toBe('1');
  });

  it('answers other data for another seed', async () => {
    const base = await call(c, c.auth('s3cret'));
    const other = await call(c, { ...c.auth('s3cret'), 'X-Mock-Seed': '99' });
    expect(other.text).not.toBe(base.text);
  });

  it.each([
    ['no credential', {}, 401],
    ['the magic expired credential', null, 401],
    ['the magic forbidden credential', null, 403],
  ] as const)('answers %s with its status in the vendor shape', async (label, headers, status) => {
    const secret = label.includes('expired') ? 'expired' : 'forbidden';
    const res = await call(c, headers ?? c.auth(secret));
    expect(res.status).toBe(status);
  });

  it.each(['1969-12-31T23:59:59Z', '2100-01-01T00:00:00.001Z'])(
    'refuses X-Mock-Now %s (outside 1970 to 2100) with a 400 naming the header and the range',
    async (now) => {
      const res = await call(c, { ...c.auth('s3cret'), 'X-Mock-Now': now });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/X-Mock-Now.*from 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z/);
    },
  );

  it('accepts X-Mock-Now at both ends of its range', async () => {
    for (const now of ['1970-01-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
      const res = await call(c, { ...c.auth('s3cret'), 'X-Mock-Now': now });
      // Other rules may still refuse the sample at such a clock, but not the header.
      expect(res.text, now).not.toMatch(/X-Mock-Now/);
    }
  });

  it('answers Prefer: code=500 with the documented 500', async () => {
    const res = await call(c, { ...c.auth('s3cret'), Prefer: 'code=500' });
    expect(res.status).toBe(500);
  });

  it('answers an unknown path under its prefix with a 404 that leaks nothing', async () => {
    const res = await request(testApp().app).get(`/${name}/no/such/path`).set(c.auth('s3cret'));
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/\n\s+at |node_modules|\/work\//);
  });
});
