/** The options of startMockServer: the CLI's flags as a typed object, read by the same parsers (settings.ts). */
import { type Config, createConfig } from './config.js';
import { ConfigError, SETTINGS } from './settings.js';

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

/**
 * The defaults of an in-process mock where they differ from a server's (createConfig): any free
 * port on 127.0.0.1, a silent log.
 */
export const IN_PROCESS_DEFAULTS: Partial<Config> = { port: 0, host: '127.0.0.1', logLevel: 'silent' };

/** An option's value as the setting's parser reads it: its text, or its items for a list. */
function textOf(name: string, value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  // A clock given as a Date or epoch milliseconds is read as the instant it is.
  if (name === 'now' && (value instanceof Date || typeof value === 'number')) {
    const date = new Date(value);
    return [Number.isNaN(date.getTime()) ? String(value) : date.toISOString()];
  }
  return [String(value)];
}

/** The Config for the options; a bad value throws a ConfigError naming the option and what it accepts. */
export function configFromOptions(options: MockServerOptions): Config {
  const config = createConfig(IN_PROCESS_DEFAULTS);
  const given = options as Record<string, unknown>;
  try {
    for (const setting of SETTINGS) {
      const value = setting.option === undefined ? undefined : given[setting.option];
      if (value !== undefined)
        setting.read(config, textOf(setting.option as string, value), `option ${setting.option}`);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`startMockServer: ${error.message}`);
    throw error;
  }
  return config;
}
