/** One bounded load run with autocannon, sampling the server's RSS meanwhile. */
import autocannon from 'autocannon';
import { rssMb } from './processes.js';

/** What one or more load runs against one server measured. */
export interface LoadFigures {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Highest RSS of the server (and its workers) seen during the runs, MB. */
  rssMb: number | undefined;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  /** Bytes per response, on average. */
  bodyBytes: number;
}

/** A load to apply: where, with what headers, how hard and how long. */
export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** The server process to sample RSS from. */
  pid: number | undefined;
}

const RSS_SAMPLE_MS = 100;

/** Runs autocannon for `seconds` (hard-bounded) and returns the figures. */
export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  let peak: number | undefined;
  const sample = () => {
    const rss = rssMb(spec.pid);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  try {
    const result = await autocannon({
      url: spec.url,
      headers: spec.headers,
      connections: spec.connections,
      duration: spec.seconds,
      timeout: 10,
    });
    sample();
    const ok = result['2xx'];
    return {
      rps: ok / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rssMb: peak,
      failures: result.non2xx + result.errors,
      bodyBytes: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Combines alternating rounds against one server: the median rate (on a shared machine a round
 * another process took half the CPU from says nothing of the server; with two rounds, their mean),
 * the worst tail and RSS kept.
 */
export function combine(rounds: readonly LoadFigures[]): LoadFigures {
  const n = rounds.length;
  const mean = (pick: (f: LoadFigures) => number) => rounds.reduce((sum, f) => sum + pick(f), 0) / n;
  const median = (pick: (f: LoadFigures) => number) => {
    const values = rounds.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(n / 2);
    return n % 2 === 1
      ? (values[mid] as number)
      : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  };
  const rss = rounds.map((f) => f.rssMb).filter((v): v is number => v !== undefined);
  return {
    rps: median((f) => f.rps),
    p50: median((f) => f.p50),
    p99: Math.max(...rounds.map((f) => f.p99)),
    rssMb: rss.length > 0 ? Math.max(...rss) : undefined,
    failures: rounds.reduce((sum, f) => sum + f.failures, 0),
    bodyBytes: mean((f) => f.bodyBytes),
  };
}
