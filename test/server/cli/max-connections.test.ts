import { describe, expect, it } from 'vitest';
import { ConfigError, configFromArgs, DEFAULT_MAX_CONNECTIONS } from '../../../src/server/cli/config.js';
import { defaultMaxConnections, openFileLimit } from '../../../src/server/cli/open-file-limit.js';

describe('--max-connections', () => {
  it.each([
    [1024, 896],
    [4096, 3584],
    [1_048_576, 16384],
    [1, 1],
  ])('leaves headroom under an open-file limit of %i: %i by default', (limit, cap) => {
    expect(defaultMaxConnections(limit)).toBe(cap);
  });

  it('defaults to the cap this process limit allows', () => {
    expect(DEFAULT_MAX_CONNECTIONS).toBe(defaultMaxConnections(openFileLimit()));
    expect(configFromArgs([], {})).toMatchObject({ maxConnections: DEFAULT_MAX_CONNECTIONS });
  });

  it('is read from the flag, then MOCK_MAX_CONNECTIONS', () => {
    expect(configFromArgs(['--max-connections', '50'], { MOCK_MAX_CONNECTIONS: '70' })).toMatchObject({
      maxConnections: 50,
    });
    expect(configFromArgs([], { MOCK_MAX_CONNECTIONS: '70' })).toMatchObject({ maxConnections: 70 });
  });

  it.each(['0', '-5', 'many', '1000001'])('refuses %s, naming what it accepts', (value) => {
    expect(() => configFromArgs([], { MOCK_MAX_CONNECTIONS: value })).toThrow(ConfigError);
    expect(() => configFromArgs([], { MOCK_MAX_CONNECTIONS: value })).toThrow(/from 1 to 1000000/);
  });
});
