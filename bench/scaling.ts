/** Scaling figures: cost against window size, page depth, and CSV rows per second on a high-volume day. */
import { packagePath } from '../src/core/paths.js';
import { ENDPOINTS, HIGH_VOLUME } from './endpoints.js';
import { urlOfPage } from './pages.js';
import type { Capabilities } from './probe.js';
import { cpuSeconds, stopProcess } from './processes.js';
import { type Started, startOurCli } from './servers.js';

/** The cost of one request of a series, at one connection. */
export interface CostPoint {
  label: string;
  /** The window or page size in its unit (days, hours, page number). */
  size: number;
  /** Milliseconds per request, from requests per second at one connection. */
  ms: number | undefined;
  status: string;
}

/** One scaling figure: a series of points, or why it was not measured. */
export interface Series {
  title: string;
  unit: string;
  points: CostPoint[];
  /** Whether every request had a seed of its own (nothing cached), or all had the server's. */
  fresh?: boolean;
  skipped?: string;
}

/** Streaming a whole high-volume DigitalCX day as CSV. */
export interface CsvFigure {
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Rows per CPU-second of the server: what the rate would be with a core to itself. */
  rowsPerCpuSecond: number | undefined;
}

/** Everything the scaling run measured. */
export interface ScalingResult {
  series: Series[];
  csv: CsvFigure | string;
  note?: string;
}

const MS_DAY = 86_400_000;
const END = Date.parse('2025-03-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const endpointOf = (api: string) => ENDPOINTS.find((e) => e.api === api);
const DCX = ENDPOINTS.find((e) => e.api === 'digitalcx' && e.page === undefined);
const DCX_HEADERS = { ...(DCX?.headers ?? {}), 'X-Mock-Scenario': HIGH_VOLUME };
/**
 * The bench's own scenarios (bench/scenarios): the high-volume day has 43 pages of the default 500
 * rows, so page 50 is read from the same day in pages of 200 rows.
 */
const BENCH_SCENARIOS = packagePath('bench', 'scenarios');
const PAGES_SCENARIO = 'high-volume-pages';
const PAGE_SIZE = 200;
const PAGES_HEADERS = { ...DCX_HEADERS, 'X-Mock-Scenario': PAGES_SCENARIO };

function dcxWindow(hours: number): string {
  const start = END - MS_DAY;
  return `/digitalcx/acme/projects/shop/interactions?startDate=${iso(start)}&endDate=${iso(start + hours * 3_600_000)}`;
}

/** One request, timed to its last byte; counts the body's lines (CSV records + header). */
async function timed(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { status: res.status, ms: performance.now() - started, lines, bytes };
}

let seeds = 1000;

/**
 * The headers of a request the server has never seen: a seed of its own (X-Mock-Seed), so no cache
 * of derived data holds any of its answer. What a window costs to generate, not to look up.
 */
function unseen(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'X-Mock-Seed': String(seeds++) };
}

/**
 * The cost of a request: the median of sequential requests (one connection) over about `seconds`,
 * after one warm-up; `size` reads the window size from the response when the caller cannot know it.
 * `fresh` sends every request with a new seed (see unseen); pages keep theirs (a continuation token
 * is bound to its seed) and are read from the derived hours the first page generated.
 */
async function cost(
  ours: Started,
  label: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  size: (first: Awaited<ReturnType<typeof timed>>) => number,
  fresh = true,
): Promise<CostPoint> {
  const headersOf = () => (fresh ? unseen(headers) : headers);
  const first = await timed(`${ours.base}${url}`, headersOf());
  if (first.status !== 200) return { label, size: 0, ms: undefined, status: `answered ${first.status}` };
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 3 || (performance.now() - started < seconds * 1000 && times.length < 200))
    times.push((await timed(`${ours.base}${url}`, headersOf())).ms);
  times.sort((a, b) => a - b);
  return { label, size: size(first), ms: times[Math.floor(times.length / 2)], status: 'ok' };
}

