// Talking to the mock: the control plane (with the admin token when the server has one) and the
// console's event stream, read with fetch so that it can carry the token as the API expects it.

const TOKEN_KEY = 'bot-analytics-mock.admin-token';

/** Thrown when the control plane answers 401: the page must ask for the admin token. */
export class NeedsToken extends Error {}

/** Remembers the admin token for this tab only (sessionStorage: gone when the tab closes). */
export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Calls the control plane; a 401 throws NeedsToken, another error throws with the mock's message. */
export async function control(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { ...authHeaders(), Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/__mock${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401) throw new NeedsToken();
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      message = JSON.parse(text).error?.message ?? text;
    } catch {}
    throw new Error(`${res.status}: ${message}`);
  }
  return res.status === 204 ? undefined : res.json();
}

/**
 * Reads the console's server-sent events, calling onEvent(name, data) for each, until the stream
 * ends or `signal` aborts. A 401 throws NeedsToken.
 */
export async function readEvents(onEvent, signal) {
  const res = await fetch('/__mock/console/events', { headers: authHeaders(), signal });
  if (res.status === 401) throw new NeedsToken();
  if (!res.ok || !res.body) throw new Error(`The event stream answered ${res.status}.`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) onEvent(name, JSON.parse(data));
    }
  }
}
