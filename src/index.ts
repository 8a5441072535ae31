/** The package's programmatic API: `import { startMockServer } from 'bot-analytics-mock'`. */
export type { JournalEntry } from './core/journal.js';
export type { Knobs } from './core/knobs.js';
export type { RuleMatch, Scenario, ScenarioRule } from './core/scenario.js';
export { type Config, ConfigError, type Latency } from './server/cli/config.js';
export type { MockServerOptions } from './server/cli/server-options.js';
export { type MockServer, startMockServer } from './server/mock-server.js';
