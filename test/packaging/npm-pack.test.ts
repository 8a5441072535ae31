import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { terminate, waitForOutput } from '../support/child-process.js';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir: string;
let consumer: string;
let packed: { files: { path: string }[] };

/** Runs a command in the consumer project (bounded in time) and returns its stdout. */
async function inConsumer(command: string, args: string[], timeoutMs = 30_000): Promise<string> {
  const { stdout } = await exec(command, args, { cwd: consumer, timeout: timeoutMs, maxBuffer: 16 << 20 });
  return stdout;
}

// The package as a user gets it: `npm pack`, then installed from the tarball into an empty project
// with production dependencies only (what `npx bot-analytics-mock` does).
beforeAll(async () => {
  expect(existsSync(packagePath('dist', 'index.js')), 'run `npm run build` first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'bam-pack-'));
  // --ignore-scripts: dist/ is already built (npm test builds first); rebuilding here would race
  // with the other test files that run dist/.
  const { stdout } = await exec(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: packagePath(),
    timeout: 60_000,
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = info as typeof packed;
  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  await inConsumer(
    NPM,
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(dir, info?.filename ?? '')],
    180_000,
  );
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm package', () => {
  it('ships the build, the specs and the README, and neither sources, tests nor source maps', () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of [
      'dist/server/cli/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'specs/digitalcx.yaml',
      'dist/precompiled/specs/digitalcx.json',
      'dist/precompiled/validators/digitalcx.cjs',
      'README.md',
    ])
      expect(paths).toContain(path);
    expect(paths.filter((p) => /^(src|test|examples)\/|\.map$/.test(p))).toEqual([]);
  });

  it('installs without any dev dependency', () => {
    for (const dev of ['typescript', 'vitest', '@biomejs/biome', 'supertest', 'playwright-core'])
      expect(existsSync(join(consumer, 'node_modules', dev)), dev).toBe(false);
  });

  it('runs `npx bot-analytics-mock --help`, listing every flag and variable', async () => {
    const help = await inConsumer('npx', ['--no', '--', 'bot-analytics-mock', '--help']);
    for (const word of [
      '--port',
      'PORT',
      '--seed',
      'MOCK_SEED',
      '--api',
      '--cors-origin',
      '--log-level',
      'LOG_LEVEL',
    ])
      expect(help).toContain(word);
  });

  it('starts the installed CLI, serves an API, the docs renderer and health, and drains on SIGTERM', async () => {
    const bin = join(consumer, 'node_modules', '.bin', 'bot-analytics-mock');
    const child = spawn(bin, ['--port', '0', '--host', '127.0.0.1', '--now', '2025-03-01T12:00:00Z'], {
      cwd: consumer,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const text = await waitForOutput(child, /docs (http:\/\/127\.0\.0\.1:\d+)\/docs/);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(5_000) });
      expect((await get('/__mock/health')).status).toBe(200);
      expect((await get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
      const data = await get(
        '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z',
        { Authorization: 'Bearer x' },
      );
      expect(data.status).toBe(200);
      expect(await terminate(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exports a typed startMockServer to `import` from the package name', async () => {
    const script = `
      import { startMockServer } from 'bot-analytics-mock';
      const mock = await startMockServer({ seed: 5 });
      const health = await (await fetch(mock.url + '/__mock/health')).json();
      await mock.close();
      console.log(JSON.stringify({ seed: health.seed, urls: Object.keys(mock.urls) }));`;
    const out = await inConsumer(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(out)).toMatchObject({ seed: 5, urls: expect.arrayContaining(['digitalcx']) });
    writeFileSync(
      join(consumer, 'typed.ts'),
      `import { startMockServer, type MockServer } from 'bot-analytics-mock';
const mock: MockServer = await startMockServer({ seed: 1, now: '2025-03-01T12:00:00Z' });
const url: string = mock.url;
// @ts-expect-error seed is a number
await startMockServer({ seed: 'one' });
export { url };
`,
    );
    const tsc = packagePath('node_modules', 'typescript', 'bin', 'tsc');
    await inConsumer(process.execPath, [
      tsc,
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      packagePath('node_modules', '@types'),
      'typed.ts',
    ]);
  });
});
