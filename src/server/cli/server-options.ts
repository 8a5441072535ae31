/** The options of startMockServer: the CLI's flags as a typed object, validated by the same rules. */
import { type Config, ConfigError, configFromArgs } from './config.js';

/** How to start an in-process mock; every field is optional. */
export interface MockServerOptions {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Seed of the world model, 0-4294967295 (default 1). */
  seed?: number;
  /** Fixed clock: an ISO 8601 instant, epoch milliseconds or a Date (default: the real clock). */
  now?: string | number | Date;
  /** Scenario in force at start (default "default"). */
  scenario?: string;
  /** Delay per response in ms: a fixed delay, or a range "100-400" (default none). */
  latency?: number | string;
  /** Mount only these APIs (default all); with exactly one it is also served at `/`. */
  apis?: string[];
  /** Browser origins allowed by CORS (default '*': any origin, with credentials). */
  corsOrigins?: '*' | string[];
  /** Level of the request log on stdout (default 'silent'). */
  logLevel?: Config['logLevel'];
  /** Serve the control plane (/__mock) and the docs (/docs) (default true). */
  admin?: boolean;
  /** How many requests `requests()` keeps (default 1000). */
  journalSize?: number;
}

function instant(now: string | number | Date): string {
  const date = typeof now === 'string' ? undefined : new Date(now);
  if (date && Number.isNaN(date.getTime())) return String(now);
  return date ? date.toISOString() : (now as string);
}

/** The CLI arguments equivalent to the options, with the in-process defaults first. */
function argsOf(options: MockServerOptions): string[] {
  // `--flag=value`, so that a value starting with a dash is read as a value, not as a flag.
  const args = [`--port=${options.port ?? 0}`, `--host=${options.host ?? '127.0.0.1'}`];
  args.push(`--log-level=${options.logLevel ?? 'silent'}`);
  if (options.seed !== undefined) args.push(`--seed=${options.seed}`);
  if (options.now !== undefined) args.push(`--now=${instant(options.now)}`);
  if (options.scenario !== undefined) args.push(`--scenario=${options.scenario}`);
  if (options.latency !== undefined) args.push(`--latency=${options.latency}`);
  for (const api of options.apis ?? []) args.push(`--api=${api}`);
  const origins = options.corsOrigins;
  if (origins !== undefined) args.push(`--cors-origin=${origins === '*' ? '*' : origins.join(',')}`);
  if (options.admin === false) args.push('--no-admin');
  return args;
}

const OPTION_OF_FLAG: Record<string, string> = {
  '--port': 'port',
  '--host': 'host',
  '--seed': 'seed',
  '--now': 'now',
  '--scenario': 'scenario',
  '--latency': 'latency',
  '--api': 'apis',
  '--cors-origin': 'corsOrigins',
  '--log-level': 'logLevel',
};

/** The Config for the options; a bad value throws a ConfigError naming the option and what it accepts. */
export function configFromOptions(options: MockServerOptions): Config {
  let config: Config | 'help';
  try {
    config = configFromArgs(argsOf(options), {});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const message = error.message.replace(
      /^Invalid (--[a-z-]+)/,
      (_, flag: string) => `Invalid option ${OPTION_OF_FLAG[flag] ?? flag}`,
    );
    throw new ConfigError(`startMockServer: ${message}`);
  }
  if (config === 'help') throw new ConfigError('startMockServer: unexpected help request.');
  const { journalSize } = options;
  if (journalSize !== undefined) {
    if (!Number.isInteger(journalSize) || journalSize < 0)
      throw new ConfigError(
        `startMockServer: Invalid option journalSize: '${journalSize}'. Expected a whole number >= 0.`,
      );
    config.journalSize = journalSize;
  }
  return config;
}
