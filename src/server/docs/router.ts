/** The /docs router: the landing page, one API reference per mounted API, and the renderer's files. */
import express, { type Router } from 'express';
import { yaml } from '../../core/lazy-deps.js';
import type { Config } from '../cli/config.js';
import type { MockState } from '../control/state.js';
import { VERSION } from '../version.js';
import { escapeHtml, page } from './html.js';
import { type DocsApi, landingPage } from './landing-page.js';
import { specWithProvenance } from './provenance-view.js';
import { referencePage } from './reference-page.js';
import { rendererAssets } from './renderer-assets.js';

/** The /docs router for the mounted APIs. */
export function createDocsRouter(apis: readonly DocsApi[], config: Config, state: MockState): Router {
  const router = express.Router();
  const assets = rendererAssets();
  const byName = new Map(apis.map((api) => [api.name, api]));
  // The reference reads the spec with each element's provenance in its description, built once.
  const decorated = new Map<string, string>();
  const referenceSpec = (api: DocsApi): string => {
    let text = decorated.get(api.name);
    if (text === undefined) {
      text = yaml().stringify(specWithProvenance(api.spec.document), { aliasDuplicateObjects: false });
      decorated.set(api.name, text);
    }
    return text;
  };

  router.get('/', (_req, res) => {
    res.type('html').send(landingPage({ version: VERSION, apis, config, state }));
  });
  router.get('/assets/:file', (req, res) => {
    const file = assets.get(req.params.file);
    if (!file) {
      res.status(404).type('text/plain').send(`No docs asset named '${req.params.file}'.`);
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  router.get('/:api/spec.yaml', (req, res) => {
    const api = byName.get(req.params.api);
    if (!api) {
      res.status(404).type('text/plain').send(`No API named '${req.params.api}'.`);
      return;
    }
    res.type('application/yaml').send(referenceSpec(api));
  });
  router.get('/:api', (req, res) => {
    const api = byName.get(req.params.api);
    if (!api) {
      const known = apis
        .map((a) => `<a href="/docs/${escapeHtml(a.name)}">${escapeHtml(a.name)}</a>`)
        .join(', ');
      res
        .status(404)
        .type('html')
        .send(
          page(
            'Not found',
            `<p>No API named <code>${escapeHtml(req.params.api)}</code> here. Known: ${known}.</p>`,
          ),
        );
      return;
    }
    res.type('html').send(referencePage(api));
  });
  router.use((req, res) => {
    res
      .status(404)
      .type('html')
      .send(
        page('Not found', `<p>Nothing at /docs${escapeHtml(req.path)}; see <a href="/docs">/docs</a>.</p>`),
      );
  });
  return router;
}
