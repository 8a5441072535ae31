// The data preview: pick an API and an operation, fill the form built from the spec, send the
// request through the mock (it shows up in the live list) and look at the answer.
import { control } from './api.js';
import { byId, h } from './dom.js';
import { clearCharts, drawCharts } from './draw.js';
import { fieldsFor, operationsOf, requestOf } from './form.js';
import { chartsOf, parseCsv, tableOf } from './shapes.js';

const specs = new Map(); // api → spec (JSON)
let nowMs = 0;

async function specOf(api) {
  if (!specs.has(api)) specs.set(api, await control(`/specs/${api}`));
  return specs.get(api);
}

function current() {
  const api = byId('preview-api').value;
  const spec = specs.get(api);
  const operation = spec && operationsOf(spec).find((o) => o.operationId === byId('preview-operation').value);
  return { api, spec, operation };
}

async function chooseApi() {
  const spec = await specOf(byId('preview-api').value);
  const options = operationsOf(spec).map((o) =>
    h('option', { value: o.operationId }, `${o.operationId} — GET ${o.path}`),
  );
  byId('preview-operation').replaceChildren(...options);
  chooseOperation();
}

function chooseOperation() {
  const { operation } = current();
  const legend = h('legend', {}, operation?.summary || 'Parameters');
  byId('preview-params').replaceChildren(legend, ...(operation ? fieldsFor(operation, nowMs) : []));
}

function showView(view) {
  for (const tab of document.querySelectorAll('#answer [role=tab]'))
    tab.setAttribute('aria-selected', String(tab.dataset.view === view));
  for (const name of ['chart', 'table', 'raw']) byId(`view-${name}`).hidden = name !== view;
}

function tableElement(table) {
  const head = h(
    'tr',
    {},
    table.columns.map((c) => h('th', {}, c)),
  );
  const rows = table.rows.slice(0, 500).map((r) =>
    h(
      'tr',
      {},
      r.map((v) => h('td', {}, v)),
    ),
  );
  const more =
    table.rows.length > 500 ? h('p', { class: 'hint' }, `First 500 of ${table.rows.length} rows.`) : null;
  return [
    h('div', { class: 'scroll' }, h('table', { class: 'data' }, h('thead', {}, head), h('tbody', {}, rows))),
    more,
  ];
}

/** Sends the form's request and shows the answer: chart, table and raw views, the best one first. */
async function send(event) {
  event.preventDefault();
  const { api, spec, operation } = current();
  if (!operation) return;
  const { url, headers } = requestOf(spec, api, operation, byId('preview-form'));
  const started = performance.now();
  const res = await fetch(url, { headers });
  const text = await res.text();
  const ms = (performance.now() - started).toFixed(0);
  const type = res.headers.get('content-type') ?? '';
  byId('answer-status').textContent =
    `GET ${url} → ${res.status} · ${type || 'no content type'} · ${text.length} characters · ${ms} ms · scenario ${res.headers.get('x-mock-scenario') ?? '—'}`;
  let body;
  let table;
  if (type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {}
  }
  if (type.includes('csv')) table = parseCsv(text);
  const charts = res.ok && body !== undefined ? chartsOf(body) : [];
  table ??= res.ok && body !== undefined ? tableOf(body) : undefined;

  byId('answer').hidden = false;
  if (charts.length) drawCharts(byId('view-chart'), charts);
  else {
    clearCharts();
    byId('view-chart').replaceChildren(
      h('p', { class: 'hint' }, 'This answer is not a series: see the table or the raw view.'),
    );
  }
  byId('view-table').replaceChildren(
    ...(table ? tableElement(table) : [h('p', { class: 'hint' }, 'No list of records in this answer.')]),
  );
  byId('view-raw').textContent = body === undefined ? text : JSON.stringify(body, null, 2);
  showView(charts.length ? 'chart' : table ? 'table' : 'raw');
}

/** Fills the API list and wires the form; `now` is the mock's clock (its dates are the defaults). */
export async function startPreview({ apis, now }) {
  nowMs = Date.parse(now);
  byId('preview-api').replaceChildren(...apis.map((api) => h('option', { value: api }, api)));
  byId('preview-api').addEventListener('change', chooseApi);
  byId('preview-operation').addEventListener('change', chooseOperation);
  byId('preview-form').addEventListener('submit', send);
  for (const tab of document.querySelectorAll('#answer [role=tab]'))
    tab.addEventListener('click', () => showView(tab.dataset.view));
  if (apis.length) await chooseApi();
}