async function chatlayerSeries(ours: Started, caps: Capabilities, seconds: number): Promise<Series> {
  const series: Series = {
    title: 'Chatlayer hourly series by channel',
    unit: 'days',
    points: [],
    fresh: true,
  };
  const endpoint = endpointOf('chatlayer');
  if (!endpoint || !caps.apis.includes('chatlayer')) return { ...series, skipped: 'n/a (API not mounted)' };
  for (const days of [1, 7, 30, 90]) {
    const url = endpoint.url
      .replace(/start_time=[^&]+/, `start_time=${iso(END - days * MS_DAY)}`)
      .replace(/end_time=[^&]+/, `end_time=${iso(END)}`);
    series.points.push(await cost(ours, `${days} d`, url, endpoint.headers, seconds, () => days));
  }
  return series;
}

async function digitalcxWindows(ours: Started, seconds: number): Promise<Series> {
  // Traffic follows the time of day, so the cost is read per row rather than per hour.
  const series: Series = { title: 'DigitalCX high-volume window as CSV', unit: 'rows', points: [] };
  for (const hours of [3, 6, 12, 24]) {
    // One seed: the rows of a window depend on it. A stream keeps at most 5,000 rows of its hours
    // (log-reader.ts), so the larger windows are mostly generated again on every request.
    const point = await cost(
      ours,
      `${hours} h`,
      dcxWindow(hours),
      DCX_HEADERS,
      seconds,
      (r) => r.lines - 1,
      false,
    );
    series.points.push({ ...point, label: `${hours} h (${point.size} rows)` });
  }
  return series;
}

async function digitalcxPages(ours: Started, seconds: number): Promise<Series> {
  const series: Series = {
    title: `DigitalCX high-volume day, page N (${PAGE_SIZE} rows a page)`,
    unit: 'page',
    points: [],
  };
  const first = `${dcxWindow(24)}&paginateData=true`;
  for (const page of [1, 50]) {
    const found = await urlOfPage(ours.base, first, PAGES_HEADERS, page);
    if ('missing' in found) return { ...series, skipped: `n/a (${found.missing})` };
    series.points.push(
      await cost(ours, `page ${page}`, found.url, PAGES_HEADERS, seconds, () => page, false),
    );
  }
  return series;
}

async function csvRate(ours: Started): Promise<CsvFigure> {
  const day = `${ours.base}${dcxWindow(24)}`;
  const pid = ours.server.child.pid;
  // One seed (the size of a day depends on it); its hours beyond the first 5,000 rows are generated
  // again on every request (log-reader.ts).
  await timed(day, DCX_HEADERS); // warm-up
  const cpuBefore = cpuSeconds(pid);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await timed(day, DCX_HEADERS));
  const cpuAfter = cpuSeconds(pid);
  const median = runs.sort((a, b) => a.ms - b.ms)[1] as (typeof runs)[number];
  if (median.status !== 200) throw new Error(`the high-volume day answered ${median.status}`);
  const rows = median.lines - 1;
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / runs.length : 0;
  return {
    rows,
    megabytes: median.bytes / 1e6,
    seconds: median.ms / 1000,
    rowsPerSecond: rows / (median.ms / 1000),
    rowsPerCpuSecond: cpu > 0 ? rows / cpu : undefined,
  };
}

/** Runs every scaling figure against our server, the built CLI. */
export async function runScaling(caps: Capabilities, seconds: number): Promise<ScalingResult> {
  // Costs are of computing answers: the response cache (repeated answers) is off where the build has one.
  const noCache = caps.responseCache ? ['--response-cache', '0'] : [];
  const ours = await startOurCli('/__mock/health', {}, ['--scenario-dir', BENCH_SCENARIOS, ...noCache]);
  try {
    const series = [await chatlayerSeries(ours, caps, seconds)];
    if (!caps.apis.includes('digitalcx')) {
      const skipped = 'n/a (API not mounted)';
      series.push({ title: 'DigitalCX', unit: '', points: [], skipped });
      return { series, csv: skipped };
    }
    series.push(await digitalcxWindows(ours, seconds), await digitalcxPages(ours, seconds));
    return {
      series,
      csv: await csvRate(ours),
    };
  } finally {
    await stopProcess(ours.server);
  }
}
