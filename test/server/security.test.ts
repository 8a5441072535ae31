/** Security properties from SECURITY.md that no other test pins down. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiFacts } from '../../src/scenarios/api-facts.js';
import { loadScenarioFile } from '../../src/scenarios/load-scenarios.js';
import { API_MODULES } from '../../src/server/registry.js';
import { testApp } from '../support/app.js';

describe('security', () => {
  it.each([
    '/docs/assets/..%2F..%2Fpackage.json',
    '/docs/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/docs/..%2Fpackage.json',
    '/__mock/specs/..%2F..%2Fpackage.json',
    '/__mock/specs/%2e%2e',
  ])('serves nothing outside its allow-list for %s', async (url) => {
    const res = await request(testApp()).get(url);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('"dependencies"');
  });

  it.each([
    ['a __proto__ key at the top', '__proto__:\n  polluted: 1\ndescription: x\n'],
    ['a __proto__ key in knobs', 'description: x\nknobs:\n  __proto__:\n    polluted: 1\n'],
    [
      'a constructor.prototype path in a rule',
      'description: x\nrules:\n  - match:\n      constructor:\n        prototype:\n          polluted: 1\n    status: 500\n',
    ],
  ])('does not let a scenario file with %s pollute objects', (_, text) => {
    const file = join(mkdtempSync(join(tmpdir(), 'bam-')), 'evil.yaml');
    writeFileSync(file, text);
    try {
      loadScenarioFile(file, apiFacts(API_MODULES));
    } catch {
      // Refusing the file is fine; polluting is not.
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never sends a stack trace or a file path, even for a body that breaks the JSON parser', async () => {
    const res = await request(testApp())
      .post('/generalbots/api/v1/analytics/reports')
      .set({ Authorization: 'Bearer x', 'Content-Type': 'application/json' })
      .send('{"type": "usage",');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/\n\s+at |node_modules|\/work\/|SyntaxError/);
  });
});
