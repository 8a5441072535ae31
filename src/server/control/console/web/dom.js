// Small DOM helpers: every text goes in as text, never as HTML.

/** An element with attributes (`class`, `data-*`, properties) and children (nodes or text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return el;
}

/** The element with this id (the page's skeleton is in index.html). */
export function byId(id) {
  return document.getElementById(id);
}

/** A name–value table, e.g. headers. */
export function pairs(record) {
  const rows = Object.entries(record ?? {}).map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)));
  return rows.length
    ? h('table', { class: 'pairs' }, h('tbody', {}, rows))
    : h('p', { class: 'hint' }, 'none');
}
