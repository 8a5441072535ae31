/**
 * Every setting a server can be given, once: its flag, its environment variable, its
 * `startMockServer` option, and the parser that reads it into a Config. The CLI (config.ts) and
 * `startMockServer` (server-options.ts) both read through this table, so a value is checked by the
 * same rule and refused with the same message, whichever way it came, naming that way (`--seed`,
 * `MOCK_SEED`, `option seed`).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { NOW_RANGE, nowInRange, parseSeed } from '../../core/controls.js';
import { LATENCY_ACCEPTS, type Latency, parseLatency as readLatency } from '../../core/latency.js';
import { isScenarioPath } from '../../core/scenario.js';
import { parseInstant } from '../../core/time.js';
import { API_NAMES } from '../registry.js';
import type { Config } from './config.js';

/** Thrown for a bad flag, variable or option; the CLI prints the message and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const MB = 1024 * 1024;
/** The most --max-connections accepts. */
export const MOST_CONNECTIONS = 1_000_000;
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
/** The most cluster workers --workers accepts (and what `auto` is capped at). */
export const MAX_WORKERS = 64;

function fail(source: string, value: string, accepted: string): never {
  throw new ConfigError(`Invalid ${source}: '${value}'. Expected ${accepted}.`);
}

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

function parsePort(value: string, source: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    fail(source, value, 'a port from 0 to 65535 (0 = any free port)');
  return Number(value);
}

function parseNow(value: string, source: string): number {
  const ms = parseInstant(value)?.ms;
  if (ms === undefined) fail(source, value, 'an ISO 8601 instant such as 2025-03-01T12:00:00Z');
  if (!nowInRange(ms)) fail(source, value, `an instant from ${NOW_RANGE}`);
  return ms;
}

function parseLatency(value: string, source: string): Latency {
  if (!/^(\d+)(?:-(\d+))?$/.test(value)) fail(source, value, LATENCY_ACCEPTS);
  return readLatency(value) ?? fail(source, value, 'a range "min-max" with min <= max <= 120000');
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

function parseApis(names: readonly string[], source: string): string[] {
  for (const api of names) if (!API_NAMES.includes(api)) fail(source, api, `one of ${API_NAMES.join(', ')}`);
  return [...new Set(names)];
}

/** One setting: where it can come from and how its text is read into the config. */
export interface Setting {
  /** The command-line flag, without its dashes; none for a setting the CLI does not take. */
  flag?: string;
  /**
   * How the flag is given: a value (the default), a repeatable value (`--api a --api b`), or a
   * switch standing for this text (`--no-admin` for admin "false").
   */
  flagKind?: 'value' | 'list' | { switch: string };
  /** The environment variable (a list is comma-separated there). */
  env?: string;
  /** The `startMockServer` option; none for a setting only the CLI takes. */
  option?: string;
  /** Reads the setting's text — for a list, its items — into the config; throws naming `source`. */
  read(config: Config, text: readonly string[], source: string): void;
}

/** Reads a single value: the last one given. */
const one =
  (set: (config: Config, text: string, source: string) => void): Setting['read'] =>
  (config, text, source) =>
    set(config, text[text.length - 1] ?? '', source);

/** Every setting, in the order they are read. */
export const SETTINGS: readonly Setting[] = [
  {
    flag: 'port',
    env: 'PORT',
    option: 'port',
    read: one((c, t, s) => {
      c.port = parsePort(t, s);
    }),
  },
  {
    flag: 'host',
    env: 'HOST',
    option: 'host',
    read: one((c, t) => {
      c.host = t;
    }),
  },
  {
    flag: 'seed',
    env: 'MOCK_SEED',
    option: 'seed',
    read: one((c, t, s) => {
      c.seed = parseSeed(t) ?? fail(s, t, 'a whole number from 0 to 4294967295');
    }),
  },
  {
    flag: 'now',
    env: 'MOCK_NOW',
    option: 'now',
    read: one((c, t, s) => {
      c.now = parseNow(t, s);
    }),
  },
  {
    flag: 'scenario',
    env: 'MOCK_SCENARIO',
    option: 'scenario',
    read: one((c, t, s) => {
      c.scenario = parseScenario(t, s);
    }),
  },
  {
    flag: 'scenario-dir',
    env: 'MOCK_SCENARIO_DIR',
    read: one((c, t, s) => {
      if (kindOf(t) !== 'dir') fail(s, t, 'the path of an existing folder of scenario files');
      c.scenarioDir = resolve(t);
    }),
  },
  {
    flag: 'watch',
    flagKind: { switch: 'true' },
    env: 'MOCK_WATCH',
    read: one((c, t, s) => {
      c.watch = parseBoolean(t, s);
    }),
  },
  {
    flag: 'latency',
    env: 'MOCK_LATENCY',
    option: 'latency',
    read: one((c, t, s) => {
      c.latency = parseLatency(t, s);
    }),
  },
  {
    flag: 'log-level',
    env: 'LOG_LEVEL',
    option: 'logLevel',
    read: one((c, t, s) => {
      if (!(LOG_LEVELS as readonly string[]).includes(t)) fail(s, t, `one of ${LOG_LEVELS.join(', ')}`);
      c.logLevel = t as Config['logLevel'];
    }),
  },
  {
    flag: 'api',
    flagKind: 'list',
    env: 'MOCK_APIS',
    option: 'apis',
    read: (c, items, s) => {
      c.apis = parseApis(items, s);
    },
  },
  {
    flag: 'admin-token',
    env: 'MOCK_ADMIN_TOKEN',
    read: one((c, t, s) => {
      if (!/^[\x21-\x7e]{8,200}$/.test(t)) fail(s, '…', '8 to 200 printable characters without spaces');
      c.adminToken = t;
    }),
  },
  {
    flag: 'cors-origin',
    flagKind: 'list',
    env: 'MOCK_CORS_ORIGIN',
    option: 'corsOrigins',
    read: (c, items, s) => {
      c.corsOrigins = parseCorsOrigins(items.join(','), s);
    },
  },
  {
    flag: 'response-cache',
    env: 'MOCK_RESPONSE_CACHE',
    read: one((c, t, s) => {
      if (!/^\d{1,4}$/.test(t) || Number(t) > 1024)
        fail(s, t, 'a whole number of megabytes from 0 to 1024 (0 = off)');
      c.responseCacheBytes = Number(t) * MB;
    }),
  },
  {
    flag: 'workers',
    env: 'MOCK_WORKERS',
    read: one((c, t, s) => {
      c.workers = parseWorkers(t, s);
    }),
  },
  {
    flag: 'max-connections',
    env: 'MOCK_MAX_CONNECTIONS',
    read: one((c, t, s) => {
      if (!/^\d{1,7}$/.test(t) || Number(t) < 1 || Number(t) > MOST_CONNECTIONS)
        fail(s, t, `a whole number of connections from 1 to ${MOST_CONNECTIONS}`);
      c.maxConnections = Number(t);
    }),
  },
  {
    flag: 'no-admin',
    flagKind: { switch: 'false' },
    env: 'MOCK_ADMIN',
    option: 'admin',
    read: one((c, t, s) => {
      c.admin = parseBoolean(t, s);
    }),
  },
  {
    option: 'journalSize',
    read: one((c, t, s) => {
      if (!/^\d+$/.test(t)) fail(s, t, 'a whole number >= 0');
      c.journalSize = Number(t);
    }),
  },
];
