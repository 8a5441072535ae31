/**
 * Hashes what the mock answers, so a change that must not change behaviour can be checked byte for
 * byte: `npx tsx scripts/hash-responses.ts > before.txt`, change, run again, `diff`. Every request
 * goes through the listener production uses, over a socket: the conformance requests of every API
 * (each twice: the second is answered from the response cache), every `verify` probe (every
 * operation, with its documented errors), the byte-pinned DigitalCX pages, the built-in scenarios,
 * path spellings (case, escapes, `//`, trailing slash, absolute form, over-long URLs), CORS
 * preflights, bad control headers, the control plane and the docs, in several server setups.
 *
 * One line per answer: a label, the status, and the sha256 of status + headers (as sent, in order,
 * without `Date`) + body. What changes from run to run by design (a journal's durations, the
 * health page's uptime) is left out of the hash and named in the line.
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Probe } from '../src/core/probe.js';
import type { Scenario } from '../src/core/scenario.js';
import { loadSpec } from '../src/core/spec.js';
import { createMockApp } from '../src/server/app.js';
import { type Config, createConfig } from '../src/server/cli/config.js';
import { API_MODULES } from '../src/server/registry.js';
import { BUSY, TABS } from '../test/fixtures/digitalcx-scenarios.js';

const NOW = '2025-03-01T12:00:00.000Z';

/** Each API's sample (src/apis/<api>/sample.ts) as a URL with its prefix, and its credential. */
const API_CASES: Record<
  string,
  { sample: { method: string; url: string; body?: unknown }; auth(secret: string): Record<string, string> }
> = Object.fromEntries(
  API_MODULES.map((m) => [
    m.name,
    {
      sample: { method: m.sample.method, url: `/${m.name}${m.sample.path}`, body: m.sample.body },
      auth: m.sample.auth,
    },
  ]),
);
const AUTH = (api: string, secret = 's3cret') => API_CASES[api]?.auth(secret) ?? {};

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  ending: 'complete' | 'reset' | 'gave-up';
  status: number;
  rawHeaders: string[];
  body: Buffer;
}

/** Header values that change from run to run by design. */
const UNSTABLE_HEADERS = new Set(['date']);

function send(port: number, sent: Sent): Promise<Answer> {
  return new Promise((resolve) => {
    let status = 0;
    let rawHeaders: string[] = [];
    const chunks: Buffer[] = [];
    const req = request(
      { host: '127.0.0.1', port, method: sent.method, path: sent.path, headers: sent.headers, agent: false },
      (res) => {
        status = res.statusCode ?? 0;
        rawHeaders = res.rawHeaders;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ ending: 'complete', status, rawHeaders, body: Buffer.concat(chunks) }));
        res.on('error', () => resolve({ ending: 'reset', status, rawHeaders, body: Buffer.concat(chunks) }));
      },
    );
    req.setTimeout(15_000, () => {
      req.destroy();
      resolve({ ending: 'gave-up', status, rawHeaders, body: Buffer.concat(chunks) });
    });
    req.on('error', () => resolve({ ending: 'reset', status, rawHeaders, body: Buffer.concat(chunks) }));
    if (sent.body !== undefined) req.write(sent.body);
    req.end();
  });
}

/** The control plane's pages that carry timings (under any spelling of their path). */
const isVarying = (path: string): boolean => /(__|%5F%5F)mock\/(requests|health)/i.test(path);

/** Drops what varies by design from JSON bodies of the control plane. */
function stableBody(path: string, body: Buffer): { body: Buffer; dropped: string[] } {
  if (!isVarying(path)) return { body, dropped: [] };
  const dropped = new Set<string>();
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    const real = (node as Record<string, unknown>).clock === 'real';
    // How far a reset or cut response got before the journal heard of it is a matter of timing.
    const faulted = typeof (node as Record<string, unknown>).fault === 'string';
    for (const [k, v] of Object.entries(node)) {
      if (
        (real && k === 'now') ||
        (faulted && (k === 'status' || k === 'responseHeaders')) ||
        /^(durationMs|receivedAt|receivedAtMs|uptimeMs|uptime|startedAt|responseBytes|date|pid)$/i.test(k)
      ) {
        dropped.add(k);
        continue;
      }
      out[k] = strip(v);
    }
    return out;
  };
  try {
    return {
      body: Buffer.from(JSON.stringify(strip(JSON.parse(body.toString('utf8'))))),
      dropped: [...dropped],
    };
  } catch {
    return { body, dropped: [] };
  }
}

