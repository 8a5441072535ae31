/**
 * Soak: mixed traffic against the built server for a bounded time, sampling its RSS every few
 * seconds. Memory must stay flat (the journal and caches are bounded). 127.0.0.1 only.
 *
 *   npm run soak                 # 60 s
 *   SOAK_SECONDS=600 npm run soak
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SECONDS = Math.min(3600, Math.max(10, Number(process.env.SOAK_SECONDS ?? 60)));
const SAMPLE_EVERY_MS = 5000;
const CONCURRENCY = 16;
// npm scripts run from the package root.
const CLI = resolve('dist/server/cli/cli.js');

/** Requests of every kind the mock serves; a path may be absent if its API is not registered. */
const PATHS: { url: string; headers: Record<string, string> }[] = [
  {
    url: '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z',
    headers: { Authorization: 'Bearer soak' },
  },
  {
    url: '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z&paginateData=true',
    headers: { Authorization: 'Bearer soak', Accept: 'application/json' },
  },
  {
    url: '/digitalcx/unknown/projects/shop/interactions?startDate=2025-02-28&endDate=2025-03-01',
    headers: { Authorization: 'Bearer soak' },
  },
  {
    url: '/digitalcx/acme/projects/shop/interactions?startDate=bad',
    headers: { Authorization: 'Bearer soak' },
  },
  {
    url: '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01',
    headers: { Authorization: 'Bearer soak' },
  },
  {
    url: `/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type`,
    headers: { Authorization: `Basic ${Buffer.from('soak:s3cret').toString('base64')}` },
  },
  {
    url: '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    headers: { Authorization: 'Bearer pk_soak' },
  },
  { url: '/generalbots/api/v1/analytics/usage/daily?days=30', headers: { Authorization: 'Bearer soak' } },
  { url: '/no/such/path', headers: {} },
];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--host', '127.0.0.1', '--now', '2025-03-01T12:00:00Z', '--log-level', 'silent'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 10 s')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve((m[1] as string).replace('localhost', '127.0.0.1'));
      }
    });
  });
  const deadline = Date.now() + SECONDS * 1000;
  const samples: { t: number; rss: number; requests: number }[] = [];
  let requests = 0;
  let failures = 0;
  const statuses = new Map<number, number>();
  const started = Date.now();
  const sampler = setInterval(
    () =>
      samples.push({
        t: Math.round((Date.now() - started) / 1000),
        rss: rssMb(child.pid as number),
        requests,
      }),
    SAMPLE_EVERY_MS,
  );
  const worker = async (w: number) => {
    for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
      const p = PATHS[i % PATHS.length] as (typeof PATHS)[number];
      // Vary the seed so caches see many keys, and abort some requests midway like impatient clients do.
      const headers = { ...p.headers, 'X-Mock-Seed': String(i % 500) };
      const abort = i % 13 === 0 ? AbortSignal.timeout(5) : AbortSignal.timeout(10_000);
      try {
        const res = await fetch(`${base}${p.url}`, { headers, signal: abort });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      } catch {
        failures++;
      }
      requests++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  clearInterval(sampler);
  samples.push({ t: Math.round((Date.now() - started) / 1000), rss: rssMb(child.pid as number), requests });
  child.kill('SIGTERM');

  console.log(
    `soak: ${SECONDS} s, ${CONCURRENCY} connections, ${requests} requests (${failures} aborted or failed on purpose/timeout)`,
  );
  console.log(
    `statuses: ${[...statuses]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
  );
  console.log('t (s)  RSS (MB)  requests');
  for (const s of samples)
    console.log(
      `${String(s.t).padStart(5)}  ${s.rss.toFixed(1).padStart(8)}  ${String(s.requests).padStart(8)}`,
    );
  const warm = samples[Math.min(2, samples.length - 1)] as (typeof samples)[number];
  const last = samples.at(-1) as (typeof samples)[number];
  const growth = last.rss - warm.rss;
  const flat = growth < Math.max(15, warm.rss * 0.15);
  console.log(
    `RSS after warm-up ${warm.rss.toFixed(1)} MB → end ${last.rss.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB): ${flat ? 'flat' : 'GROWING'}`,
  );
  process.exitCode = flat ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
