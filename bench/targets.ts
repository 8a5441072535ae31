/** The performance targets of the issue, checked against a bench run's figures. */
import type { EndpointResult, ServerFigures } from './compare.js';
import type { ScalingResult, Series } from './scaling.js';

/** One target and how the run did against it. */
export interface TargetCheck {
  target: string;
  measured: string;
  verdict: 'met' | 'missed' | 'n/a';
}

/** The endpoint the throughput targets are stated on (the ChatBot.com month by day). */
export const TARGET_API = 'chatbotcom';

/** The tolerance within which two costs count as "the same" (page N vs page 1, per-unit cost). */
const SAME = 1.25;

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function figures(result: EndpointResult | undefined, kind: ServerFigures['kind']): ServerFigures | undefined {
  return result && 'servers' in result ? result.servers.find((s) => s.kind === kind) : undefined;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function check(target: string, measured: number | undefined, ok: (n: number) => boolean, show: string) {
  if (measured === undefined) return { target, measured: 'n/a', verdict: 'n/a' as const };
  return { target, measured: show, verdict: ok(measured) ? ('met' as const) : ('missed' as const) };
}

/** The medians of every measured cold start of a server kind. */
export function medianColdStart(results: readonly EndpointResult[], kind: ServerFigures['kind']) {
  return median(
    results.flatMap((r) => {
      const cold = figures(r, kind)?.coldStartMs;
      return cold === undefined ? [] : [cold];
    }),
  );
}

function ratio(a: ServerFigures | undefined, b: ServerFigures | undefined): number | undefined {
  return a && b && b.load.rps > 0 ? a.load.rps / b.load.rps : undefined;
}

/**
 * Bytes per second of a over b: for the real-clock CSV rows, whose window is another day than the
 * one bare Express replays (a day of another size), this is "sending the same bytes".
 */
function byteRatio(a: ServerFigures | undefined, b: ServerFigures | undefined): number | undefined {
  const rate = (f: ServerFigures) => f.load.rps * f.load.bodyBytes;
  return a && b && rate(b) > 0 ? rate(a) / rate(b) : undefined;
}

/** Whether a series' cost per unit stops growing: the last point's per-unit cost vs the one before. */
export function growth(series: Series): number | undefined {
  const measured = series.points.filter((p) => p.ms !== undefined);
  const last = measured.at(-1);
  const before = measured.at(-2);
  if (!last || !before || last.ms === undefined || before.ms === undefined) return undefined;
  return last.ms / last.size / (before.ms / before.size);
}

/** Checks every target; a figure that was not measured is `n/a`, never a pass. */
export function checkTargets(results: readonly EndpointResult[], scaling: ScalingResult): TargetCheck[] {
  const month = results.find((r) => r.endpoint.api === TARGET_API);
  const ours = figures(month, 'ours');
  const toBare = ratio(ours, figures(month, 'bare'));
  const toPrism = ratio(ours, figures(month, 'prism'));
  const toDynamic = ratio(ours, figures(month, 'prism -d'));
  // The same ratios with the response cache off, shown beside the verdicts (which are on the defaults).
  const uncached = figures(month, 'ours, no cache');
  const without = (other: ServerFigures | undefined) => {
    const r = ratio(uncached, other);
    return r === undefined ? '' : ` (cache off ${fmt(r)}×)`;
  };
  const cold = medianColdStart(results, 'ours');
  const prismCold = medianColdStart(results, 'prism');
  const rss = results.flatMap((r) => {
    const v = 'note' in r && r.note ? undefined : figures(r, 'ours')?.load.rssMb;
    return v === undefined ? [] : [v];
  });
  const pages = scaling.series.find((s) => s.unit === 'page' && !s.skipped);
  const [page1, pageN] = pages?.points ?? [];
  const pageRatio = page1?.ms && pageN?.ms ? pageN.ms / page1.ms : undefined;
  const csv = typeof scaling.csv === 'string' ? undefined : scaling.csv.rowsPerSecond;
  const growths = scaling.series.flatMap((s) => {
    const g = s.unit === 'page' ? undefined : growth(s);
    return g === undefined ? [] : [{ title: s.title, g }];
  });
  const worstGrowth = growths.length > 0 ? Math.max(...growths.map((x) => x.g)) : undefined;
  const worst = (
    kinds: [ServerFigures['kind'], ServerFigures['kind']],
    pick: (r: EndpointResult) => boolean,
  ) => {
    const found = results.filter(pick).flatMap((r) => {
      const x = ratio(figures(r, kinds[0]), figures(r, kinds[1]));
      return x === undefined ? [] : [{ name: r.endpoint.name, x }];
    });
    return found.length === 0 ? undefined : found.reduce((a, b) => (b.x < a.x ? b : a));
  };
  const realClock = worst(['ours, real clock', 'bare'], (r) => r.endpoint.body === 'json');
  const computed = worst(['ours, no cache', 'bare'], () => true);
  const toRaw = ratio(ours, figures(month, 'raw node:http'));
  const csvDay = results.find((r) => r.endpoint.body === 'csv' && r.endpoint.page === undefined);
  const csvPage = results.find((r) => r.endpoint.body === 'csv' && r.endpoint.page !== undefined);
  const csvDayRatio = byteRatio(figures(csvDay, 'ours, real clock'), figures(csvDay, 'bare'));
  const csvPageRatio = byteRatio(figures(csvPage, 'ours, real clock'), figures(csvPage, 'bare'));
  const named = (w: { name: string; x: number } | undefined) => (w ? `${fmt(w.x)}× (worst: ${w.name})` : '');
  return [
    check(
      'real clock ≥ 1.0× bare Express on every JSON endpoint',
      realClock?.x,
      (n) => n >= 1,
      named(realClock),
    ),
    check(
      'computed (cache off) ≥ 0.7× bare Express on every endpoint',
      computed?.x,
      (n) => n >= 0.7,
      named(computed),
    ),
    check(
      'cached ≥ 0.85× a raw node:http handler (ChatBot.com month)',
      toRaw,
      (n) => n >= 0.85,
      `${fmt(toRaw ?? 0)}×`,
    ),
    check(
      'DigitalCX CSV day ≥ 0.9× bare Express (real clock, bytes/s)',
      csvDayRatio,
      (n) => n >= 0.9,
      `${fmt(csvDayRatio ?? 0)}×`,
    ),
    check(
      'DigitalCX page ≥ 1.0× bare Express (real clock, bytes/s)',
      csvPageRatio,
      (n) => n >= 1,
      `${fmt(csvPageRatio ?? 0)}×`,
    ),
    check(
      'ours ≥ 0.7× bare Express (ChatBot.com month)',
      toBare,
      (n) => n >= 0.7,
      `${fmt(toBare ?? 0)}×${without(figures(month, 'bare'))}`,
    ),
    check(
      'ours ≥ 3× Prism static (same operation)',
      toPrism,
      (n) => n >= 3,
      `${fmt(toPrism ?? 0)}×${without(figures(month, 'prism'))}`,
    ),
    check(
      'ours ≥ 10× Prism dynamic (same operation)',
      toDynamic,
      (n) => n >= 10,
      `${fmt(toDynamic ?? 0)}×${without(figures(month, 'prism -d'))}`,
    ),
    check(
      'p99 ≤ 10 ms at 32 connections (ChatBot.com month)',
      ours?.load.p99,
      (n) => n <= 10,
      `${ours?.load.p99} ms${uncached ? ` (cache off ${uncached.load.p99} ms)` : ''}`,
    ),
    check('cold start to first 200 ≤ 300 ms', cold, (n) => n <= 300, `${fmt(cold ?? 0, 0)} ms (median)`),
    check(
      "cold start ≤ 0.4× Prism's",
      cold !== undefined && prismCold ? cold / prismCold : undefined,
      (n) => n <= 0.4,
      `${fmt((cold ?? 0) / (prismCold ?? 1))}× (${fmt(cold ?? 0, 0)} vs ${fmt(prismCold ?? 0, 0)} ms)`,
    ),
    check(
      'RSS under load ≤ 100 MB',
      rss.length > 0 ? Math.max(...rss) : undefined,
      (n) => n <= 100,
      `${fmt(Math.max(...rss), 0)} MB (worst endpoint)`,
    ),
    check(
      'DigitalCX page 50 costs the same as page 1',
      pageRatio,
      (n) => n <= SAME,
      `${fmt(pageRatio ?? 0)}×`,
    ),
    check('≥ 100,000 CSV rows per second', csv, (n) => n >= 100_000, `${fmt(csv ?? 0, 0)} rows/s`),
    check(
      'cost linear in the window',
      worstGrowth,
      (n) => n <= SAME,
      `per-unit cost of the largest window ${fmt(worstGrowth ?? 0)}× the next (worst series)`,
    ),
  ];
}
