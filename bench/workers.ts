/** What `--workers N` buys: the same endpoint on one process and on N cluster workers. */

import type { LoadSettings } from './compare.js';
import { ENDPOINTS } from './endpoints.js';
import { type LoadFigures, runLoad } from './load.js';
import type { Capabilities } from './probe.js';
import { stopProcess } from './processes.js';
import { startOurCli } from './servers.js';

/** Figures per worker count, on one endpoint. */
export interface WorkersResult {
  endpoint: string;
  runs: { workers: number; load: LoadFigures; coldStartMs: number }[];
}

/** Measures the first plain endpoint whose API is mounted with 1 and with `workers` processes. */
export async function runWorkers(
  caps: Capabilities,
  workers: number,
  settings: LoadSettings,
): Promise<WorkersResult | string> {
  if (!caps.workers) return 'n/a (this build has no --workers)';
  if (workers < 2) return 'n/a (run with --workers N, N ≥ 2)';
  const endpoint = ENDPOINTS.find((e) => caps.apis.includes(e.api) && !e.page && !e.scenario);
  if (!endpoint) return 'n/a (no API mounted)';
  const result: WorkersResult = { endpoint: endpoint.name, runs: [] };
  for (const count of [1, workers]) {
    const started = await startOurCli(endpoint.url, endpoint.headers, ['--workers', String(count)]);
    try {
      const spec = {
        url: `${started.base}${endpoint.url}`,
        headers: endpoint.headers,
        connections: settings.connections,
        pid: started.server.child.pid,
      };
      await runLoad({ ...spec, seconds: settings.warmupSeconds });
      const load = await runLoad({ ...spec, seconds: settings.seconds });
      result.runs.push({ workers: count, load, coldStartMs: started.coldStartMs });
    } finally {
      await stopProcess(started.server);
    }
  }
  return result;
}
