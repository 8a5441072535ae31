/** The API reference page of one spec, rendered in the browser by Swagger UI from the mock's own files. */
import { escapeHtml as e, page, scriptLiteral } from './html.js';
import type { DocsApi } from './landing-page.js';

/** The reference page's HTML: the spec with its `x-…` extensions (provenance) shown. */
export function referencePage(api: DocsApi): string {
  const options = {
    // From the docs router itself: the page works with --admin-token, which guards /__mock.
    url: `/docs/${api.name}/spec.yaml`,
    dom_id: '#reference',
    deepLinking: true,
    displayOperationId: true,
    // x-source / x-source-note are the provenance a client team needs to see.
    showExtensions: true,
    showCommonExtensions: true,
    // Offline: no badge from the public validator service.
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  };
  const head = '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">';
  const body = `<nav><a href="/docs">← all APIs, controls and scenarios</a></nav>
<div id="reference" data-api="${e(api.name)}"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle(${scriptLiteral(options)});</script>`;
  return page(`${api.title} — bot-analytics-mock`, body, head);
}
