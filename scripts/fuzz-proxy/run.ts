/**
 * npm run fuzz:proxy — the third-party check of issue 20: Prism's validating proxy in front of each
 * API's mock, driven by requests generated from the spec (requests.ts). Every answer Prism finds
 * outside the spec is a violation; every 5xx the request did not ask for is unexplained; a request
 * without an answer within 30 s is a hang (a loaded 2-core box answers the heaviest in a few seconds). Prints the tally; exits 1 if any of the three is not 0.
 *
 *   npm run fuzz:proxy -- [--requests 10000] [--seed 1] [--time-limit 900] [--concurrency 8] [--api name]…
 *
 * Bounded: the request count is split evenly over the APIs, and the run stops at the time limit
 * (what was sent by then is tallied, and the tally says it stopped early).
 */
import { parseArgs } from 'node:util';
import { loadSpec } from '../../src/core/spec.js';
import { startMockServer } from '../../src/index.js';
import { API_NAMES } from '../../src/server/registry.js';
import { startProxy } from './prism.js';
import { FUZZ_NOW, type FuzzRequest, generateRequest } from './requests.js';

interface Violation {
  location?: string[];
  severity?: string;
  code?: string;
  message?: string;
}

/** What a run counted. */
interface Tally {
  sent: number;
  byStatus: Map<string, number>;
  responseViolations: Map<string, number>;
  requestViolations: number;
  asked5xx: number;
  unexplained5xx: string[];
  hangs: string[];
  /** 5xx that Prism answered itself, not the mock. */
  proxy5xx: string[];
  /** Requests sent again after a connection reset. */
  retried: number;
  /** Prism's own crashes (its last output): the proxy, not the mock, stopped answering. */
  prismCrashes: string[];
}

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'time-limit': { type: 'string', default: '900' },
    concurrency: { type: 'string', default: '8' },
    api: { type: 'string', multiple: true },
  },
});
const total = Number(values.requests);
const seed = Number(values.seed);
const timeLimitMs = Number(values['time-limit']) * 1000;
const concurrency = Number(values.concurrency);
const apis = values.api ?? API_NAMES;
for (const [name, n] of [
  ['--requests', total],
  ['--seed', seed],
  ['--time-limit', timeLimitMs],
  ['--concurrency', concurrency],
] as const)
  if (!Number.isInteger(n) || n < (name === '--seed' ? 0 : 1))
    throw new Error(`${name} must be a whole number`);
for (const api of apis)
  if (!API_NAMES.includes(api)) throw new Error(`--api ${api}: one of ${API_NAMES.join(', ')}`);

