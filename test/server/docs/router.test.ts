import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/core/spec.js';
import { API_NAMES } from '../../../src/server/registry.js';
import { testApp } from '../../support/app.js';

const QUIET = { name: 'quiet', description: 'No traffic <at all>.', knobs: { empty: true }, rules: [] };

describe('docs', () => {
  it('lists every mounted API with its operations and their provenance on the landing page', async () => {
    const res = await request(testApp().app).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const name of API_NAMES) {
      expect(res.text).toContain(`href="/docs/${name}"`);
      expect(res.text).toContain(`href="/__mock/specs/${name}"`);
      for (const op of loadSpec(name).operations) {
        expect(res.text).toContain(`<td>${op.operationId}</td>`);
        expect(res.text).toContain(`x-source: ${String(op.raw['x-source'])}`);
      }
    }
  });

  it('shows the magic values, the controls and every scenario, escaped, marking the one in force', async () => {
    const res = await request(testApp({ scenario: 'quiet' }, [QUIET]).app).get('/docs');
    for (const text of [
      '<code>forbidden</code>',
      '<code>expired</code>',
      '<code>viewer</code>',
      'X-Mock-Seed',
    ])
      expect(res.text).toContain(text);
    expect(res.text).toContain('No traffic &lt;at all&gt;.');
    expect(res.text).toContain('<code>quiet</code> <strong>(in force)</strong>');
    expect(res.text).toContain('<code>default</code></td>');
  });

  it("serves each API's reference page, rendered from the mock's own copy of the renderer", async () => {
    const { app } = testApp();
    for (const name of API_NAMES) {
      const res = await request(app).get(`/docs/${name}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`"url":"/docs/${name}/spec.yaml"`);
      expect(res.text).toContain('"showExtensions":true');
      expect(res.text).not.toMatch(/src="https?:|href="https?:/);
    }
    const js = await request(app).get('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const css = await request(app).get('/docs/assets/swagger-ui.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers an unknown API, asset or page with a 404 that says where to look', async () => {
    const { app } = testApp();
    const api = await request(app).get('/docs/zendesk');
    expect(api.status).toBe(404);
    expect(api.text).toContain('No API named <code>zendesk</code>');
    expect((await request(app).get('/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await request(app).get('/docs/assets/index.html')).status).toBe(404);
    expect((await request(app).get('/docs/a/b')).status).toBe(404);
  });

  it('is absent with admin off, like the control plane', async () => {
    const res = await request(testApp({ admin: false }).app).get('/docs');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });
});
