/**
 * A fresh mock per test, with a fixed seed and clock and a quiet log. What a test sends its
 * requests to is the request listener every server uses (front/listener.ts), never a part of it:
 * `request(testApp())` (supertest accepts a listener) goes through the same front, facts, cache and
 * pipelines as a request to `npm start`.
 */
import type { RequestListener } from 'node:http';
import type { Scenario } from '../../src/core/scenario.js';
import { type AppOptions, createMockApp, type MockApp } from '../../src/server/app.js';
import { type Config, createConfig } from '../../src/server/cli/config.js';

/** The fixed clock of the suite: a Saturday noon, inside every vendor's data window. */
export const NOW = '2025-03-01T12:00:00.000Z';

/** A config for tests: seed 1, fixed clock, silent. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return createConfig({ now: Date.parse(NOW), logLevel: 'silent', ...overrides });
}

/** The mock's listener, callable as one (supertest's `request()` takes it), with its state beside it. */
export type TestMock = RequestListener & MockApp;

/** A fresh mock for one test. */
export function testApp(
  overrides: Partial<Config> = {},
  scenarios: readonly Scenario[] = [],
  options: AppOptions = {},
): TestMock {
  const mock = createMockApp(testConfig(overrides), scenarios, options);
  const listener: RequestListener = (req, res) => mock.listener(req, res);
  return Object.assign(listener, mock);
}
