/**
 * Whether two builds answer the same bytes: every operation's `verify` probes plus a matrix of
 * series requests (units, groupings, filters, scenarios, seeds), driven in-process through each
 * build's request listener with a pinned clock and the response cache off, twice (cold, then warm
 * derived-data caches); status, Content-Type and body hashed per request.
 * Prints the requests whose answers differ and exits 1 if any does: the check after a speed change.
 *
 *   npx tsx bench/same-bytes.ts /tmp/before/dist dist
 */

import { createHash } from 'node:crypto';
import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { BENCH_NOW } from './endpoints.js';

/** A socket that keeps what is written to it. */
class RecordingSocket extends Duplex {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  override _read(): void {}
}

interface Request {
  url: string;
  headers: Record<string, string>;
}

const basic = `Basic ${Buffer.from('bench:s3cret').toString('base64')}`;
const CREDENTIALS: Record<string, string> = {
  logicdialog: 'Bearer pk_s3cret',
  chatlayer: basic,
  chatbotcom: 'Bearer bench',
  digitalcx: 'Bearer bench',
  generalbots: 'Bearer bench',
};

/** The series matrix: the requests whose answers come from the bucket summer. */
function matrix(): string[] {
  const urls: string[] = [];
  const cl = '/chatlayer/v1';
  const week = 'start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z';
  const month = 'start_time=2025-01-25T06:00:00Z&end_time=2025-03-02T00:00:00Z';
  for (const bot of ['bot-1', 'bot-7', 'support']) {
    for (const [w, buckets] of [
      [week, ['1h', '1d']],
      [month, ['1d', '1w']],
    ] as const) {
      for (const bucket of buckets) {
        for (const group of ['', 'channel_type', 'language'])
          urls.push(
            `${cl}/bots/${bot}/conversations?version=LIVE&${w}&bucket=${bucket}${group ? `&group_by=${group}` : ''}`,
          );
        urls.push(`${cl}/bots/${bot}/conversations?version=DRAFT&${w}&bucket=${bucket}&channel_type=WEB`);
        for (const stat of ['num_conversations', 'duration_seconds', 'num_messages'])
          urls.push(
            `${cl}/bots/${bot}/conversations/insights?version=LIVE&${w}&bucket=${bucket}&stat=${stat}`,
          );
        for (const op of [
          'messages',
          'users',
          'intents/insights',
          'knowledge_base',
          'knowledge_base/tags',
          'users/activity',
        ])
          urls.push(`${cl}/bots/${bot}/${op}?version=LIVE&${w}&bucket=${bucket}`);
      }
    }
    urls.push(`${cl}/bots/${bot}/intents?version=LIVE&${month}&first=10`);
  }
  const team = `${cl}/teams/team-1`;
  const quarter = 'start_time=2025-01-01T00:00:00Z&end_time=2025-03-01T00:00:00Z';
  for (const group of ['', 'bot_id', 'bot_id,bot_version', 'team_id,channel_type', 'campaign_source'])
    urls.push(`${team}/conversations?${quarter}&bucket=1w${group ? `&group_by=${group}` : ''}`);
  for (const bucket of ['1d', '1m']) urls.push(`${team}/knowledge_base?${quarter}&bucket=${bucket}`);
  for (const bucket of ['1h', '1d']) urls.push(`${team}/voice_minutes?${week}&bucket=${bucket}`);
  const names = [
    'user',
    'nlp',
    'message',
    'active-channel',
    'message-groups',
    'sentiment',
    'events',
    'blocks',
  ];
  for (const name of names)
    for (const [resolution, from] of [
      ['hour', '2025-02-27T05:00:00Z'],
      ['day', '2024-12-01T00:00:00Z'],
      ['week', '2024-12-04T00:00:00Z'],
      ['month', '2024-06-01T00:00:00Z'],
    ])
      urls.push(
        `/logicdialog/api/agent/analytics/${name}?client=acme&dateFrom=${from}&dateTo=2025-03-01T10:00:00Z&resolution=${resolution}`,
      );
  const cb = '/chatbotcom/reports';
  for (const report of [
    'conversations',
    'conversations.paid',
    'conversations.messages',
    'conversations.average',
  ])
    for (const q of [
      'from=2025-02-01&to=2025-03-01&dimension=day',
      'from=2025-02-27&to=2025-03-01&dimension=hour',
      'from=2024-03-01&to=2025-03-01&dimension=month&group=source',
      'period=last7days&group=storyId',
      'period=today',
    ])
      urls.push(`${cb}/${report}?${q}`);
  const gb = '/generalbots/api/v1/analytics';
  for (const q of ['days=30', 'start_date=2025-01-01&end_date=2025-02-28', 'period=week'])
    for (const op of [
      'usage',
      'usage/daily',
      'usage/monthly',
      'conversations',
      'conversations/volume',
      'conversations/duration',
      'conversations/resolution',
      'engagement',
      'engagement/retention',
      'engagement/satisfaction',
    ])
      urls.push(`${gb}/${op}?${q}`);
  urls.push(
    `${gb}/conversations/volume?days=3&group_by=hour`,
    `${gb}/conversations/duration?days=90&group_by=week`,
  );
  const cx =
    '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z';
  urls.push(cx, `${cx}&paginateData=true`, `${cx}&culture=en&includeUserInfo=true`);
  return urls;
}

