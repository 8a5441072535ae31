/** `npm run bench`: every endpoint side by side, the scaling figures, workers, then bench/RESULTS.md. */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { realNow } from '../src/core/clock.js';
import { packagePath } from '../src/core/paths.js';
import { compareEndpoint, type EndpointResult } from './compare.js';
import { ENDPOINTS } from './endpoints.js';
import { machineLine } from './machine.js';
import { BENCH_HELP, benchOptions } from './options.js';
import { probeServer } from './probe.js';
import { killAll } from './processes.js';
import { renderReport } from './report.js';
import { runScaling } from './scaling.js';
import { runWorkers } from './workers.js';

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2), packagePath('bench', 'RESULTS.md'));
  if (options === 'help') {
    process.stdout.write(BENCH_HELP);
    return;
  }
  if (!existsSync(packagePath('dist', 'server', 'cli', 'cli.js')))
    throw new Error('Run `npm run build` first.');
  const loadBefore = loadavg()[0] ?? 0;
  const caps = await probeServer();
  log(`server mounts ${caps.apis.join(', ')}; scenarios ${caps.scenarios.join(', ')}`);
  const endpoints: EndpointResult[] = [];
  const wanted = (api: string) => options.parts.includes('compare') && (options.apis?.includes(api) ?? true);
  for (const endpoint of ENDPOINTS) {
    if (!wanted(endpoint.api)) {
      endpoints.push({ endpoint, skipped: 'n/a (not asked for in this run)' });
      continue;
    }
    log(`measuring ${endpoint.name}`);
    // One server that fails (a Prism crash, a port taken) costs its row, not the whole run.
    const result = await compareEndpoint(endpoint, caps, options).catch(
      (error: unknown): EndpointResult => ({ endpoint, skipped: `n/a (failed: ${messageOf(error)})` }),
    );
    endpoints.push(result);
  }
  const notAsked = 'n/a (not asked for in this run)';
  if (options.parts.includes('scaling')) log('measuring scaling');
  const scaling = options.parts.includes('scaling')
    ? await runScaling(caps, 1.5)
    : { series: [], csv: notAsked };
  if (options.parts.includes('workers')) log(`measuring --workers ${options.workers}`);
  const workers = options.parts.includes('workers')
    ? await runWorkers(caps, options.workers, options)
    : notAsked;
  const report = renderReport({
    machine: machineLine(loadBefore, loadavg()[0] ?? 0, process.env),
    date: new Date(realNow()).toISOString().slice(0, 10),
    options,
    endpoints,
    scaling,
    workers,
  });
  writeFileSync(options.out, report);
  process.stdout.write(report);
  log(`wrote ${options.out}`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench: failed: ${messageOf(error)}\n`);
    process.exitCode = 1;
  })
  .finally(killAll);
