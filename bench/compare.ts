/** The side-by-side run of one endpoint: ours, bare Express and Prism (static, dynamic), alternating. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { realNow } from '../src/core/clock.js';
import { packagePath } from '../src/core/paths.js';
import { type BenchEndpoint, prismUrl } from './endpoints.js';
import { combine, type LoadFigures, runLoad } from './load.js';
import { urlOfPage } from './pages.js';
import type { Capabilities } from './probe.js';
import { stopProcess } from './processes.js';
import { type ServerKind, type Started, startBare, startOurCli, startPrism, startRaw } from './servers.js';

/** How hard and how long each server is loaded. */
export interface LoadSettings {
  connections: number;
  /** Seconds of load per server and endpoint, split over the rounds. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

/** One server's figures for an endpoint. */
export interface ServerFigures {
  kind: ServerKind;
  load: LoadFigures;
  /** Spawn to first 200 on the endpoint; undefined where not comparable (bare runs through tsx). */
  coldStartMs: number | undefined;
}

/** The outcome for one endpoint: figures per server, or why it was not measured. */
export type EndpointResult =
  | { endpoint: BenchEndpoint; servers: ServerFigures[]; note?: string }
  | { endpoint: BenchEndpoint; skipped: string };

function withScenario(endpoint: BenchEndpoint): Record<string, string> {
  return endpoint.scenario ? { ...endpoint.headers, 'X-Mock-Scenario': endpoint.scenario } : endpoint.headers;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Headers a server sets per connection or per response, not part of the recorded answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Fetches our answer once, to hand the bare and raw servers a body of the same bytes and type (and,
 * for the raw one, the same headers).
 */
async function saveBody(started: Started, url: string, headers: Record<string, string>, name: string) {
  const res = await fetch(`${started.base}${url}`, { headers, signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await res.arrayBuffer());
  const dir = packagePath('bench', '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${slug(name)}.body`;
  writeFileSync(file, body);
  const sent = Object.fromEntries([...res.headers].filter(([header]) => !PER_RESPONSE.has(header)));
  const headersFile = `${dir}/${slug(name)}.headers.json`;
  writeFileSync(headersFile, JSON.stringify(sent));
  return {
    status: res.status,
    file,
    headersFile,
    type: res.headers.get('content-type') ?? 'application/octet-stream',
  };
}

interface Target {
  kind: ServerKind;
  started: Started;
  url: string;
  coldStart: boolean;
}

/** Measures one endpoint on every server, in alternating rounds, and stops them all. */
export async function compareEndpoint(
  endpoint: BenchEndpoint,
  caps: Capabilities,
  settings: LoadSettings,
): Promise<EndpointResult> {
  if (!caps.apis.includes(endpoint.api)) return { endpoint, skipped: 'n/a (API not mounted)' };
  const headers = withScenario(endpoint);
  const targets: Target[] = [];
  try {
    const ours = await startOurCli(endpoint.url, headers);
    targets.push({ kind: 'ours', started: ours, url: endpoint.url, coldStart: true });
    const paged = await urlOfPage(ours.base, endpoint.url, headers, endpoint.page ?? 1);
    if ('missing' in paged) return { endpoint, skipped: `n/a (${paged.missing})` };
    const body = await saveBody(ours, paged.url, headers, endpoint.name);
    if (body.status !== 200) return { endpoint, skipped: `n/a (ours answered ${body.status})` };
    targets[0] = { ...(targets[0] as Target), url: paged.url };
    if (caps.responseCache) {
      // The same server with every request computed: what a first request, or the real clock, costs.
      const uncached = await startOurCli(endpoint.url, headers, ['--response-cache', '0']);
      targets.push({ kind: 'ours, no cache', started: uncached, url: paged.url, coldStart: false });
    }
    // As `npm start` runs: the real clock, the same kind of window in the recent past.
    const recent = endpoint.realClockUrl(realNow());
    const real = await startOurCli(recent, headers, [], 'real');
    targets.push({ kind: 'ours, real clock', started: real, url: recent, coldStart: false });
    const realPaged = await urlOfPage(real.base, recent, headers, endpoint.page ?? 1);
    if ('missing' in realPaged) return { endpoint, skipped: `n/a (real clock: ${realPaged.missing})` };
    targets[targets.length - 1] = {
      kind: 'ours, real clock',
      started: real,
      url: realPaged.url,
      coldStart: false,
    };
    targets.push({
      kind: 'bare',
      started: await startBare(body.file, body.type),
      url: '/',
      coldStart: false,
    });
    targets.push({
      kind: 'raw node:http',
      started: await startRaw(body.file, body.headersFile),
      url: '/',
      coldStart: false,
    });
    for (const dynamic of [false, true]) {
      const started = await startPrism(endpoint.api, dynamic, prismUrl(endpoint), headers);
      targets.push({
        kind: dynamic ? 'prism -d' : 'prism',
        started,
        url: prismUrl({ ...endpoint, url: paged.url }),
        coldStart: true,
      });
    }
    const load = (t: Target, seconds: number) =>
      runLoad({
        url: `${t.started.base}${t.url}`,
        headers,
        connections: settings.connections,
        seconds,
        pid: t.started.server.child.pid,
      });
    for (const t of targets) await load(t, settings.warmupSeconds);
    const rounds = new Map<ServerKind, LoadFigures[]>(targets.map((t) => [t.kind, []]));
    for (let round = 0; round < settings.rounds; round++) {
      for (const t of targets) rounds.get(t.kind)?.push(await load(t, settings.seconds / settings.rounds));
    }
    return {
      endpoint,
      servers: targets.map((t) => ({
        kind: t.kind,
        load: combine(rounds.get(t.kind) ?? []),
        coldStartMs: t.coldStart ? t.started.coldStartMs : undefined,
      })),
    };
  } finally {
    for (const t of targets) await stopProcess(t.started.server);
  }
}