async function probes(dist: string): Promise<string[]> {
  const base = pathToFileURL(`${resolve(dist)}/`).href;
  const { API_MODULES } = await import(`${base}server/registry.js`);
  const { loadSpec } = await import(`${base}core/spec.js`);
  const urls: string[] = [];
  for (const api of API_MODULES as { name: string; probes?: { build(ctx: unknown): unknown[] } }[]) {
    if (!api.probes) continue;
    const ctx = { now: Date.parse(BENCH_NOW), params: {}, spec: loadSpec(api.name) };
    for (const probe of api.probes.build(ctx) as {
      method: string;
      path: string;
      query?: Record<string, string | string[]>;
      write?: boolean;
      anonymous?: boolean;
    }[]) {
      if (probe.method !== 'GET' || probe.write || probe.anonymous) continue;
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(probe.query ?? {}))
        for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
      const q = query.toString();
      urls.push(`/${api.name}${probe.path}${q ? `?${q}` : ''}`);
    }
  }
  return urls;
}

function requestsOf(urls: readonly string[]): Request[] {
  const out: Request[] = [];
  for (const url of urls) {
    const api = url.split('/')[1] ?? '';
    const auth = { authorization: CREDENTIALS[api] ?? 'Bearer bench' };
    out.push({ url, headers: auth });
    out.push({ url, headers: { ...auth, 'x-mock-seed': '7', 'x-mock-scenario': 'high-volume' } });
    out.push({ url, headers: { ...auth, 'x-mock-now': '2025-02-27T15:30:00Z' } });
    if (api === 'digitalcx') out.push({ url, headers: { ...auth, accept: 'application/json' } });
  }
  return out;
}

/** Answers by status, over every build: a matrix of 400s would prove little. */
const statuses = new Map<number, number>();

/** One request through a listener; resolves with the hash of what was written. */
function answer(app: RequestListener, r: Request): Promise<string> {
  return new Promise((done) => {
    const socket = new RecordingSocket();
    const req = new IncomingMessage(socket as never);
    req.method = 'GET';
    req.url = r.url;
    req.headers = { host: '127.0.0.1', accept: '*/*', ...r.headers };
    // As Node's parser gives them: the headers as sent too (the front compares them with the last request's).
    req.rawHeaders = Object.entries(req.headers).flat() as string[];
    req.push(null);
    const res = new ServerResponse(req);
    res.assignSocket(socket as never);
    // As Node's server does: the socket's 'drain' is the response's (streamed bodies wait for it).
    socket.on('drain', () => res.emit('drain'));
    res.on('finish', () => {
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (process.env.SB_DEBUG && res.statusCode >= 400) console.log(res.statusCode, r.url);
      const raw = Buffer.concat(socket.chunks).toString('latin1');
      // The head's Date header moves with the real clock: hash the status line, type and body.
      const at = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, at).split('\r\n');
      const kept = head.filter(
        (line, i) => i === 0 || /^(content-type|continuationtoken|x-mock-now):/i.test(line),
      );
      done(createHash('sha256').update(kept.join('\n')).update(raw.slice(at)).digest('hex').slice(0, 16));
    });
    app(req, res);
  });
}

async function listenerOf(dist: string): Promise<RequestListener> {
  const base = pathToFileURL(`${resolve(dist)}/server/`).href;
  const { createMockApp } = await import(`${base}app.js`);
  const { createConfig } = await import(`${base}cli/config.js`).catch(() => import(`${base}config.js`));
  // The response cache off: every answer is computed (from the derived-data caches, once warm).
  const mock = createMockApp(
    createConfig({ logLevel: 'silent', now: Date.parse(BENCH_NOW), responseCacheBytes: 0 }),
  );
  return mock.listener ?? mock.app;
}

const builds = process.argv.slice(2);
if (builds.length !== 2) throw new Error('usage: same-bytes.ts <dist before> <dist after>');
const requests = requestsOf([...matrix(), ...(await probes(builds[0] as string))]);
// Each build answers the list twice, the second time backwards: first with cold derived-data
// caches, then warm from other windows' days and from the same window.
const hashes: string[][] = [];
for (const dist of builds) {
  const app = await listenerOf(dist);
  const cold: string[] = [];
  for (const r of requests) cold.push(await answer(app, r));
  const warm: string[] = new Array(requests.length);
  for (let i = requests.length - 1; i >= 0; i--) warm[i] = await answer(app, requests[i] as Request);
  hashes.push(cold, warm);
}
let differ = 0;
requests.forEach((r, i) => {
  if (hashes.every((own) => own[i] === hashes[0]?.[i])) return;
  differ++;
  process.stdout.write(`differs: ${r.url} ${JSON.stringify(r.headers)}\n`);
});
const tally = [...statuses].map(([status, n]) => `${n / (2 * builds.length)}× ${status}`).join(', ');
process.stdout.write(`${requests.length} requests (${tally}), ${differ} differ\n`);
process.exitCode = differ === 0 ? 0 : 1;
