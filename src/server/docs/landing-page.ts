/** The /docs landing page: the APIs with their operations and provenance, magic values, controls, scenarios. */
import { realNow } from '../../core/clock.js';
import type { LoadedSpec } from '../../core/spec.js';
import { isoMs } from '../../core/time.js';
import type { Config } from '../cli/config.js';
import type { MockState } from '../control/state.js';
import { rootApi } from '../single-api.js';
import { escapeHtml as e, page } from './html.js';

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

function sourceBadge(raw: Record<string, unknown>): string {
  const source = typeof raw['x-source'] === 'string' ? raw['x-source'] : 'unmarked';
  const note = typeof raw['x-source-note'] === 'string' ? ` title="${e(raw['x-source-note'])}"` : '';
  return `<span class="source source-${e(source)}"${note}>x-source: ${e(source)}</span>`;
}

function apiSection(api: DocsApi, alsoAtRoot: boolean): string {
  const rows = api.spec.operations
    .map(
      (op) =>
        `<tr><td><code>${e(op.method)} /${e(api.name)}${e(op.path)}</code></td><td>${e(op.operationId)}</td><td>${sourceBadge(op.raw)}</td></tr>`,
    )
    .join('\n');
  return `<section class="api" data-api="${e(api.name)}">
<h3>${e(api.title)} — <code>/${e(api.name)}</code>${alsoAtRoot ? ' (also served at <code>/</code>)' : ''}</h3>
<p><a href="/docs/${e(api.name)}">API reference</a> · <a href="/__mock/specs/${e(api.name)}">OpenAPI spec (YAML)</a></p>
<table><tr><th>operation</th><th>operationId</th><th>provenance</th></tr>
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
<p>After the prefix, paths are exactly the vendor's. <span class="source source-doc">x-source: doc</span> marks
what follows the vendor's documentation, <span class="source source-inferred">x-source: inferred</span> the
mock's own choice where it is silent (hover for why). Each reference shows it under "Extensions".</p>
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
