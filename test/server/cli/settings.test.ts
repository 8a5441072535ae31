/** The CLI and startMockServer read every setting through one table (settings.ts): same rules, same messages. */
import { describe, expect, it } from 'vitest';
import { configFromArgs, createConfig } from '../../../src/server/cli/config.js';
import { configFromOptions, IN_PROCESS_DEFAULTS } from '../../../src/server/cli/server-options.js';
import { SETTINGS } from '../../../src/server/cli/settings.js';

/** A value each setting refuses, by option name. */
const BAD: Record<string, string> = {
  port: '70000',
  seed: '-1',
  now: 'tomorrow',
  scenario: './no/such/file.yaml',
  latency: 'slow',
  logLevel: 'loud',
  apis: 'zendesk',
  corsOrigins: 'localhost',
};

/** The settings that take a value both as a flag and as an option. */
const BOTH = SETTINGS.filter(
  (s) => s.flag !== undefined && typeof s.flagKind !== 'object' && s.option !== undefined && s.option in BAD,
).map((s) => [s.option as string, s] as const);

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('settings', () => {
  it.each(BOTH)('refuses a bad %s with the same words from a flag and from an option', (option, setting) => {
    const value = BAD[option] as string;
    const fromFlag = message(() => configFromArgs([`--${setting.flag}=${value}`], {}));
    const fromOption = message(() =>
      configFromOptions({ [option]: setting.flagKind === 'list' ? [value] : value } as never),
    );
    expect(fromFlag).toMatch(new RegExp(`^Invalid --${setting.flag}: `));
    expect(fromOption).toBe(
      fromFlag.replace(`Invalid --${setting.flag}:`, `startMockServer: Invalid option ${option}:`),
    );
  });

  it('gives typed options the config their flags give, over the in-process defaults', () => {
    const fromOptions = configFromOptions({
      seed: 7,
      now: new Date('2025-03-01T12:00:00Z'),
      latency: '10-20',
      apis: ['chatbotcom', 'digitalcx'],
      corsOrigins: ['http://localhost:5173'],
      admin: false,
      journalSize: 5,
    });
    const fromFlags = configFromArgs(
      [
        '--seed=7',
        '--now=2025-03-01T12:00:00.000Z',
        '--latency=10-20',
        '--api=chatbotcom',
        '--api=digitalcx',
        '--cors-origin=http://localhost:5173',
        '--no-admin',
        '--port=0',
        '--host=127.0.0.1',
        '--log-level=silent',
      ],
      {},
    );
    expect(fromOptions).toEqual({ ...(fromFlags as object), journalSize: 5 });
    expect(configFromOptions({})).toEqual(createConfig(IN_PROCESS_DEFAULTS));
  });

  it('reads a clock given as epoch milliseconds as that instant', () => {
    expect(configFromOptions({ now: Date.parse('2025-03-01T12:00:00Z') }).now).toBe(
      Date.parse('2025-03-01T12:00:00Z'),
    );
  });
});