function hashOf(sent: Sent, answer: Answer, clockInBody?: RegExp): { hash: string; note: string } {
  const h = createHash('sha256');
  h.update(`${answer.ending} ${answer.status}\n`);
  const withoutBody = clockInBody?.test(sent.path) === true;
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    const name = answer.rawHeaders[i] as string;
    const lower = name.toLowerCase();
    if (UNSTABLE_HEADERS.has(lower)) continue;
    let value = answer.rawHeaders[i + 1] as string;
    // The length of a body whose unstable fields are dropped varies with them.
    if (lower === 'content-length' && (withoutBody || isVarying(sent.path))) value = '*';
    h.update(`${name}: ${value}\n`);
  }
  h.update('\n');
  if (withoutBody) return { hash: h.digest('hex'), note: ' (without the body: it shows the real clock)' };
  const stable = stableBody(sent.path, answer.body);
  if (process.env.DUMP && sent.path.includes(process.env.DUMP)) process.stderr.write(`${stable.body}\n`);
  h.update(stable.body);
  return {
    hash: h.digest('hex'),
    note: stable.dropped.length ? ` (without ${stable.dropped.join(',')})` : '',
  };
}

const qs = (query: Probe['query']): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
  const text = params.toString();
  return text ? `?${text}` : '';
};

