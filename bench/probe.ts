/** What the built server offers: the APIs it mounts, the scenarios it knows, --workers, --response-cache. */
import { execFileSync } from 'node:child_process';
import { packagePath } from '../src/core/paths.js';
import { stopProcess } from './processes.js';
import { startOurCli } from './servers.js';

/** The capabilities of the build under test. */
export interface Capabilities {
  apis: string[];
  scenarios: string[];
  workers: boolean;
  /** Whether it has --response-cache (then the table also shows it with the cache off). */
  responseCache: boolean;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Starts the CLI once and asks its control plane. */
export async function probeServer(): Promise<Capabilities> {
  const help = execFileSync(process.execPath, [packagePath('dist', 'server', 'cli', 'cli.js'), '--help'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const started = await startOurCli('/__mock/health', {});
  try {
    const health = await getJson<{ apis: { name: string }[] }>(`${started.base}/__mock/health`);
    const scenarios = await getJson<{ scenarios: { name: string }[] }>(`${started.base}/__mock/scenarios`);
    return {
      apis: health.apis.map((a) => a.name),
      scenarios: scenarios.scenarios.map((s) => s.name),
      workers: help.includes('--workers'),
      responseCache: help.includes('--response-cache'),
    };
  } finally {
    await stopProcess(started.server);
  }
}
