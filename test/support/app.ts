/** A fresh app per test, with a fixed seed and clock and a quiet log. */

import type { Scenario } from '../../src/core/scenario.js';
import { type AppOptions, createMockApp, type MockApp } from '../../src/server/app.js';
import { type Config, createConfig } from '../../src/server/cli/config.js';

/** The fixed clock of the suite: a Saturday noon, inside every vendor's data window. */
export const NOW = '2025-03-01T12:00:00.000Z';

/** A config for tests: seed 1, fixed clock, silent. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return createConfig({ now: Date.parse(NOW), logLevel: 'silent', ...overrides });
}

/** A fresh app for one test. */
export function testApp(
  overrides: Partial<Config> = {},
  scenarios: readonly Scenario[] = [],
  options: AppOptions = {},
): MockApp {
  return createMockApp(testConfig(overrides), scenarios, options);
}
