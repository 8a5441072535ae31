/**
 * The shared conformance suite: what every API answers the same way, run over one API module.
 * test/conformance.test.ts runs it for every registered API; an API of a test's own runs it too.
 * Exact answers are pinned in the calling file's snapshots: status, content type, the vendor's
 * authentication header, and the body (the sample's 200 bodies by length and SHA-256).
 */
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ApiModule } from '../../../src/core/api.js';
import { loadSpec } from '../../../src/core/spec.js';
import type { TestMock } from '../app.js';
import { apiClient } from '../client.js';

/** What a snapshot pins of an answer: everything a client reads but the Date and the mock's own headers. */
function exact(res: Response, hashBody = false) {
  const text = res.text ?? '';
  return {
    status: res.status,
    type: res.headers['content-type'],
    ...(res.headers['www-authenticate'] ? { authenticate: res.headers['www-authenticate'] } : {}),
    body: hashBody
      ? { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') }
      : text,
  };
}

/** Runs the conformance suite for one API; `newApp` builds a fresh app that serves it. */
export function conformanceSuite(api: ApiModule, newApp: () => TestMock): void {
  const client = (mock = newApp()) => apiClient(api, mock);

  describe(`conformance: ${api.name}`, () => {
    it('lists the operationIds of its spec, in spec order (the type its handler map satisfies)', () => {
      expect(api.operationIds).toEqual(loadSpec(api).operations.map((op) => op.operationId));
    });

    it('has a handler for every operation of its spec and no handler without one', () => {
      const ids = loadSpec(api)
        .operations.map((op) => op.operationId)
        .sort();
      expect(Object.keys(api.handlers).sort()).toEqual(ids);
    });

    it('answers the sample request with 200, identically from two app instances', async () => {
      const first = await client().sample();
      const second = await client().sample();
      expect(first.status).toBe(200);
      expect(second.text).toBe(first.text);
      expect(first.headers['x-mock-seed']).toBe('1');
      expect(exact(first, true)).toMatchSnapshot();
    });

    it('answers other data for another seed, the same from any app instance', async () => {
      const seed99 = { headers: { 'X-Mock-Seed': '99' } };
      const base = await client().sample();
      const other = await client().sample(seed99);
      expect(other.status).toBe(200);
      expect(other.headers['x-mock-seed']).toBe('99');
      expect(other.text).not.toBe(base.text);
      expect((await client().sample(seed99)).text).toBe(other.text);
      expect(exact(other, true)).toMatchSnapshot();
    });

    it.each([
      ['no credential', null, 401],
      ['the magic expired credential', 'expired', 401],
      ['the magic forbidden credential', 'forbidden', 403],
    ] as const)('answers %s with its status in the vendor shape', async (_, secret, status) => {
      const res = await client().sample({ secret });
      expect(res.status).toBe(status);
      expect(exact(res)).toMatchSnapshot();
    });

    it.each(['1969-12-31T23:59:59Z', '2100-01-01T00:00:00.001Z'])(
      'refuses X-Mock-Now %s (outside 1970 to 2100) with a 400 naming the header and the range',
      async (now) => {
        const res = await client().sample({ headers: { 'X-Mock-Now': now } });
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/X-Mock-Now.*from 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z/);
        expect(exact(res)).toMatchSnapshot();
      },
    );

    it('accepts X-Mock-Now at both ends of its range', async () => {
      const c = client();
      for (const now of ['1970-01-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
        const res = await c.sample({ headers: { 'X-Mock-Now': now } });
        // Other rules may still refuse the sample at such a clock, but not the header.
        expect(res.text, now).not.toMatch(/X-Mock-Now/);
      }
    });

    it('answers Prefer: code=500 with the documented 500', async () => {
      const res = await client().sample({ headers: { Prefer: 'code=500' } });
      expect(res.status).toBe(500);
      expect(exact(res)).toMatchSnapshot();
    });

    it('answers an unknown path under its prefix with a 404 that leaks nothing', async () => {
      const res = await client().get('/no/such/path');
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/\n\s+at |node_modules|\/work\//);
      expect(exact(res)).toMatchSnapshot();
    });
  });
}
