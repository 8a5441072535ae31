/**
 * Run by `npm run build` after bundle-cli.ts: writes `dist/server/cli/cli-bundle.cache`, the V8 code
 * cache the bin reads (server/cli/code-cache.ts). A cache V8 makes right after compiling holds only
 * the bundle's top level; this one is made after the CLI has started in this process and answered
 * a first request on each API, so it holds the bytecode of every function a start and a first
 * answer run (V8 compiles a function when it first runs; from the cache it does not).
 *
 * The cache is then checked in a fresh Node process, as the bin will read it: a build whose cache
 * V8 would refuse fails here rather than silently starting slower.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { packagePath } from '../core/paths.js';
import { cacheFile, compileBundle } from '../server/cli/code-cache.js';
import { untuneHeap } from '../server/cli/heap.js';

const BIN = packagePath('dist', 'server', 'cli', 'cli.js');
const BUNDLE = packagePath('dist', 'server', 'cli', 'cli-bundle.cjs');
const CACHE = packagePath('dist', 'server', 'cli', 'cli-bundle.cache');
const HOST = '127.0.0.1';

const bearer = { Authorization: 'Bearer build' };
const basic = { Authorization: `Basic ${Buffer.from('build:s3cret').toString('base64')}` };
const digitalcx =
  '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z';

/** A first request on each API (JSON and CSV), and the health check containers send. */
const WARM_UP: readonly (readonly [string, Record<string, string>])[] = [
  ['/__mock/health', {}],
  [
    '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2025-02-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    { Authorization: 'Bearer pk_build' },
  ],
  [
    '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type',
    basic,
  ],
  [
    '/chatlayer/v1/bots/bot-1/intents?version=LIVE&start_time=2025-02-01T00:00:00Z&end_time=2025-03-01T00:00:00Z&first=10',
    basic,
  ],
  ['/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day', bearer],
  [digitalcx, bearer],
  [`${digitalcx}&paginateData=true`, bearer],
  ['/generalbots/api/v1/analytics/usage/daily?days=30', bearer],
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForUp(base: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await (await fetch(`${base}/__mock/health`)).arrayBuffer();
      return;
    } catch (error) {
      if (tries >= 600) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

rmSync(CACHE, { force: true });
const port = await freePort();
const base = `http://${HOST}:${port}`;
// The CLI reads its flags from process.argv, as when it runs as the bin.
process.argv = [process.execPath, BIN, '--port', String(port), '--host', HOST];
process.argv.push('--now', '2025-03-01T12:00:00Z', '--log-level', 'silent');
const stdout = process.stdout.write.bind(process.stdout);
process.stdout.write = (() => true) as typeof process.stdout.write; // the banner
const bundle = compileBundle(BUNDLE);
bundle.run();
await waitForUp(base);
for (const [path, headers] of WARM_UP) {
  const res = await fetch(`${base}${path}`, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`code cache warm-up: ${path} answered ${res.status}`);
}
process.stdout.write = stdout;
untuneHeap();
writeFileSync(CACHE, cacheFile(readFileSync(BUNDLE), bundle.script.createCachedData()));

const check = `import(${JSON.stringify(packagePath('dist', 'server', 'cli', 'code-cache.js'))}).then((m) => process.stdout.write(m.compileBundle(${JSON.stringify(BUNDLE)}, ${JSON.stringify(CACHE)}).cache))`;
const use = execFileSync(process.execPath, ['-e', check], { encoding: 'utf8' });
if (use !== 'used')
  throw new Error(`the code cache written to ${CACHE} is not used by a fresh process: ${use}`);
process.exit(0);
