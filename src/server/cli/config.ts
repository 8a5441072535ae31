/** The one config module: the only reader of argv and the environment. Bad values fail fast, by name. */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NOW_RANGE, nowInRange, parseSeed } from '../../core/controls.js';
import { LATENCY_ACCEPTS, type Latency, parseLatency as readLatency } from '../../core/latency.js';
import { isScenarioPath } from '../../core/scenario.js';
import { parseInstant } from '../../core/time.js';
import { API_NAMES } from '../registry.js';
import { defaultMaxConnections, openFileLimit } from './open-file-limit.js';

export type { Latency } from '../../core/latency.js';

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

/** Thrown for a bad flag or environment value; the CLI prints the message and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MB = 1024 * 1024;

/** The default --max-connections of this process: seven eighths of its open-file limit, at most 16384. */
export const DEFAULT_MAX_CONNECTIONS = defaultMaxConnections(openFileLimit());
/** The most --max-connections accepts. */
const MOST_CONNECTIONS = 1_000_000;
const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** The most cluster workers --workers accepts (and what `auto` is capped at). */
export const MAX_WORKERS = 64;

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
                      with a fixed clock, repeat answers to repeated GETs from memory, up to this
                      many MB, 0-1024, 0 = off [MOCK_RESPONSE_CACHE] (default 16)
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

function fail(source: string, value: string, accepted: string): never {
  throw new ConfigError(`Invalid ${source}: '${value}'. Expected ${accepted}.`);
}

function parsePort(value: string, source: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    fail(source, value, 'a port from 0 to 65535 (0 = any free port)');
  return Number(value);
}

function parseLatency(value: string, source: string): Latency {
  if (!/^(\d+)(?:-(\d+))?$/.test(value)) fail(source, value, LATENCY_ACCEPTS);
  return readLatency(value) ?? fail(source, value, 'a range "min-max" with min <= max <= 120000');
}

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

function parseScenario(value: string, source: string): string {
  if (!isScenarioPath(value)) return value;
  if (kindOf(value) !== 'file')
    fail(source, value, 'a scenario name, or the path of an existing scenario file');
  return resolve(value);
}

function parseWorkers(value: string, source: string): number {
  if (value === 'auto') return Math.min(availableParallelism(), MAX_WORKERS);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS)
    fail(source, value, `a whole number from 1 to ${MAX_WORKERS}, or auto (one per core)`);
  return Number(value);
}

function parseBoolean(value: string, source: string): boolean {
  if (!['true', 'false'].includes(value)) fail(source, value, 'true or false');
  return value === 'true';
}

/** A comma-separated list of origins (`scheme://host[:port]`), or `*` for any origin. */
function parseCorsOrigins(value: string, source: string): Config['corsOrigins'] {
  const origins = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (origins.length === 1 && origins[0] === '*') return '*';
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol))
      fail(
        source,
        origin,
        'an origin such as http://localhost:5173 (scheme, host, optional port; no path), or *',
      );
  }
  if (origins.length === 0) fail(source, value, 'an origin such as http://localhost:5173, or *');
  return [...new Set(origins)];
}