const started = Date.now();
const tally: Tally = {
  sent: 0,
  byStatus: new Map(),
  responseViolations: new Map(),
  requestViolations: 0,
  asked5xx: 0,
  unexplained5xx: [],
  hangs: [],
  proxy5xx: [],
  retried: 0,
  prismCrashes: [],
};
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Sends a request; a connection reset on a reused keep-alive socket is retried once, as clients do. */
async function fetchOnce(
  base: string,
  r: FuzzRequest,
  retry = true,
): Promise<{ res: Response; body: string }> {
  try {
    const res = await fetch(`${base}${r.url}`, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { res, body: await res.text() };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    if (retry && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET')) {
      tally.retried++;
      return fetchOnce(base, r, false);
    }
    throw error;
  }
}

async function sendOne(api: string, base: string, r: FuzzRequest): Promise<void> {
  const label = `${api} ${r.operationId} ${r.method} ${r.url.slice(0, 160)}`;
  let res: Response;
  let body: string;
  try {
    ({ res, body } = await fetchOnce(base, r));
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    tally.hangs.push(`${label}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
    return;
  }
  tally.sent++;
  bump(tally.byStatus, `${String(res.status)[0]}xx`);
  const header = res.headers.get('sl-violations');
  const violations = header ? (JSON.parse(header) as Violation[]) : [];
  for (const v of violations) {
    if (v.location?.[0] === 'response')
      bump(tally.responseViolations, `${api} ${r.operationId} ${res.status}: ${v.message}`);
    else tally.requestViolations++;
  }
  if (res.status >= 500) {
    // Every answer of the mock carries X-Mock-Seed; a 5xx without it is Prism's own (its upstream
    // call failed), shown with its body so a reader can tell.
    if (!res.headers.has('x-mock-seed'))
      tally.proxy5xx.push(`${label} → ${res.status} ${body.slice(0, 200)}`);
    else if (r.asksFor5xx) tally.asked5xx++;
    else tally.unexplained5xx.push(`${label} → ${res.status}`);
  }
}

async function fuzzApi(api: string, count: number): Promise<boolean> {
  const mock = await startMockServer({ apis: [api], now: FUZZ_NOW, logLevel: 'silent', host: '127.0.0.1' });
  // Prism forwards only the path it matched: the mock serves the one API at / as well.
  const proxy = await startProxy(loadSpec(api).file, mock.url).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  const spec = loadSpec(api);
  let next = 0;
  let inTime = true;
  const worker = async () => {
    while (next < count) {
      if (Date.now() - started > timeLimitMs) {
        inTime = false;
        return;
      }
      await sendOne(api, proxy.url, generateRequest(spec, seed, next++));
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    const crash = proxy.crashed();
    if (crash !== undefined)
      tally.prismCrashes.push(`${api}: ${crash.trim().split('\n').slice(-8).join(' | ')}`);
  } finally {
    await proxy.stop();
    await mock.close();
  }
  process.stdout.write(
    `  ${api}: ${next} requests (${((Date.now() - started) / 1000).toFixed(0)} s so far)\n`,
  );
  return inTime;
}

function printTally(complete: boolean): number {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const violations = [...tally.responseViolations.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `fuzz:proxy — seed ${seed}, clock ${FUZZ_NOW}, APIs ${apis.join(', ')}${complete ? '' : ' — STOPPED AT THE TIME LIMIT'}`,
    `  requests answered   ${tally.sent} in ${seconds} s`,
    `  by status           ${[...tally.byStatus]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    `  spec violations     ${violations} (answers Prism found outside the spec)`,
    `  unexplained 5xx     ${tally.unexplained5xx.length} (5xx asked for with Prefer or a scenario: ${tally.asked5xx})`,
    `  hangs / no answer   ${tally.hangs.length} (${tally.retried} sent again after a connection reset)`,
    `  Prism's own 5xx     ${tally.proxy5xx.length} (no X-Mock-Seed: the proxy, not the mock, answered)`,
    `  request violations  ${tally.requestViolations} (deliberately bad requests, as Prism sees them: not failures)`,
  ];
  for (const [what, n] of [...tally.responseViolations].sort((a, b) => b[1] - a[1]).slice(0, 20))
    lines.push(`  violation ×${n}: ${what}`);
  for (const what of tally.unexplained5xx.slice(0, 20)) lines.push(`  unexplained: ${what}`);
  for (const what of tally.hangs.slice(0, 20)) lines.push(`  hang: ${what}`);
  for (const what of tally.proxy5xx.slice(0, 20)) lines.push(`  Prism 5xx: ${what}`);
  for (const what of tally.prismCrashes) lines.push(`  Prism crashed: ${what}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const failures = [tally.unexplained5xx, tally.hangs, tally.proxy5xx, tally.prismCrashes];
  return violations > 0 || failures.some((list) => list.length > 0) ? 1 : 0;
}

let complete = true;
for (const [i, api] of apis.entries()) {
  // The remainder goes to the first APIs, so the counts add up to --requests.
  const count = Math.floor(total / apis.length) + (i < total % apis.length ? 1 : 0);
  if (!complete) break;
  complete = await fuzzApi(api, count);
}
process.exitCode = printTally(complete);
