/** --workers N: the primary forks N workers on one port, prints the banner once, replaces crashed workers, drains them all on SIGTERM/SIGINT. */
import cluster, { type Worker } from 'node:cluster';
import { realNow } from '../../core/clock.js';
import { type ScenarioWatch, watchScenarioFiles } from '../../scenarios/watch-scenarios.js';
import { bannerLines } from '../cli/banner.js';
import type { Config } from '../cli/config.js';
import { baseUrlOf } from '../front/listen.js';
import { stdoutSink } from '../front/log-sink.js';
import { ControlHub } from './hub.js';
import { type FromPrimary, type FromWorker, isMockMessage } from './messages.js';
import { RestartBudget } from './restart-budget.js';

/** How long the primary waits for its workers to drain before it kills what is left (each drains for up to 5 s). */
const STOP_MS = 10_000;

function say(line: string): void {
  process.stderr.write(`bot-analytics-mock: ${line}\n`);
}

/** Runs this process as the cluster's primary, or, in a forked worker, as one of its workers. */
export async function serveClustered(config: Config): Promise<void> {
  if (!cluster.isPrimary) {
    const { runWorker } = await import('./worker.js');
    return runWorker(config);
  }
  supervise(config);
}

function supervise(config: Config): void {
  const quiet = config.logLevel === 'silent';
  const hub = new ControlHub(config.journalSize, (line) => {
    if (!quiet) say(line);
  });
  // Watched from the start: a worker that loaded the files before a change catches up when it joins.
  const watching: ScenarioWatch | undefined = config.watch
    ? watchScenarioFiles(
        config,
        () => hub.reload(),
        (line) => {
          if (!quiet) say(line);
        },
      )
    : undefined;
  const budget = new RestartBudget();
  const live = new Set<Worker>();
  const ready = new Set<Worker>();
  const problems = new Map<Worker, string>();
  let started = false;
  let stopping = false;
  let exitCode = 0;

  const stopAll = (code: number) => {
    stopping = true;
    exitCode = Math.max(exitCode, code);
    watching?.close();
    if (live.size === 0) process.exit(exitCode);
    // A listening worker drains (as one process does on SIGTERM); one still starting just ends.
    for (const worker of live) {
      if (ready.has(worker) && worker.isConnected()) worker.send({ mock: 'drain' } satisfies FromPrimary);
      else worker.process.kill('SIGTERM');
    }
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_MS).unref();
  };

  const fork = (): Worker => {
    const worker = cluster.fork();
    live.add(worker);
    hub.attach(worker);
    worker.on('message', (message: unknown) => {
      if (!isMockMessage<FromWorker>(message)) return;
      if (message.mock === 'failed') problems.set(worker, message.message);
      if (message.mock !== 'ready') return;
      ready.add(worker);
      if (started || ready.size < config.workers) return;
      started = true;
      const facts = {
        base: baseUrlOf(message.port, config.host),
        apis: message.apis,
        scenario: message.scenario,
        watching: Boolean(watching),
      };
      stdoutSink().write(`${bannerLines(config, facts).join('\n')}\n`);
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    ready.delete(worker);
    hub.detach(worker);
    if (stopping) {
      if (live.size === 0)
        void stdoutSink()
          .flush(1_000)
          .then(() => process.exit(exitCode));
      return;
    }
    const problem = problems.get(worker);
    problems.delete(worker);
    // A bad flag, scenario or port fails every worker alike: say it once and stop.
    if (problem && !started) {
      process.stderr.write(`${problem}\n`);
      return stopAll(code ?? 1);
    }
    if (problem) process.stderr.write(`${problem}\n`);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (!budget.allows(realNow())) {
      say(
        `worker ${worker.process.pid} exited unexpectedly (${how}); ${budget.limit} workers crashed within ${budget.windowMs / 1000} s. Giving up: stopping the other workers.`,
      );
      return stopAll(1);
    }
    const next = fork();
    say(
      `worker ${worker.process.pid} exited unexpectedly (${how}); started worker ${next.process.pid} in its place (${budget.recent} of at most ${budget.limit - 1} restarts within ${budget.windowMs / 1000} s).`,
    );
  });

  for (let i = 0; i < config.workers; i++) fork();

  const stop = (signal: string) => {
    if (stopping) return;
    stdoutSink().write(`bot-analytics-mock: ${signal} received, draining ${live.size} workers\n`);
    stopAll(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