/** Reads the command line and the environment into a Config, or returns 'help'. */
export function configFromArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  execArgv: readonly string[] = [],
): Config | 'help' {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        scenario: { type: 'string' },
        'scenario-dir': { type: 'string' },
        watch: { type: 'boolean' },
        latency: { type: 'string' },
        api: { type: 'string', multiple: true },
        'cors-origin': { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        'no-admin': { type: 'boolean' },
        'admin-token': { type: 'string' },
        'response-cache': { type: 'string' },
        workers: { type: 'string' },
        'max-connections': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help to see every option.`);
  }
  if (values.help) return 'help';
  const config = createConfig();
  const pick = (flag: string, variable: string): [string, string] | undefined => {
    const v = values[flag];
    if (typeof v === 'string') return [v, `--${flag}`];
    const e = env[variable];
    return e !== undefined && e !== '' ? [e, variable] : undefined;
  };
  const port = pick('port', 'PORT');
  if (port) config.port = parsePort(...port);
  const host = pick('host', 'HOST');
  if (host) config.host = host[0];
  const seed = pick('seed', 'MOCK_SEED');
  if (seed) config.seed = parseSeed(seed[0]) ?? fail(seed[1], seed[0], 'a whole number from 0 to 4294967295');
  const now = pick('now', 'MOCK_NOW');
  if (now) {
    const ms = parseInstant(now[0])?.ms;
    if (ms === undefined) fail(now[1], now[0], 'an ISO 8601 instant such as 2025-03-01T12:00:00Z');
    if (!nowInRange(ms)) fail(now[1], now[0], `an instant from ${NOW_RANGE}`);
    config.now = ms;
  }
  const scenario = pick('scenario', 'MOCK_SCENARIO');
  if (scenario) config.scenario = parseScenario(...scenario);
  const dir = pick('scenario-dir', 'MOCK_SCENARIO_DIR');
  if (dir) {
    if (kindOf(dir[0]) !== 'dir') fail(dir[1], dir[0], 'the path of an existing folder of scenario files');
    config.scenarioDir = resolve(dir[0]);
  }
  if (values.watch === true) config.watch = true;
  else if (env.MOCK_WATCH) config.watch = parseBoolean(env.MOCK_WATCH, 'MOCK_WATCH');
  const latency = pick('latency', 'MOCK_LATENCY');
  if (latency) config.latency = parseLatency(...latency);
  const level = pick('log-level', 'LOG_LEVEL');
  if (level) {
    if (!(LOG_LEVELS as readonly string[]).includes(level[0]))
      fail(level[1], level[0], `one of ${LOG_LEVELS.join(', ')}`);
    config.logLevel = level[0] as Config['logLevel'];
  }
  const apiFlags = values.api as string[] | undefined;
  const apis = apiFlags ?? (env.MOCK_APIS ? env.MOCK_APIS.split(',').map((s) => s.trim()) : undefined);
  if (apis) {
    for (const api of apis)
      if (!API_NAMES.includes(api))
        fail(apiFlags ? '--api' : 'MOCK_APIS', api, `one of ${API_NAMES.join(', ')}`);
    config.apis = [...new Set(apis)];
  }
  const adminToken = pick('admin-token', 'MOCK_ADMIN_TOKEN');
  if (adminToken) {
    if (!/^[\x21-\x7e]{8,200}$/.test(adminToken[0]))
      fail(adminToken[1], '…', '8 to 200 printable characters without spaces');
    config.adminToken = adminToken[0];
  }
  const corsFlags = values['cors-origin'] as string[] | undefined;
  if (corsFlags) config.corsOrigins = parseCorsOrigins(corsFlags.join(','), '--cors-origin');
  else if (env.MOCK_CORS_ORIGIN)
    config.corsOrigins = parseCorsOrigins(env.MOCK_CORS_ORIGIN, 'MOCK_CORS_ORIGIN');
  const cache = pick('response-cache', 'MOCK_RESPONSE_CACHE');
  if (cache) {
    if (!/^\d{1,4}$/.test(cache[0]) || Number(cache[0]) > 1024)
      fail(cache[1], cache[0], 'a whole number of megabytes from 0 to 1024 (0 = off)');
    config.responseCacheBytes = Number(cache[0]) * MB;
  }
  config.nodeFlags = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  const workers = pick('workers', 'MOCK_WORKERS');
  if (workers) config.workers = parseWorkers(...workers);
  const connections = pick('max-connections', 'MOCK_MAX_CONNECTIONS');
  if (connections) {
    if (
      !/^\d{1,7}$/.test(connections[0]) ||
      Number(connections[0]) < 1 ||
      Number(connections[0]) > MOST_CONNECTIONS
    )
      fail(connections[1], connections[0], `a whole number of connections from 1 to ${MOST_CONNECTIONS}`);
    config.maxConnections = Number(connections[0]);
  }
  if (values['no-admin'] === true) config.admin = false;
  else if (env.MOCK_ADMIN) config.admin = parseBoolean(env.MOCK_ADMIN, 'MOCK_ADMIN');
  return config;
}
