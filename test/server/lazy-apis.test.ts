import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { LazyMap } from '../../src/core/lazy-map.js';
import { jsonArtifactIsFresh } from '../../src/core/precompiled.js';
import type { LoadedSpec } from '../../src/core/spec.js';
import { loadSpec, specArtifactName, specLoadsSafely } from '../../src/core/spec.js';
import { API_MODULES } from '../../src/server/registry.js';
import { testApp } from '../support/app.js';

/** Each API's sample request: what a first request of a fresh start looks like. */
const SAMPLES = API_MODULES.flatMap((m) => (m.sample ? [[m.name, m.sample] as const] : []));

describe('APIs made on first use (app.ts)', () => {
  it('reads no spec at start but the ones asked for', async () => {
    const mock = testApp();
    const specs = mock.specs as LazyMap<string, LoadedSpec>;
    expect([...specs.keys()]).toEqual(API_MODULES.map((m) => m.name));
    expect(API_MODULES.filter((m) => specs.isMade(m.name))).toEqual([]);
    const [name, sample] = SAMPLES[0] as (typeof SAMPLES)[number];
    await request(mock).get(`/${name}${sample.path}`).set(sample.auth('s3cret')).expect(200);
    expect(API_MODULES.filter((m) => specs.isMade(m.name)).map((m) => m.name)).toEqual([name]);
  });

  it.each(SAMPLES)(
    'answers %s the same as a mock whose specs were all read at start',
    async (name, sample) => {
      const lazy = testApp();
      const eager = testApp();
      // The health check reads every spec (their hashes): the eager mock has them all before its request.
      await request(eager).get('/__mock/health').expect(200);
      const ask = (mock: typeof lazy) =>
        request(mock).get(`/${name}${sample.path}`).set(sample.auth('s3cret'));
      const [a, b] = [await ask(lazy), await ask(eager)];
      expect(a.status).toBe(b.status);
      expect(a.text).toBe(b.text);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
    },
  );

  it('health, docs and the control plane see every spec, as read from its file', async () => {
    const mock = testApp();
    const health = await request(mock).get('/__mock/health').expect(200);
    for (const m of API_MODULES) expect(health.body.specs[m.name].sha256).toBe(loadSpec(m).sha256);
    await request(mock).get('/__mock/specs/chatlayer').expect(200);
    await request(mock).get('/docs/digitalcx/spec.yaml').expect(200);
  });
});

describe('specLoadsSafely', () => {
  it('is true for the shipped specs the build parsed, false for a text it did not', () => {
    for (const m of API_MODULES) expect(specLoadsSafely(m)).toBe(true);
    expect(jsonArtifactIsFresh(specArtifactName('digitalcx'), 'openapi: 3.1.0\n')).toBe(false);
    expect(jsonArtifactIsFresh('specs/no-such-api.json', '')).toBe(false);
    expect(specLoadsSafely({ name: 'digitalcx', specFile: '/nowhere/else.yaml' })).toBe(false);
  });
});
