/** Renders a bench run as Markdown: the side-by-side table, ratios, targets, scaling and workers. */
import type { EndpointResult, ServerFigures } from './compare.js';
import type { BenchOptions } from './options.js';
import type { ScalingResult } from './scaling.js';
import { checkTargets, growth } from './targets.js';
import type { WorkersResult } from './workers.js';

/** Everything one run measured, and where. */
export interface BenchResult {
  machine: string;
  date: string;
  options: BenchOptions;
  endpoints: EndpointResult[];
  scaling: ScalingResult;
  workers: WorkersResult | string;
}

const num = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));

/** A Markdown table with padded columns, as the formatter (biome) writes it. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function serverRow(name: string, s: ServerFigures): string[] {
  const { load } = s;
  return [
    name,
    s.kind,
    num(load.rps),
    num(load.p50, 1),
    num(load.p99, 1),
    num(load.rssMb),
    num(s.coldStartMs),
    num(load.bodyBytes / 1024, 1),
    load.failures > 0 ? String(load.failures) : '0',
  ];
}

function sideBySide(endpoints: readonly EndpointResult[]): string {
  const rows = endpoints.flatMap((r) =>
    'skipped' in r
      ? [[r.endpoint.name, r.skipped, '', '', '', '', '', '', '']]
      : r.servers.map((s, i) => serverRow(i === 0 ? r.endpoint.name : '', s)),
  );
  const notes = endpoints.flatMap((r) => ('note' in r && r.note ? [`- ${r.endpoint.name}: ${r.note}.`] : []));
  const header = [
    'endpoint',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'RSS MB',
    'cold start ms',
    'body KB',
    'failures',
  ];
  return [table(header, rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

function ratios(endpoints: readonly EndpointResult[]): string {
  const rows = endpoints.map((r) => {
    if ('skipped' in r) return [r.endpoint.name, r.skipped, '', '', '', '', '', '', ''];
    const rps = (kind: ServerFigures['kind']) => r.servers.find((s) => s.kind === kind)?.load.rps;
    const cold = (kind: ServerFigures['kind']) => r.servers.find((s) => s.kind === kind)?.coldStartMs;
    const over = (a: number | undefined, b: number | undefined) =>
      a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '—';
    return [
      r.endpoint.name,
      over(rps('ours'), rps('bare')),
      over(rps('ours'), rps('prism')),
      over(rps('ours'), rps('prism -d')),
      over(cold('ours'), cold('prism')),
      over(rps('ours, no cache'), rps('bare')),
      over(rps('ours, no cache'), rps('prism')),
      over(rps('ours, real clock'), rps('bare')),
      over(rps('ours'), rps('raw node:http')),
    ];
  });
  return table(
    [
      'endpoint',
      'ours/bare',
      'ours/Prism',
      'ours/Prism -d',
      'cold start ours/Prism',
      'no cache/bare',
      'no cache/Prism',
      'real clock/bare',
      'ours/raw node:http',
    ],
    rows,
  );
}

function scalingSection(scaling: ScalingResult): string {
  const parts = scaling.series.map((s) => {
    if (s.skipped) return `**${s.title}**: ${s.skipped}`;
    const one = s.unit.replace(/s$/, '');
    const perUnit = s.unit !== 'page';
    const rows = s.points.map((p) => [
      p.label,
      p.status === 'ok' ? num(p.ms, 2) : p.status,
      ...(perUnit ? [p.ms === undefined || p.size === 0 ? '—' : num((p.ms * 1000) / p.size, 1)] : []),
    ]);
    const header = [s.unit, 'ms per request', ...(perUnit ? [`µs per ${one}`] : [])];
    const trend = perUnit ? `\n\nCost per ${one} of the largest window: ${num(growth(s), 2)}× the next.` : '';
    const how = s.fresh
      ? 'median of sequential requests, each with a seed of its own: generated, not looked up'
      : 'median of sequential requests of one seed, with the response cache off';
    return `**${s.title}** (${how})\n\n${table(header, rows)}${trend}`;
  });
  const csv =
    typeof scaling.csv === 'string'
      ? `**CSV streaming**: ${scaling.csv}`
      : `**CSV streaming** of a whole high-volume DigitalCX day: ${scaling.csv.rows} rows, ${num(scaling.csv.megabytes, 1)} MB in ${num(scaling.csv.seconds, 2)} s = **${num(scaling.csv.rowsPerSecond)} rows/s** (median of 3, response cache off); ${num(scaling.csv.rowsPerCpuSecond)} rows per server CPU-second.`;
  return [...parts, csv, ...(scaling.note ? [`Note: ${scaling.note}.`] : [])].join('\n\n');
}

function workersSection(workers: WorkersResult | string): string {
  if (typeof workers === 'string') return workers;
  const rows = workers.runs.map((w) => [
    String(w.workers),
    num(w.load.rps),
    num(w.load.p99, 1),
    num(w.load.rssMb),
    num(w.coldStartMs),
  ]);
  return `${workers.endpoint}:\n\n${table(['workers', 'req/s', 'p99 ms', 'RSS MB (all processes)', 'cold start ms'], rows)}`;
}

/** The whole report. */
export function renderReport(result: BenchResult): string {
  const o = result.options;
  const targets = checkTargets(result.endpoints, result.scaling).map((t) => [
    t.target,
    t.measured,
    t.verdict,
  ]);
  return `# Benchmark results

${result.date} · ${result.machine} · clock pinned at 2025-03-01T12:00:00Z (the real-clock rows: windows ending at the start of the run's UTC day) · reproduce with \`npm run bench\`

Each server ran on 127.0.0.1 in its own process; autocannon applied ${o.connections} connections for ${o.seconds} s per server and endpoint, in ${o.rounds} alternating rounds after a ${o.warmupSeconds} s warm-up. RSS is the peak resident set under load; cold start is spawn to the first 200 on the endpoint. p99 and RSS are the worst round, req/s and p50 the median round.

## Side by side

${sideBySide(result.endpoints)}

## Ratios

${ratios(result.endpoints)}

## Targets

${table(['target', 'measured', 'verdict'], targets)}

## Scaling

${scalingSection(result.scaling)}

## Workers (\`--workers N\`)

${workersSection(result.workers)}
`;
}
