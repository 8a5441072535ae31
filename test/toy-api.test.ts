/**
 * A sixth API is one folder, one spec and one registry line: the toy API of test/fixtures/acme,
 * registered next to the real five, runs through routing, scenarios, the conformance and fuzz
 * suites, the spec checks and /docs, with nothing else told about it.
 */
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { provenanceProblems } from '../src/core/provenance.js';
import { operationSchemas } from '../src/core/request-validator.js';
import { SchemaCompiler } from '../src/core/schema-compiler.js';
import { loadSpec } from '../src/core/spec.js';
import { ScenarioFileError } from '../src/scenarios/problems.js';
import { API_MODULES } from '../src/server/registry.js';
import { acme } from './fixtures/acme/index.js';
import { testApp } from './support/app.js';
import { apiClient } from './support/client.js';
import { conformanceSuite } from './support/suites/conformance.js';
import { fuzzSuite } from './support/suites/fuzz.js';

/** The one registry line: what src/server/registry.ts would list with the API added. */
const REGISTRY = [...API_MODULES, acme];
const SCENARIOS = fileURLToPath(new URL('./fixtures/acme/scenarios', import.meta.url));
const APIS = ['acme', 'chatbotcom'];

const newApp = () => testApp({ apis: APIS, scenarioDir: SCENARIOS }, [], { registry: REGISTRY });

conformanceSuite(acme, newApp);
fuzzSuite(acme, newApp);

describe('the toy API', () => {
  it('is routed by its spec: its path parameter read, another method refused in its shape', async () => {
    const mock = newApp();
    const client = apiClient(acme, mock);
    const site = await client.ok<{ data: { date: string; visits: number }[]; total: number }>(
      '/v1/sites/shop-1/visits/daily',
      { query: { days: 3 } },
    );
    expect(site.data.map((d) => d.date)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01']);
    expect(site.total).toBe(site.data.reduce((sum, d) => sum + d.visits, 0));
    const all = await client.ok<{ data: { visits: number }[] }>('/v1/visits/daily', { query: { days: 3 } });
    expect(all.data).not.toEqual(site.data);

    const post = await client.post('/v1/visits/daily');
    expect(post.status).toBe(405);
    expect(post.body).toEqual({
      error: { status: 405, message: expect.stringContaining('GET') },
    });
  });

  it('validates its parameters from its spec: a 400 in its shape naming the parameter and the range', async () => {
    const res = await apiClient(acme, newApp()).get('/v1/visits/daily', { query: { days: 99 } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { status: 400, message: "Invalid query parameter 'days': '99' must be <= 31." },
    });
  });

  it("serves its spec's operations only under its prefix, next to the other mounted APIs", async () => {
    const mock = newApp();
    expect([...mock.specs.keys()].sort()).toEqual([...APIS].sort());
    expect((await apiClient('chatbotcom', mock).sample()).status).toBe(200);
  });

  it('accepts a scenario file naming match.api: acme, and applies its rule to acme only', async () => {
    const mock = newApp();
    const outage = { headers: { 'X-Mock-Scenario': 'acme-outage' } };
    const res = await apiClient(acme, mock).sample(outage);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { status: 500, message: 'Internal error' } });
    expect((await apiClient('chatbotcom', mock).sample(outage)).status).toBe(200);
  });

  it('has its name refused in a scenario file when it is not registered: the names come from the registry', () => {
    expect(() => testApp({ scenarioDir: SCENARIOS })).toThrow(ScenarioFileError);
    expect(() => testApp({ scenarioDir: SCENARIOS })).toThrow(
      /rules\[0\]\.match\.api is "acme"\. Expected one of logicdialog, chatlayer, chatbotcom, digitalcx, generalbots, or a list of them\./,
    );
  });

  it('answers a built-in scenario like every API: server-error gives its documented 500', async () => {
    const res = await apiClient(acme, newApp()).sample({ headers: { 'X-Mock-Scenario': 'server-error' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { status: 500, message: 'Internal error' } });
  });

  it('passes the spec checks: provenance everywhere, and every schema compiles in strict mode', () => {
    const spec = loadSpec(acme);
    expect(provenanceProblems(spec.document, () => true)).toEqual([]);
    const compiler = new SchemaCompiler(spec);
    for (const op of spec.operations) for (const named of operationSchemas(op)) compiler.validator(named);
  });

  it('is listed in /docs, its reference page renders its operations, and the control plane serves its spec', async () => {
    const app = newApp();
    const landing = await request(app).get('/docs');
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('href="/docs/acme"');
    expect(landing.text).toContain('Acme Visits API');
    for (const id of acme.operationIds) expect(landing.text).toContain(id);
    const reference = await request(app).get('/docs/acme');
    expect(reference.status).toBe(200);
    expect(reference.headers['content-type']).toMatch(/^text\/html/);
    const spec = await request(app).get('/docs/acme/spec.yaml');
    expect(spec.text).toContain('getSiteDailyVisits');
    const served = await request(app).get('/__mock/specs/acme').set('Accept', 'application/json');
    expect(served.status).toBe(200);
    expect(served.body.info.title).toBe('Acme Visits API (bot-analytics-mock test fixture)');
    const health = await request(app).get('/__mock/health');
    expect(JSON.stringify(health.body)).toContain('acme');
  });
});
