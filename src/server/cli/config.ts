/** The one config module: the only reader of argv and the environment. Bad values fail fast, by name. */
import { parseArgs } from 'node:util';
import type { Latency } from '../../core/latency.js';
import { API_NAMES } from '../registry.js';
import { defaultMaxConnections, openFileLimit } from './open-file-limit.js';
import { ConfigError, LOG_LEVELS, MAX_WORKERS, MB, MOST_CONNECTIONS, SETTINGS } from './settings.js';

export type { Latency } from '../../core/latency.js';
export { ConfigError, MAX_WORKERS } from './settings.js';

/** Everything the server can be told. */
export interface Config {
  /** TCP port to listen on (CLI only). */
  port: number;
  /** Interface to bind (CLI only). */
  host: string;
  /** Default seed of the world model. */
  seed: number;
  /** Fixed "now" in epoch ms; undefined = the real clock. */
  now: number | undefined;
  /** Delay added to every API response. */
  latency: Latency | undefined;
  /** Serve the control plane under /__mock and /docs. */
  admin: boolean;
  /** When set, the control plane (but /__mock/health) requires this token. */
  adminToken: string | undefined;
  /** The scenario in force at start: a name, or the path of a scenario file to load and select. */
  scenario: string;
  /** A folder of extra scenario files (`*.yaml`), loaded after the built-ins. */
  scenarioDir: string | undefined;
  /** Reload scenario files when they change (CLI only). */
  watch: boolean;
  /** Which APIs to mount (default: all). */
  apis: string[];
  /** How many requests the journal keeps. */
  journalSize: number;
  /** Log level of the request log. */
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Bytes of answers kept to repeat for repeated requests under a fixed clock; 0 = none. */
  responseCacheBytes: number;
  /** Node's own flags (NODE_OPTIONS and the node command line), for the heap settings (CLI only). */
  nodeFlags: string[];
  /** Browser origins allowed by CORS: '*' = any origin (with credentials), else exactly these. */
  corsOrigins: '*' | string[];
  /** Processes serving requests (CLI only): 1 = this process, no cluster; more = cluster workers. */
  workers: number;
  /** Client connections a process keeps open at once (connection-cap.ts); default from the open-file limit. */
  maxConnections: number;
}

/** The configuration of a default server; tests start from here. */
export function createConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 4010,
    host: '0.0.0.0',
    seed: 1,
    now: undefined,
    latency: undefined,
    admin: true,
    adminToken: undefined,
    scenario: 'default',
    scenarioDir: undefined,
    watch: false,
    apis: [...API_NAMES],
    journalSize: 1000,
    logLevel: 'info',
    corsOrigins: '*',
    responseCacheBytes: 16 * MB,
    nodeFlags: [],
    workers: 1,
    maxConnections: DEFAULT_MAX_CONNECTIONS,
    ...overrides,
  };
}

/** The default --max-connections of this process: seven eighths of its open-file limit, at most 16384. */
export const DEFAULT_MAX_CONNECTIONS = defaultMaxConnections(openFileLimit());
/** The --help text: every flag and variable with its default. */
export const HELP = `bot-analytics-mock — a deterministic emulator of five chatbot-analytics APIs

Usage: bot-analytics-mock [options]

Options (environment variable in brackets):
  --port <n>          port to listen on, 0-65535, 0 = any free port [PORT] (default 4010)
  --host <addr>       interface to bind [HOST] (default 0.0.0.0)
  --seed <n>          seed of the world model, 0-4294967295 [MOCK_SEED] (default 1)
  --now <iso>         fixed clock, e.g. 2025-03-01T12:00:00Z [MOCK_NOW] (default: the real clock)
  --scenario <name>   scenario in force at start, or the path of a scenario file to load and use
                      [MOCK_SCENARIO] (default "default")
  --scenario-dir <d>  a folder of extra scenario files, *.yaml [MOCK_SCENARIO_DIR] (default none)
  --watch             reload scenario files when they change [MOCK_WATCH=true]
  --latency <ms>      delay per response: "200" or a range "100-400" [MOCK_LATENCY] (default none)
  --api <name>        mount only this API; repeatable [MOCK_APIS, comma-separated] (default all:
                      ${API_NAMES.join(', ')}); with exactly one API it is also served at /
  --cors-origin <o>   allow only this browser origin, e.g. http://localhost:5173; repeatable or
                      comma-separated [MOCK_CORS_ORIGIN] (default *: any origin, with credentials)
  --log-level <lvl>   one JSON line per request on stdout: ${LOG_LEVELS.join('|')} [LOG_LEVEL]
                      (default info)
  --response-cache <mb>
                      repeat answers to repeated GETs from memory while they hold on the mock
                      clock, up to this many MB, 0-1024, 0 = off [MOCK_RESPONSE_CACHE] (default 16)
  --workers <n>       serve with n processes (node:cluster), 1-${MAX_WORKERS} or "auto" (one per core):
                      more requests per second on a multi-core host [MOCK_WORKERS] (default 1)
  --max-connections <n>
                      client connections open at once per process, 1-${MOST_CONNECTIONS}; at the cap
                      the oldest one without a request in flight makes room, else a 503
                      [MOCK_MAX_CONNECTIONS] (default ${DEFAULT_MAX_CONNECTIONS}: 7/8 of the open-file limit)
  --no-admin          do not serve the control plane (/__mock) [MOCK_ADMIN=false]
  --admin-token <t>   require "Authorization: Bearer <t>" on the control plane, except
                      /__mock/health [MOCK_ADMIN_TOKEN] (default: open)
  -h, --help          show this help
`;

/** Reads the command line and the environment into a Config, or returns 'help'. A flag wins over its variable. */
export function configFromArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  execArgv: readonly string[] = [],
): Config | 'help' {
  const flags = Object.fromEntries(
    SETTINGS.filter((s) => s.flag !== undefined).map((s) => [
      s.flag as string,
      typeof s.flagKind === 'object'
        ? { type: 'boolean' as const }
        : { type: 'string' as const, multiple: s.flagKind === 'list' },
    ]),
  );
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...flags, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help to see every option.`);
  }
  if (values.help) return 'help';
  const config = createConfig();
  for (const setting of SETTINGS) {
    const flag = setting.flag === undefined ? undefined : values[setting.flag];
    const kind = setting.flagKind;
    if (typeof kind === 'object' && flag === true) setting.read(config, [kind.switch], `--${setting.flag}`);
    else if (typeof flag === 'string') setting.read(config, [flag], `--${setting.flag}`);
    else if (Array.isArray(flag)) setting.read(config, flag, `--${setting.flag}`);
    else {
      const text = setting.env === undefined ? undefined : env[setting.env];
      if (text === undefined || text === '') continue;
      const items = kind === 'list' ? text.split(',').map((item) => item.trim()) : [text];
      setting.read(config, items, setting.env as string);
    }
  }
  config.nodeFlags = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  return config;
}
