import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { provenanceElements, sourceHref } from '../../../src/core/provenance.js';
import { loadSpec, parseSpecText } from '../../../src/core/spec.js';
import { escapeHtml } from '../../../src/server/docs/html.js';
import { API_NAMES } from '../../../src/server/registry.js';
import { testApp } from '../../support/app.js';

const QUIET = { name: 'quiet', description: 'No traffic <at all>.', knobs: { empty: true }, rules: [] };

describe('docs', () => {
  it('lists every mounted API with its operations and their provenance on the landing page', async () => {
    const res = await request(testApp()).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const name of API_NAMES) {
      expect(res.text).toContain(`href="/docs/${name}"`);
      expect(res.text).toContain(`href="/__mock/specs/${name}"`);
      const elements = provenanceElements(loadSpec(name).document);
      for (const op of loadSpec(name).operations) {
        // The row of the operation: its id, its level, and a link to each of its sources.
        const row = res.text.split('\n').find((line) => line.includes(`<td>${op.operationId}</td>`)) ?? '';
        expect(row, op.operationId).toContain(`x-source: ${String(op.raw['x-source'])}`);
        for (const ref of elements.find((el) => el.node === op.raw)?.refs ?? [])
          expect(row, op.operationId).toContain(`href="${escapeHtml(sourceHref(ref) ?? '')}"`);
      }
      const vendorDoc = String((loadSpec(name).document.info as Record<string, unknown>)['x-vendor-doc']);
      expect(res.text).toContain(
        `vendor documentation <a class="source-ref" href="${escapeHtml(sourceHref(vendorDoc) ?? '')}"`,
      );
    }
  });

  it("gives the reference each element's level, source links and note in its description", async () => {
    const app = testApp();
    for (const name of API_NAMES) {
      const res = await request(app).get(`/docs/${name}/spec.yaml`);
      expect(res.status).toBe(200);
      const served = parseSpecText(res.text);
      const original = provenanceElements(loadSpec(name).document);
      const shown = provenanceElements(served);
      expect(shown.map((el) => el.where)).toEqual(original.map((el) => el.where));
      shown.forEach((el, i) => {
        const want = original[i];
        const description = String(el.node.description);
        expect(description, el.where).toContain(`**Provenance:** \`${String(want?.level)}\``);
        for (const ref of want?.refs ?? []) expect(description, el.where).toContain(`](${sourceHref(ref)})`);
        if (want?.note) expect(description, el.where).toContain(want.note);
      });
      expect(String((served.info as Record<string, unknown>).description)).toContain('## Sources');
    }
  });

  it('shows the magic values, the controls and every scenario, escaped, marking the one in force', async () => {
    const res = await request(testApp({ scenario: 'quiet' }, [QUIET])).get('/docs');
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
    const app = testApp();
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
    const app = testApp();
    const api = await request(app).get('/docs/zendesk');
    expect(api.status).toBe(404);
    expect(api.text).toContain('No API named <code>zendesk</code>');
    expect((await request(app).get('/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await request(app).get('/docs/assets/index.html')).status).toBe(404);
    expect((await request(app).get('/docs/a/b')).status).toBe(404);
  });

  it('is absent with admin off, like the control plane', async () => {
    const res = await request(testApp({ admin: false })).get('/docs');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });
});
