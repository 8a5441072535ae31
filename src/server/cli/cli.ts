#!/usr/bin/env node
/** The CLI entry: reads the config, listens (or, with --workers, hands over to the cluster), prints where everything is, and drains on SIGTERM/SIGINT. */
import { apiFacts } from '../../scenarios/api-facts.js';
import { watchScenarios } from '../../scenarios/watch-scenarios.js';
import { createMockApp } from '../app.js';
import { baseUrl, DEFAULT_TIMEOUTS, drain, listen } from '../front/listen.js';
import { stdoutSink } from '../front/log-sink.js';
import { API_MODULES } from '../registry.js';
import { bannerLines } from './banner.js';
import { configFromArgs, HELP } from './config.js';
import { tuneHeap } from './heap.js';
import { startupProblem } from './startup-problem.js';

/** Runs a start-up step; a bad flag, variable, scenario name or scenario file stops with exit code 2. */
function orExit<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    process.stderr.write(`${problem.message}\n`);
    process.exit(problem.code);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'verify') {
    // The verify subcommand (src/verify/): loaded only when asked for, so a server boot never pays for it.
    const { verifyMain } = await import('../../verify/cli.js');
    const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
    process.exitCode = await verifyMain(process.argv.slice(3), process.env, io);
    return;
  }
  const config = orExit(() => configFromArgs(process.argv.slice(2), process.env, process.execArgv));
  if (config === 'help') {
    process.stdout.write(HELP);
    return;
  }
  tuneHeap(config.nodeFlags);
  // With --workers the cluster code takes over; with one process it is never loaded.
  if (config.workers > 1) return (await import('../cluster/primary.js')).serveClustered(config);
  const { listener, state, specs } = orExit(() => createMockApp(config));
  const watching =
    config.watch &&
    watchScenarios(config, state, apiFacts(API_MODULES), (line) => {
      if (config.logLevel !== 'silent') process.stderr.write(`bot-analytics-mock: ${line}\n`);
    });
  const server = await listen(
    listener,
    config.port,
    config.host,
    DEFAULT_TIMEOUTS,
    config.maxConnections,
  ).catch((error: Error) => {
    process.stderr.write(`bot-analytics-mock: ${error.message}\n`);
    process.exit(1);
  });
  const facts = {
    base: baseUrl(server, config.host),
    apis: [...specs.keys()],
    scenario: state.scenario.name,
    watching: Boolean(watching),
  };
  // Through the log sink: a stdout whose reader went away must not stop the server (log-sink.ts).
  const out = stdoutSink();
  out.write(`${bannerLines(config, facts).join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    out.write(`bot-analytics-mock: ${signal} received, draining\n`);
    if (watching) watching.close();
    // The log gets a second to be written out; a reader that is gone or stuck does not hold the exit.
    void drain(server)
      .then(() => out.flush(1_000))
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
