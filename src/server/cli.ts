#!/usr/bin/env node
/** The CLI entry: reads the config, listens, prints where everything is, and drains on SIGTERM/SIGINT. */
import { MockError } from '../core/errors.js';
import { isoMs } from '../core/time.js';
import { apiFacts } from '../scenarios/api-facts.js';
import { ScenarioFileError } from '../scenarios/problems.js';
import { watchScenarios } from '../scenarios/watch-scenarios.js';
import { createMockApp } from './app.js';
import { ConfigError, configFromArgs, HELP } from './config.js';
import { keepYoungGenerationSmall } from './heap.js';
import { apiUrls, baseUrl, drain, listen } from './listen.js';
import { API_MODULES } from './registry.js';
import { rootApi } from './single-api.js';

/** Runs a start-up step; a bad flag, variable, scenario name or scenario file stops with exit code 2. */
function orExit<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ScenarioFileError) {
      process.stderr.write(`bot-analytics-mock: ${error.message}\n`);
      process.exit(2);
    }
    // An unknown scenario is only found once the scenarios are loaded: still a bad flag or variable.
    if (error instanceof MockError && error.code === 'unknown_scenario') {
      process.stderr.write(
        `bot-analytics-mock: ${error.message} Set --scenario or MOCK_SCENARIO to one of them.\n`,
      );
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = orExit(() => configFromArgs(process.argv.slice(2), process.env, process.execArgv));
  if (config === 'help') {
    process.stdout.write(HELP);
    return;
  }
  keepYoungGenerationSmall(config.nodeFlags);
  const { app, state, specs } = orExit(() => createMockApp(config));
  const watching =
    config.watch &&
    watchScenarios(config, state, apiFacts(API_MODULES), (line) => {
      if (config.logLevel !== 'silent') process.stderr.write(`bot-analytics-mock: ${line}\n`);
    });
  const server = await listen(app, config.port, config.host).catch((error: Error) => {
    process.stderr.write(`bot-analytics-mock: ${error.message}\n`);
    process.exit(1);
  });
  const base = baseUrl(server, config.host);
  const root = rootApi([...specs.keys()]);
  const lines = [
    `bot-analytics-mock listening on ${base}`,
    ...Object.entries(apiUrls(base, specs.keys())).map(
      ([name, url]) => `  ${name.padEnd(12)} ${url}${name === root ? ` (also at ${base}/)` : ''}`,
    ),
    `  seed ${config.seed} · clock ${config.now === undefined ? 'real' : isoMs(config.now)} · scenario ${state.scenario.name}${watching ? ' · watching scenario files' : ''}`,
    config.admin
      ? `  control plane ${base}/__mock/health · docs ${base}/docs`
      : '  control plane and docs disabled (--no-admin)',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`bot-analytics-mock: ${signal} received, draining\n`);
    if (watching) watching.close();
    void drain(server).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
