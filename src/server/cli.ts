#!/usr/bin/env node
/** The CLI entry: reads the config, listens, prints where everything is, and drains on SIGTERM/SIGINT. */
import { MockError } from '../core/errors.js';
import { isoMs } from '../core/time.js';
import { createMockApp, type MockApp } from './app.js';
import { type Config, ConfigError, configFromArgs, HELP } from './config.js';
import { apiUrls, baseUrl, drain, listen } from './listen.js';
import { rootApi } from './single-api.js';

function readConfig(): Config | 'help' {
  try {
    return configFromArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`bot-analytics-mock: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

function buildApp(config: Config): MockApp {
  try {
    return createMockApp(config);
  } catch (error) {
    // An unknown scenario is only found once the scenarios are loaded: still a bad flag or variable.
    if (error instanceof MockError) {
      const hint =
        error.code === 'unknown_scenario' ? ' Set --scenario or MOCK_SCENARIO to one of them.' : '';
      process.stderr.write(`bot-analytics-mock: ${error.message}${hint}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const { app, state, specs } = buildApp(config);
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
    `  seed ${config.seed} · clock ${config.now === undefined ? 'real' : isoMs(config.now)} · scenario ${state.scenario.name}`,
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
    void drain(server).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
