/** How the bench starts each server it compares: ours (CLI or bench host), bare Express, and Prism. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packagePath } from '../src/core/paths.js';
import { BENCH_NOW } from './endpoints.js';
import { freePort, HOST, type ServerProcess, startProcess, waitForOk } from './processes.js';

/** The servers of the side-by-side table. */
export type ServerKind =
  | 'ours'
  | 'ours, no cache'
  | 'ours, real clock'
  | 'bare'
  | 'raw node:http'
  | 'prism'
  | 'prism -d';

/** A started server, and how long it took from spawn to its first 200. */
export interface Started {
  server: ServerProcess;
  base: string;
  coldStartMs: number;
}

/** How our server's clock runs: pinned at BENCH_NOW (comparable runs) or real (as `npm start` runs). */
export type Clock = 'pinned' | 'real';

/** Our flags for every run: loopback only, quiet, the clock pinned unless asked for the real one. */
function ourFlags(port: number, extra: string[], clock: Clock): string[] {
  const pinned = clock === 'pinned' ? ['--now', BENCH_NOW] : [];
  return ['--host', HOST, '--port', String(port), ...pinned, '--log-level', 'silent', ...extra];
}

/** Starts a server and waits for its first 200 on `probe` (a path), measuring the cold start. */
async function startAndProbe(
  label: string,
  command: string,
  args: (port: number) => string[],
  probe: string,
  headers: Record<string, string>,
): Promise<Started> {
  const port = await freePort();
  const startedAt = performance.now();
  const server = startProcess(label, command, args(port), port);
  const base = `http://${HOST}:${port}`;
  const coldStartMs = await waitForOk(server, `${base}${probe}`, headers, startedAt);
  return { server, base, coldStartMs };
}

/** Our server as users run it: the built CLI. `extra` adds flags such as `--workers 2`. */
export function startOurCli(
  probe: string,
  headers: Record<string, string>,
  extra: string[] = [],
  clock: Clock = 'pinned',
) {
  const cli = packagePath('dist', 'server', 'cli', 'cli.js');
  return startAndProbe(
    'ours',
    process.execPath,
    (port) => [cli, ...ourFlags(port, extra, clock)],
    probe,
    headers,
  );
}

/** A bare Express 5 handler sending the given body file. */
export function startBare(bodyFile: string, contentType: string) {
  const script = packagePath('bench', 'bare-server.ts');
  return startAndProbe(
    'bare Express',
    process.execPath,
    (port) => ['--import', 'tsx', script, String(port), bodyFile, contentType],
    '/',
    {},
  );
}

/** A raw `node:http` handler sending the given body with the given headers (JSON file). */
export function startRaw(bodyFile: string, headersFile: string) {
  const script = packagePath('bench', 'raw-server.ts');
  return startAndProbe(
    'raw node:http',
    process.execPath,
    (port) => ['--import', 'tsx', script, String(port), bodyFile, headersFile],
    '/',
    {},
  );
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@stoplight/prism-cli/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

/** Prism mocking our spec of an API, static or dynamic (`-d`), with its logging off. */
export function startPrism(api: string, dynamic: boolean, probe: string, headers: Record<string, string>) {
  const spec = packagePath('specs', `${api}.yaml`);
  return startAndProbe(
    dynamic ? 'prism -d' : 'prism',
    process.execPath,
    (port) => [
      prismBin(),
      'mock',
      '-h',
      HOST,
      '-p',
      String(port),
      '-v',
      'silent',
      ...(dynamic ? ['-d'] : []),
      spec,
    ],
    probe,
    headers,
  );
}
