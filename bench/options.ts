/** The bench's command line: how long and how hard to load, and the worker count to compare. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { LoadSettings } from './compare.js';

/** The parts of a run: the side-by-side table, the scaling figures, the --workers figure. */
export const PARTS = ['compare', 'scaling', 'workers'] as const;
export type Part = (typeof PARTS)[number];

/** Everything a bench run can be told. */
export interface BenchOptions extends LoadSettings {
  /** Cluster workers for the workers figure (1 skips it). */
  workers: number;
  /** Where the Markdown report is written. */
  out: string;
  /** Only the endpoints of these APIs in the side-by-side table (default: every API). */
  apis?: string[];
  /** The parts to run (default: all). */
  parts: Part[];
}

/** The --help text. */
export const BENCH_HELP = `npm run bench -- [options]
  --seconds <n>       load per server and endpoint, split over the rounds (default 5)
  --rounds <n>        alternating rounds per endpoint (default 2)
  --connections <n>   concurrent connections (default 32)
  --workers <n>       compare one process with n cluster workers (default: cores, at least 2)
  --api <name>        only this API's endpoints in the side-by-side table; repeatable (default all)
  --parts <list>      which parts to run, comma-separated: compare,scaling,workers (default all)
  --out <file>        the report (default bench/RESULTS.md)
`;

function positive(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    throw new Error(`Invalid --${flag}: '${value}'. Expected a number from 1 to ${max}.`);
  }
  return n;
}

/** Reads the bench's flags; a bad value throws a message naming the flag and what it accepts. */
export function benchOptions(argv: string[], defaultOut: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      workers: { type: 'string' },
      api: { type: 'string', multiple: true },
      parts: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const parts = (values.parts ?? PARTS.join(',')).split(',').map((p) => p.trim());
  for (const part of parts)
    if (!(PARTS as readonly string[]).includes(part))
      throw new Error(`Invalid --parts: '${part}'. Expected some of ${PARTS.join(', ')}.`);
  return {
    seconds: positive('seconds', values.seconds, 5, 60),
    rounds: Math.round(positive('rounds', values.rounds, 2, 10)),
    connections: Math.round(positive('connections', values.connections, 32, 1024)),
    warmupSeconds: 1,
    workers: Math.round(positive('workers', values.workers, Math.max(2, availableParallelism()), 64)),
    out: values.out ?? defaultOut,
    ...(values.api ? { apis: values.api } : {}),
    parts: parts as Part[],
  };
}
