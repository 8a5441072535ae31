/**
 * Our server exactly as the CLI builds it, plus the bench's stand-in scenarios for those the build
 * lacks. The bench uses it only when the CLI does not know a scenario a measurement needs.
 */
import { createMockApp } from '../src/server/app.js';
import { configFromArgs } from '../src/server/config.js';
import { STAND_IN_SCENARIOS } from './scenarios.js';

const config = configFromArgs(process.argv.slice(2), {});
if (config === 'help') throw new Error('mock-host takes the CLI flags; --help is not one of them here.');
const { app, state } = createMockApp(config);
for (const scenario of STAND_IN_SCENARIOS)
  if (!state.scenarios.has(scenario.name)) state.scenarios.set(scenario.name, scenario);
app.listen(config.port, config.host);
