/** startMockServer: the mock in-process for a test suite, on a free port, with handles to steer and read it. */

import { MockError } from '../core/errors.js';
import type { JournalEntry } from '../core/journal.js';
import type { Scenario } from '../core/scenario.js';
import { createMockApp, type MockApp } from './app.js';
import { type Config, ConfigError } from './cli/config.js';
import { configFromOptions, type MockServerOptions } from './cli/server-options.js';
import { apiUrls, baseUrl, DEFAULT_TIMEOUTS, drain, listen } from './front/listen.js';

/** A running mock. */
export interface MockServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (the control plane is at `${url}/__mock`). */
  url: string;
  /** Each mounted API's base URL by name, e.g. `urls.digitalcx`. */
  urls: Readonly<Record<string, string>>;
  /** The port it listens on. */
  port: number;
  /** The configuration in force. */
  config: Readonly<Config>;
  /** Switches the scenario in force (like PUT /__mock/scenario); an unknown name throws, listing the known ones. */
  setScenario(name: string): void;
  /** The requests received so far, oldest first (like GET /__mock/requests). */
  requests(): JournalEntry[];
  /**
   * Forgets the requests and what they created (General Bots reports) and restores the scenario it
   * started with: call it between tests.
   */
  reset(): void;
  /** Stops listening and lets requests in flight finish. */
  close(): Promise<void>;
}

function buildApp(config: Config, scenarios: readonly Scenario[]): MockApp {
  try {
    return createMockApp(config, scenarios);
  } catch (error) {
    if (error instanceof MockError && error.code === 'unknown_scenario')
      throw new ConfigError(`startMockServer: Invalid option scenario: ${error.message}`);
    throw error;
  }
}

/**
 * Starts the mock in this process. Defaults suit a test suite: 127.0.0.1 on a free port, a silent
 * log. `scenarios` adds scenarios of your own to the built-in ones.
 */
export async function startMockServer(
  options: MockServerOptions = {},
  scenarios: readonly Scenario[] = [],
): Promise<MockServer> {
  const config = configFromOptions(options);
  const { listener, state, specs, forget } = buildApp(config, scenarios);
  const server = await listen(listener, config.port, config.host, DEFAULT_TIMEOUTS, config.maxConnections);
  const url = baseUrl(server, config.host);
  const initialScenario = state.scenario.name;
  let closed: Promise<void> | undefined;
  return {
    url,
    urls: apiUrls(url, specs.keys()),
    port: Number(new URL(url).port),
    config,
    setScenario: (name) => {
      state.setScenario(name);
    },
    requests: () => state.journal.list(),
    reset: () => {
      state.journal.clear();
      state.setScenario(initialScenario);
      forget();
    },
    close: () => {
      closed ??= drain(server);
      return closed;
    },
  };
}
