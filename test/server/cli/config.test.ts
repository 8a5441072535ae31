import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR } from '../../../src/scenarios/load-scenarios.js';
import { ConfigError, configFromArgs, createConfig, HELP } from '../../../src/server/cli/config.js';

describe('config', () => {
  it('defaults to port 4010 on 0.0.0.0, seed 1, the real clock, every API, admin on', () => {
    const config = configFromArgs([], {});
    expect(config).toEqual(createConfig());
    expect(config).toMatchObject({
      port: 4010,
      host: '0.0.0.0',
      seed: 1,
      now: undefined,
      admin: true,
      scenario: 'default',
    });
  });

  it('reads flags, and flags win over environment variables', () => {
    const config = configFromArgs(
      ['--port', '5000', '--seed', '7', '--now', '2025-01-01T00:00:00Z', '--latency', '10-20', '--no-admin'],
      {
        PORT: '6000',
        MOCK_SEED: '8',
        HOST: '127.0.0.1',
      },
    );
    expect(config).toMatchObject({
      port: 5000,
      seed: 7,
      now: Date.parse('2025-01-01T00:00:00Z'),
      latency: { min: 10, max: 20 },
      admin: false,
      host: '127.0.0.1',
    });
  });

  it('reads environment variables', () => {
    expect(
      configFromArgs([], {
        PORT: '6000',
        MOCK_SEED: '8',
        MOCK_NOW: '2025-02-01',
        MOCK_LATENCY: '5',
        LOG_LEVEL: 'warn',
        MOCK_APIS: 'digitalcx',
      }),
    ).toMatchObject({
      port: 6000,
      seed: 8,
      now: Date.parse('2025-02-01T00:00:00Z'),
      latency: { min: 5, max: 5 },
      logLevel: 'warn',
      apis: ['digitalcx'],
    });
  });

  it('reads --scenario as a name, or as a scenario file to load, and a scenario folder and --watch', () => {
    expect(configFromArgs(['--scenario', 'empty'], {})).toMatchObject({ scenario: 'empty', watch: false });
    const file = `${BUILT_IN_DIR}/flaky.yaml`;
    expect(
      configFromArgs(['--scenario', file, '--scenario-dir', BUILT_IN_DIR, '--watch'], {
        MOCK_SCENARIO: 'empty',
      }),
    ).toMatchObject({ scenario: resolve(file), scenarioDir: resolve(BUILT_IN_DIR), watch: true });
    expect(
      configFromArgs([], { MOCK_SCENARIO: 'slow', MOCK_SCENARIO_DIR: BUILT_IN_DIR, MOCK_WATCH: 'true' }),
    ).toMatchObject({ scenario: 'slow', scenarioDir: BUILT_IN_DIR, watch: true });
  });

  it('reads CORS origins from repeated flags or comma lists, and * for any origin', () => {
    expect(
      configFromArgs(
        [
          '--cors-origin',
          'http://localhost:5173,https://app.example.com',
          '--cors-origin',
          'http://localhost:5173',
        ],
        {},
      ),
    ).toMatchObject({ corsOrigins: ['http://localhost:5173', 'https://app.example.com'] });
    expect(configFromArgs([], { MOCK_CORS_ORIGIN: 'https://app.example.com:8443' })).toMatchObject({
      corsOrigins: ['https://app.example.com:8443'],
    });
    expect(configFromArgs(['--cors-origin', '*'], {})).toMatchObject({ corsOrigins: '*' });
    expect(configFromArgs([], {})).toMatchObject({ corsOrigins: '*' });
  });

  it('reads --workers as a count or auto (one per core), 1 without it', () => {
    expect(configFromArgs([], {})).toMatchObject({ workers: 1 });
    expect(configFromArgs(['--workers', '4'], { MOCK_WORKERS: '2' })).toMatchObject({ workers: 4 });
    expect(configFromArgs([], { MOCK_WORKERS: '64' })).toMatchObject({ workers: 64 });
    expect(configFromArgs(['--workers=auto'], {})).toMatchObject({
      workers: Math.min(availableParallelism(), 64),
    });
  });

  it.each([
    [
      ['--port', '65536'],
      {},
      "Invalid --port: '65536'. Expected a port from 0 to 65535 (0 = any free port).",
    ],
    [[], { PORT: 'http' }, "Invalid PORT: 'http'. Expected a port from 0 to 65535 (0 = any free port)."],
    [['--seed=-3'], {}, "Invalid --seed: '-3'. Expected a whole number from 0 to 4294967295."],
    [
      [],
      { MOCK_NOW: 'tomorrow' },
      "Invalid MOCK_NOW: 'tomorrow'. Expected an ISO 8601 instant such as 2025-03-01T12:00:00Z.",
    ],
    [
      [],
      { MOCK_NOW: '2200-01-01' },
      "Invalid MOCK_NOW: '2200-01-01'. Expected an instant from 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z.",
    ],
    [
      ['--now', '1969-12-31T23:59:59Z'],
      {},
      "Invalid --now: '1969-12-31T23:59:59Z'. Expected an instant from 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z.",
    ],
    [
      ['--latency', '20-10'],
      {},
      'Invalid --latency: \'20-10\'. Expected a range "min-max" with min <= max <= 120000.',
    ],
    [
      ['--log-level', 'loud'],
      {},
      "Invalid --log-level: 'loud'. Expected one of silent, error, warn, info, debug.",
    ],
    [['--api', 'zendesk'], {}, "Invalid --api: 'zendesk'. Expected one of"],
    [
      ['--scenario', './nope.yaml'],
      {},
      "Invalid --scenario: './nope.yaml'. Expected a scenario name, or the path of an existing scenario file.",
    ],
    [
      [],
      { MOCK_SCENARIO_DIR: '/no/such/folder' },
      "Invalid MOCK_SCENARIO_DIR: '/no/such/folder'. Expected the path of an existing folder of scenario files.",
    ],
    [
      ['--scenario-dir', `${BUILT_IN_DIR}/empty.yaml`],
      {},
      `Invalid --scenario-dir: '${BUILT_IN_DIR}/empty.yaml'. Expected the path of an existing folder of scenario files.`,
    ],
    [[], { MOCK_WATCH: 'yes' }, "Invalid MOCK_WATCH: 'yes'. Expected true or false."],
    [['--bogus'], {}, "Unknown option '--bogus'"],
    [
      [],
      { MOCK_ADMIN_TOKEN: 'short' },
      "Invalid MOCK_ADMIN_TOKEN: '…'. Expected 8 to 200 printable characters without spaces.",
    ],
    [
      ['--cors-origin', 'localhost:5173'],
      {},
      "Invalid --cors-origin: 'localhost:5173'. Expected an origin such as http://localhost:5173",
    ],
    [[], { MOCK_CORS_ORIGIN: 'http://a.test/app' }, "Invalid MOCK_CORS_ORIGIN: 'http://a.test/app'."],
    [
      ['--workers', '0'],
      {},
      "Invalid --workers: '0'. Expected a whole number from 1 to 64, or auto (one per core).",
    ],
    [['--workers', '65'], {}, "Invalid --workers: '65'. Expected a whole number from 1 to 64"],
    [[], { MOCK_WORKERS: '2.5' }, "Invalid MOCK_WORKERS: '2.5'. Expected a whole number from 1 to 64"],
    [[], { MOCK_WORKERS: 'many' }, "Invalid MOCK_WORKERS: 'many'."],
  ])('refuses %j %j with a message naming the flag or variable', (argv, env, message) => {
    expect(() => configFromArgs(argv, env)).toThrowError(ConfigError);
    expect(() => configFromArgs(argv, env)).toThrowError(message);
  });

  it('answers --help with a text listing every flag and variable', () => {
    expect(configFromArgs(['--help'], {})).toBe('help');
    for (const word of [
      '--port',
      'PORT',
      '--host',
      'HOST',
      '--seed',
      'MOCK_SEED',
      '--now',
      'MOCK_NOW',
      '--latency',
      '--no-admin',
      '--scenario',
      'MOCK_SCENARIO',
      '--scenario-dir',
      'MOCK_SCENARIO_DIR',
      '--watch',
      'MOCK_WATCH',
      '--api',
      '--log-level',
      'LOG_LEVEL',
      '--cors-origin',
      'MOCK_CORS_ORIGIN',
      '--workers',
      'MOCK_WORKERS',
    ]) {
      expect(HELP).toContain(word);
    }
  });
});
