// The live list of requests: fed by the event stream, newest first, filtered, pausable.
import { control, NeedsToken, readEvents } from './api.js';
import { byId, h, pairs } from './dom.js';

/** Rows shown at most: the journal may hold more; the list stays quick to redraw. */
const MAX_ROWS = 300;

const entries = new Map(); // key → entry, oldest first
let paused = false;
let waiting = []; // events held while paused
let serverSeed = '';
let onState = () => {};

function keyOf(entry) {
  return `${entry.worker ?? 0}:${entry.id}`;
}

function statusClass(status) {
  return status === null ? 'status none' : `status s${String(status)[0]}`;
}

function timeOf(iso) {
  return iso.slice(11, 23);
}

function seedOf(entry) {
  return entry.responseHeaders?.['x-mock-seed'] ?? entry.headers['x-mock-seed'] ?? serverSeed;
}

function matches(entry) {
  const api = byId('filter-api').value;
  const status = byId('filter-status').value;
  if (api && entry.api !== api) return false;
  if (status === 'none') return entry.status === null;
  return !status || String(entry.status ?? '').startsWith(status);
}

function row(entry) {
  const done = entry.durationMs !== null;
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'request', 'data-key': keyOf(entry), onclick: () => showDetail(entry) },
      h('span', { class: statusClass(entry.status) }, entry.status ?? (done ? (entry.fault ?? '—') : '…')),
      h('span', { class: 'method' }, entry.method),
      h('span', { class: 'url' }, entry.url),
      h(
        'span',
        { class: 'meta' },
        h('span', { class: 'time' }, timeOf(entry.receivedAt)),
        ` · ${entry.api ?? 'no API'} · ${done ? `${entry.durationMs.toFixed(1)} ms` : 'in flight'} · scenario ${entry.scenario ?? '—'} · seed ${seedOf(entry)}`,
      ),
    ),
  );
}

function render() {
  const shown = [...entries.values()].reverse().filter(matches).slice(0, MAX_ROWS);
  byId('requests').replaceChildren(...shown.map(row));
  byId('no-requests').hidden = entries.size > 0;
  byId('live-state').textContent = paused
    ? `paused${waiting.length ? ` · ${waiting.length} new` : ''}`
    : `${entries.size} in the journal`;
}

function showDetail(entry) {
  const size = entry.responseBytes === null ? '—' : `${entry.responseBytes} bytes (head included)`;
  byId('detail-body').replaceChildren(
    h('h3', {}, `${entry.method} ${entry.url}`),
    h(
      'p',
      {},
      `Received ${entry.receivedAt} · ${entry.api ?? 'no API'}${entry.operationId ? ` · ${entry.operationId}` : ''}${entry.worker ? ` · worker ${entry.worker}` : ''}`,
    ),
    h('h4', {}, 'Request headers'),
    h('p', { class: 'hint' }, 'Credentials are masked; a magic value (forbidden, expired, viewer) is named.'),
    pairs(entry.headers),
    h('h4', {}, 'Response'),
    h(
      'p',
      {},
      `Status ${entry.status ?? `none${entry.fault ? ` (fault: ${entry.fault})` : ''}`} · ${size}${entry.durationMs === null ? '' : ` · ${entry.durationMs.toFixed(1)} ms`}`,
    ),
    pairs(entry.responseHeaders),
  );
  byId('detail').showModal();
}

function apply(name, data) {
  if (name === 'journal') {
    entries.clear();
    for (const entry of data.requests) entries.set(keyOf(entry), entry);
  } else if (name === 'request') {
    entries.delete(keyOf(data)); // an entry first seen in flight moves to its answer's place
    entries.set(keyOf(data), data);
    while (entries.size > 5000) entries.delete(entries.keys().next().value);
  } else if (name === 'state') {
    if (data.kind === 'forget') entries.clear();
    onState(data);
  }
}

/** Starts the list: filters, pause, clear, and the stream (reconnected if it drops). */
export function startLive({ apis, seed, stateChanged, needsToken }) {
  serverSeed = String(seed);
  onState = stateChanged;
  const select = byId('filter-api');
  for (const api of apis) select.append(h('option', { value: api }, api));
  select.addEventListener('change', render);
  byId('filter-status').addEventListener('change', render);
  byId('pause').addEventListener('click', (event) => {
    paused = !paused;
    event.currentTarget.textContent = paused ? 'Resume' : 'Pause';
    event.currentTarget.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      for (const [name, data] of waiting) apply(name, data);
      waiting = [];
    }
    render();
  });
  byId('clear').addEventListener('click', async () => {
    await control('/requests', { method: 'DELETE' });
    entries.clear();
    waiting = [];
    render();
  });
  byId('detail')
    .querySelector('.close')
    .addEventListener('click', () => byId('detail').close());

  const connect = async () => {
    try {
      await readEvents((name, data) => {
        // State changes (a switch) are shown even while the list is paused.
        if (paused && name !== 'state') waiting.push([name, data]);
        else apply(name, data);
        render();
      });
    } catch (error) {
      if (error instanceof NeedsToken) return needsToken();
    }
    byId('live-state').textContent = 'reconnecting…';
    setTimeout(connect, 1000);
  };
  connect();
  render();
}