function probeRequest(api: string, probe: Probe, prefix = `/${api}`): Sent {
  const headers: Record<string, string> = { ...(probe.anonymous ? {} : AUTH(api)), ...(probe.headers ?? {}) };
  let body: string | undefined;
  if (probe.body instanceof URLSearchParams) {
    body = probe.body.toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (probe.body !== undefined) {
    body = JSON.stringify(probe.body);
    headers['Content-Type'] = 'application/json';
  }
  return { method: probe.method, path: `${prefix}${probe.path}${qs(probe.query)}`, headers, body };
}

const DAY = { startDate: '2025-02-28T00:00:00Z', endDate: '2025-03-01T00:00:00Z' };
function interactions(
  query: Record<string, string | number | boolean>,
  customer = 'acme',
  project = 'shop',
): string {
  const q = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `/digitalcx/${customer}/projects/${project}/interactions?${q}`;
}

/** One server setup and what is sent to it. */
interface Setup {
  name: string;
  config: Partial<Config>;
  scenarios?: Scenario[];
  /** Each request's own headers on top (e.g. X-Mock-Now under the real clock). */
  extraHeaders?: Record<string, string>;
  /** Paths whose body shows the real clock: their bodies are left out of the hash. */
  clockInBody?: RegExp;
  requests(port: number): AsyncGenerator<[string, Sent], void, Answer>;
}

async function* allApiRequests(): AsyncGenerator<[string, Sent], void, Answer> {
  for (const module of API_MODULES) {
    const api = module.name;
    const c = API_CASES[api];
    if (c) {
      const sample = (headers: Record<string, string>): Sent => ({
        method: c.sample.method,
        path: c.sample.url,
        headers: {
          ...headers,
          ...(c.sample.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: c.sample.body !== undefined ? JSON.stringify(c.sample.body) : undefined,
      });
      const cases: [string, Record<string, string>][] = [
        ['sample', c.auth('s3cret')],
        ['seed 99', { ...c.auth('s3cret'), 'X-Mock-Seed': '99' }],
        ['no credential', {}],
        ['expired', c.auth('expired')],
        ['forbidden', c.auth('forbidden')],
        ['viewer', c.auth('viewer')],
        ['now 1969', { ...c.auth('s3cret'), 'X-Mock-Now': '1969-12-31T23:59:59Z' }],
        ['now 2100+', { ...c.auth('s3cret'), 'X-Mock-Now': '2100-01-01T00:00:00.001Z' }],
        ['now 1970', { ...c.auth('s3cret'), 'X-Mock-Now': '1970-01-01T00:00:00Z' }],
        ['now 2100', { ...c.auth('s3cret'), 'X-Mock-Now': '2100-01-01T00:00:00Z' }],
        ['prefer 500', { ...c.auth('s3cret'), Prefer: 'code=500' }],
        ['prefer 400', { ...c.auth('s3cret'), Prefer: 'code=400' }],
        ['prefer 299', { ...c.auth('s3cret'), Prefer: 'code=299' }],
        ['bad seed', { ...c.auth('s3cret'), 'X-Mock-Seed': 'abc' }],
        ['unknown scenario', { ...c.auth('s3cret'), 'X-Mock-Scenario': 'nope' }],
        ['prefer scenario', { ...c.auth('s3cret'), Prefer: 'scenario=empty' }],
        ['json', { ...c.auth('s3cret'), Accept: 'application/json' }],
        ['csv', { ...c.auth('s3cret'), Accept: 'text/csv' }],
        ['origin', { ...c.auth('s3cret'), Origin: 'http://app.test' }],
      ];
      for (const scenario of [
        'empty',
        'high-volume',
        'flaky',
        'forbidden',
        'unauthorized',
        'server-error',
        'truncated-body',
        'connection-reset',
        'digitalcx-before-data-start',
        'digitalcx-end-before-start',
        'digitalcx-too-far-back',
        'digitalcx-unknown-project',
        'digitalcx-window-too-long',
      ])
        cases.push([`scenario ${scenario}`, { ...c.auth('s3cret'), 'X-Mock-Scenario': scenario }]);
      for (const [label, headers] of cases) {
        yield [`${api} conformance ${label}`, sample(headers)];
        yield [`${api} conformance ${label} (again)`, sample(headers)];
      }
      yield [`${api} 404`, { method: 'GET', path: `/${api}/no/such/path`, headers: c.auth('s3cret') }];
      yield [`${api} 405`, { method: 'DELETE', path: c.sample.url, headers: c.auth('s3cret') }];
      yield [`${api} HEAD`, { method: 'HEAD', path: c.sample.url, headers: c.auth('s3cret') }];
      yield [
        `${api} upper prefix`,
        {
          method: c.sample.method,
          path: c.sample.url.replace(`/${api}`, `/${api.toUpperCase()}`),
          headers: c.auth('s3cret'),
        },
      ];
      yield [
        `${api} escaped prefix`,
        {
          method: c.sample.method,
          path: c.sample.url.replace(`/${api}`, `/%${api.charCodeAt(0).toString(16)}${api.slice(1)}`),
          headers: c.auth('s3cret'),
        },
      ];
      yield [
        `${api} double slash`,
        { method: c.sample.method, path: `/${c.sample.url}`, headers: c.auth('s3cret') },
      ];
      yield [
        `${api} slash after prefix`,
        {
          method: c.sample.method,
          path: c.sample.url.replace(`/${api}/`, `/${api}//`),
          headers: c.auth('s3cret'),
        },
      ];
      const [pathPart, query] = c.sample.url.split('?');
      yield [
        `${api} trailing slash`,
        { method: c.sample.method, path: `${pathPart}/?${query ?? ''}`, headers: c.auth('s3cret') },
      ];
      yield [
        `${api} long url`,
        { method: 'GET', path: `${c.sample.url}&pad=${'x'.repeat(8200)}`, headers: c.auth('s3cret') },
      ];
      yield [
        `${api} url at limit`,
        {
          method: 'GET',
          path: `${c.sample.url}&pad=${'x'.repeat(8192 - c.sample.url.length - 5)}`,
          headers: c.auth('s3cret'),
        },
      ];
      yield [
        `${api} preflight`,
        {
          method: 'OPTIONS',
          path: c.sample.url,
          headers: {
            Origin: 'http://app.test',
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Headers': 'authorization,x-mock-seed',
          },
        },
      ];
      yield [`${api} bare prefix`, { method: 'GET', path: `/${api}`, headers: c.auth('s3cret') }];
      yield [`${api} prefix slash`, { method: 'GET', path: `/${api}/`, headers: c.auth('s3cret') }];
    }
    const spec = loadSpec(api);
    const probes = module.probes?.build({ now: Date.parse(NOW), params: {}, spec }) ?? [];
    for (const probe of probes) {
      const sent = probeRequest(api, probe);
      const answer: Answer = yield [`${api} probe ${probe.name}`, sent];
      if (probe.next && answer) {
        let parsed: unknown = answer.body.toString('utf8');
        try {
          parsed = JSON.parse(parsed as string);
        } catch {}
        const headers: Record<string, string> = {};
        for (let i = 0; i < answer.rawHeaders.length; i += 2)
          headers[(answer.rawHeaders[i] as string).toLowerCase()] = answer.rawHeaders[i + 1] as string;
        for (const next of probe.next({ status: answer.status, headers, body: parsed }))
          yield [`${api} probe ${probe.name} → ${next.name}`, probeRequest(api, next)];
      }
    }
  }
}

async function* digitalcxPinned(): AsyncGenerator<[string, Sent], void, Answer> {
  const auth = { Authorization: 'Bearer s3cret' };
  const json = { ...auth, Accept: 'application/json' };
  yield ['dcx day csv', { method: 'GET', path: interactions(DAY), headers: auth }];
  yield [
    'dcx day user info csv',
    { method: 'GET', path: interactions({ ...DAY, includeUserInfo: true }), headers: auth },
  ];
  yield [
    'dcx day json',
    { method: 'GET', path: interactions({ ...DAY, includeUserInfo: true }), headers: json },
  ];
  const query = { ...DAY, paginateData: true, includeUserInfo: true };
  const first: Answer = yield [
    'dcx page 1 json',
    { method: 'GET', path: interactions(query), headers: json },
  ];
  const token = tokenOf(first);
  yield [
    'dcx page 2 json',
    { method: 'GET', path: interactions({ ...query, continuationToken: token }), headers: json },
  ];
  const busy = { ...auth, 'X-Mock-Scenario': BUSY.name, 'X-Mock-Seed': '7' };
  yield [
    'dcx busy day',
    { method: 'GET', path: interactions({ ...DAY, includeUserInfo: true }), headers: busy },
  ];
  yield [
    'dcx busy filtered',
    {
      method: 'GET',
      path: interactions({ ...DAY, culture: 'en', interactionTypes: 2 + 8 + 512, activeSessionOnly: true }),
      headers: busy,
    },
  ];
  const paged = { ...DAY, paginateData: true, environment: 'Staging', sessionMode: 'Test' };
  const page: Answer = yield ['dcx busy page', { method: 'GET', path: interactions(paged), headers: busy }];
  yield [
    'dcx busy next',
    { method: 'GET', path: interactions({ ...paged, continuationToken: tokenOf(page) }), headers: busy },
  ];
  yield [
    'dcx tabs',
    {
      method: 'GET',
      path: interactions({ ...DAY, includeUserInfo: true }, 'initech', 'desk'),
      headers: { ...auth, 'X-Mock-Scenario': TABS.name },
    },
  ];
  yield [
    'dcx past last page',
    {
      method: 'GET',
      path: interactions({ ...query, continuationToken: 'djEuYWQzbC4xaw.jqbqf_AfdBd1e4tC' }),
      headers: json,
    },
  ];
}

function tokenOf(answer: Answer): string {
  for (let i = 0; i < answer.rawHeaders.length; i += 2)
    if ((answer.rawHeaders[i] as string).toLowerCase() === 'continuationtoken')
      return answer.rawHeaders[i + 1] as string;
  return '';
}

async function* frontRequests(): AsyncGenerator<[string, Sent], void, Answer> {
  const evil = { Origin: 'http://evil.test' };
  for (const path of [
    '/__mock/health',
    '/__MOCK/health',
    '/%5F%5Fmock/health',
    '//__mock/health',
    '/__mock/health/',
    '/__mock/scenario',
    '/__mock/',
    '/__mock',
    '/docs',
    '/Docs',
    '/docs/',
    '/docs/chatbotcom',
    '/docs/GeneralBots',
    '/docs/%zz',
    '/',
    '/nothing',
    '/nothing/here?x=1',
    '/%zz',
    '/favicon.ico',
    '/__mock/specs/chatbotcom',
    '/__mock/specs/nope',
  ])
    yield [`front GET ${path}`, { method: 'GET', path, headers: evil }];
  yield ['front 414 outside APIs', { method: 'GET', path: `/__mock/health?pad=${'x'.repeat(8200)}` }];
  yield ['front 414 unknown', { method: 'GET', path: `/nothing?pad=${'x'.repeat(8200)}` }];
  yield [
    'front preflight control',
    {
      method: 'OPTIONS',
      path: '/__mock/scenario',
      headers: { ...evil, 'Access-Control-Request-Method': 'PUT' },
    },
  ];
  yield [
    'front preflight docs',
    { method: 'OPTIONS', path: '/docs', headers: { ...evil, 'Access-Control-Request-Method': 'GET' } },
  ];
  yield ['front star', { method: 'OPTIONS', path: '*' }];
  yield [
    'front absolute-form api',
    {
      method: 'GET',
      path: 'http://127.0.0.1/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
      headers: { Authorization: 'Bearer s3cret' },
    },
  ];
  yield [
    'front absolute-form api again',
    {
      method: 'GET',
      path: 'http://127.0.0.1/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
      headers: { Authorization: 'Bearer s3cret' },
    },
  ];
  yield [
    'front absolute-form control',
    { method: 'GET', path: 'http://127.0.0.1/__mock/health', headers: evil },
  ];
  yield ['front absolute-form docs', { method: 'GET', path: 'http://example.test/docs', headers: evil }];
  yield ['front absolute-form none', { method: 'GET', path: 'http://127.0.0.1/nothing' }];
  yield [
    'front bad json body',
    {
      method: 'POST',
      path: '/generalbots/api/v1/analytics/reports',
      headers: { Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' },
      body: '{"x":',
    },
  ];
  yield [
    'front token form',
    {
      method: 'POST',
      path: '/digitalcx/oauth2/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=a&client_secret=b',
    },
  ];
  yield [
    'front token form bad seed',
    {
      method: 'POST',
      path: '/digitalcx/oauth2/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Mock-Seed': 'x' },
      body: 'grant_type=client_credentials&client_id=a&client_secret=b',
    },
  ];
  yield [
    'front switch scenario',
    {
      method: 'PUT',
      path: '/__mock/scenario',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"empty"}',
    },
  ];
  yield [
    'front after switch',
    {
      method: 'GET',
      path: API_CASES.chatbotcom?.sample.url ?? '/',
      headers: { Authorization: 'Bearer s3cret' },
    },
  ];
  yield [
    'front switch back',
    {
      method: 'PUT',
      path: '/__mock/scenario',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"default"}',
    },
  ];
  yield ['front journal', { method: 'GET', path: '/__mock/requests?limit=5' }];
}

async function* everything(): AsyncGenerator<[string, Sent], void, Answer> {
  yield* allApiRequests();
  yield* digitalcxPinned();
  yield* frontRequests();
}

async function* singleApi(): AsyncGenerator<[string, Sent], void, Answer> {
  const c = API_CASES.chatbotcom;
  if (!c) return;
  const root = c.sample.url.replace('/chatbotcom', '');
  for (const [label, path] of [
    ['prefixed', c.sample.url],
    ['at root', root],
    ['at root again', root],
    ['root upper', root.replace('/reports', '/REPORTS')],
    ['root 404', '/no/such'],
    ['root /', '/'],
    ['root docs', '/docs'],
    ['root control', '/__mock/health'],
    ['root absolute', `http://127.0.0.1${root}`],
    ['root long', `${root}&pad=${'x'.repeat(8200)}`],
  ] as const)
    yield [`single ${label}`, { method: 'GET', path, headers: c.auth('s3cret') }];
}

async function* fewRequests(): AsyncGenerator<[string, Sent], void, Answer> {
  for (const module of API_MODULES) {
    const c = API_CASES[module.name];
    if (c?.sample.method !== 'GET') continue;
    yield [`${module.name} sample`, { method: 'GET', path: c.sample.url, headers: c.auth('s3cret') }];
    yield [`${module.name} sample again`, { method: 'GET', path: c.sample.url, headers: c.auth('s3cret') }];
    yield [
      `${module.name} sample other now`,
      {
        method: 'GET',
        path: c.sample.url,
        headers: { ...c.auth('s3cret'), 'X-Mock-Now': '2025-03-02T00:00:00Z' },
      },
    ];
  }
  yield* frontRequests();
}

const SETUPS: Setup[] = [
  { name: 'fixed clock', config: { now: Date.parse(NOW) }, scenarios: [BUSY, TABS], requests: everything },
  {
    name: 'no cache',
    config: { now: Date.parse(NOW), responseCacheBytes: 0 },
    scenarios: [BUSY, TABS],
    requests: everything,
  },
  {
    name: 'real clock',
    config: {},
    extraHeaders: { 'X-Mock-Now': NOW },
    clockInBody: /docs\/?$/i,
    requests: fewRequests,
  },
  { name: 'no admin', config: { now: Date.parse(NOW), admin: false }, requests: fewRequests },
  {
    name: 'cors origin',
    config: { now: Date.parse(NOW), corsOrigins: ['http://app.test'] },
    requests: fewRequests,
  },
  { name: 'single api', config: { now: Date.parse(NOW), apis: ['chatbotcom'] }, requests: singleApi },
];

async function run(): Promise<void> {
  const all = createHash('sha256');
  let count = 0;
  for (const setup of SETUPS) {
    const mock = createMockApp(createConfig({ logLevel: 'silent', ...setup.config }), setup.scenarios ?? []);
    const server: Server = createServer(mock.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const gen = setup.requests(port);
    let answer: Answer | undefined;
    for (;;) {
      const step = await gen.next(answer as Answer);
      if (step.done) break;
      const [label, sent] = step.value;
      const headers = { ...(setup.extraHeaders ?? {}), ...(sent.headers ?? {}) };
      // A fixed Host: pages that name the server's own URL must not name a port picked at random.
      answer = await send(port, { ...sent, headers: { Host: 'mock.test', ...headers } });
      const { hash, note } = hashOf(sent, answer, setup.clockInBody);
      all.update(hash);
      count++;
      process.stdout.write(`${setup.name} | ${label} | ${answer.ending} ${answer.status} | ${hash}${note}\n`);
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  process.stdout.write(`${count} answers, all: ${all.digest('hex')}\n`);
}

await run();
