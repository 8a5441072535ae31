/** The /docs landing page: the APIs with their operations and provenance, magic values, controls, scenarios. */
import { realNow } from '../../core/clock.js';
import { provenanceElements } from '../../core/provenance.js';
import type { LoadedSpec } from '../../core/spec.js';
import { isoMs } from '../../core/time.js';
import type { Config } from '../cli/config.js';
import type { MockState } from '../control/state.js';
import { rootApi } from '../single-api.js';
import { escapeHtml as e, page } from './html.js';
import { provenanceHtml, sourceLinkHtml } from './provenance-view.js';

/** One API as the docs show it. */
export interface DocsApi {
  name: string;
  title: string;
  spec: LoadedSpec;
}

/** What the landing page is built from. */
export interface LandingInput {
  version: string;
  apis: readonly DocsApi[];
  config: Config;
  state: MockState;
}

/** An API's sources: its vendor documentation, then the default source of each level. */
function apiSources(document: Record<string, unknown>): string {
  const info = (document.info ?? {}) as Record<string, unknown>;
  const items: string[] = [];
  if (typeof info['x-vendor-doc'] === 'string')
    items.push(`vendor documentation ${sourceLinkHtml(info['x-vendor-doc'])}`);
  for (const [level, refs] of Object.entries((info['x-source-refs'] ?? {}) as Record<string, unknown>))
    items.push(`<code>${e(level)}</code> ${[refs].flat().map(String).map(sourceLinkHtml).join(' ')}`);
  return items.length > 0 ? `<p class="sources">Sources: ${items.join(' · ')}</p>` : '';
}

function apiSection(api: DocsApi, alsoAtRoot: boolean): string {
  const provenance = new Map(provenanceElements(api.spec.document).map((el) => [el.node, el]));
  const rows = api.spec.operations
    .map((op) => {
      const el = provenance.get(op.raw);
      const cell = provenanceHtml(op.raw['x-source'], el?.refs ?? [], el?.note);
      return `<tr><td><code>${e(op.method)} /${e(api.name)}${e(op.path)}</code></td><td>${e(op.operationId)}</td><td>${cell}</td></tr>`;
    })
    .join('\n');
  return `<section class="api" data-api="${e(api.name)}">
<h3>${e(api.title)} — <code>/${e(api.name)}</code>${alsoAtRoot ? ' (also served at <code>/</code>)' : ''}</h3>
<p><a href="/docs/${e(api.name)}">API reference</a> · <a href="/__mock/specs/${e(api.name)}">OpenAPI spec (YAML)</a></p>
${apiSources(api.spec.document)}
<table><tr><th>operation</th><th>operationId</th><th>provenance and source</th></tr>
${rows}
</table>
</section>`;
}

const MAGIC = `<table>
<tr><th>credential (token, key or Basic secret)</th><th>effect</th></tr>
<tr><td><code>forbidden</code></td><td>403</td></tr>
<tr><td><code>expired</code></td><td>401</td></tr>
<tr><td><code>viewer</code></td><td>the least rights the API knows</td></tr>
<tr><td>anything else non-empty</td><td>accepted, full rights</td></tr>
<tr><td>missing or malformed</td><td>401 in the vendor's shape</td></tr>
</table>
<p>Each API's reference lists its own magic values (in its introduction) too.</p>`;

const CONTROLS = `<table>
<tr><th>control</th><th>server-wide</th><th>per request</th></tr>
<tr><td>seed</td><td><code>--seed</code> / <code>MOCK_SEED</code></td><td><code>X-Mock-Seed</code></td></tr>
<tr><td>clock ("now")</td><td><code>--now</code> / <code>MOCK_NOW</code></td><td><code>X-Mock-Now</code></td></tr>
<tr><td>scenario</td><td><code>--scenario</code> / <code>MOCK_SCENARIO</code>; <code>PUT /__mock/scenario</code></td><td><code>X-Mock-Scenario</code></td></tr>
<tr><td>a documented response</td><td>—</td><td><code>Prefer: code=&lt;status&gt;</code></td></tr>
<tr><td>latency</td><td><code>--latency</code> / <code>MOCK_LATENCY</code></td><td>—</td></tr>
</table>`;

const CONTROL_PLANE = `<table>
<tr><td><code>GET /__mock/health</code></td><td>status, version, seed, clock, scenario, APIs, spec hashes</td></tr>
<tr><td><code>GET</code> / <code>DELETE /__mock/requests</code></td><td>the journal of received requests</td></tr>
<tr><td><code>GET</code> / <code>PUT /__mock/scenario</code></td><td>the scenario in force; <code>PUT {"name": "empty"}</code> switches it</td></tr>
<tr><td><code>GET /__mock/scenarios</code></td><td>every scenario with its description</td></tr>
<tr><td><code>GET /__mock/specs/&lt;api&gt;</code></td><td>the spec, YAML (or JSON with <code>Accept: application/json</code>)</td></tr>
<tr><td><a href="/__mock/console"><code>/__mock/console</code></a></td><td>the console: requests live, the scenario switch, previews of any operation as charts</td></tr>
</table>`;

/** The landing page's HTML. */
export function landingPage({ version, apis, config, state }: LandingInput): string {
  const clock = config.now === undefined ? `the real clock (now ${isoMs(realNow())})` : isoMs(config.now);
  const scenarios = [...state.scenarios.values()]
    .map(
      (s) =>
        `<tr><td><code>${e(s.name)}</code>${s.name === state.scenario.name ? ' <strong>(in force)</strong>' : ''}</td><td>${e(s.description)}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>bot-analytics-mock <small>${e(version)}</small></h1>
<p>A deterministic emulator of chatbot-analytics APIs. This server: seed <code>${config.seed}</code> ·
clock <code>${e(clock)}</code> · scenario <code>${e(state.scenario.name)}</code>.
Watch requests live, switch scenarios and see the data as charts in the <a href="/__mock/console">console</a>.</p>
<h2>APIs</h2>
<p>After the prefix, paths are exactly the vendor's. Each element of a spec says how sure we are of
it, strongest evidence first: <span class="source source-doc">x-source: doc</span> the vendor's
documentation, <span class="source source-vendor-spec">x-source: vendor-spec</span> the vendor's own
published spec or server code, <span class="source source-client">x-source: client</span> public
client code written against the real API, <span class="source source-inferred">x-source: inferred</span>
the mock's own choice where all are silent (hover a badge for why). The links open the source. Each
reference ends every description with its provenance.</p>
${apis.map((api) => apiSection(api, api === rootApi(apis))).join('\n')}
<h2>Magic values</h2>
${MAGIC}
<h2>Controls</h2>
${CONTROLS}
<p>Every response states the seed, clock and scenario it used in <code>X-Mock-Seed</code>,
<code>X-Mock-Now</code> and <code>X-Mock-Scenario</code>.</p>
<h2>Scenarios</h2>
<table><tr><th>name</th><th>description</th></tr>
${scenarios}
</table>
<h2>Control plane</h2>
${CONTROL_PLANE}`;
  return page('bot-analytics-mock — API docs', body);
}
