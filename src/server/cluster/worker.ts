/** A cluster worker (--workers): builds the app, catches up with the primary, listens on the shared port, drains when told. */
import type { AddressInfo } from 'node:net';
import { createMockApp } from '../app.js';
import type { Config } from '../cli/config.js';
import { startupProblem } from '../cli/startup-problem.js';
import { DEFAULT_TIMEOUTS, drain, listen } from '../front/listen.js';
import { stdoutSink } from '../front/log-sink.js';
import { type FromPrimary, isMockMessage } from './messages.js';
import { toPrimary, type WorkerSync, workerSync } from './sync.js';

/** Reports a start-up problem to the primary (which prints it once for all workers) and exits with its code. */
function fail(code: number, message: string): Promise<never> {
  if (!toPrimary({ mock: 'failed', code, message }, () => process.exit(code))) process.exit(code);
  // Never settles: the process exits once the message has left.
  return new Promise(() => {});
}

/** Serves the mock as one worker of the cluster. */
export async function runWorker(config: Config): Promise<void> {
  let sync: WorkerSync | undefined;
  let built: ReturnType<typeof createMockApp>;
  try {
    built = createMockApp(config, [], {
      sync: (state) => {
        sync = workerSync(state, config);
        return sync;
      },
    });
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    return fail(problem.code, problem.message);
  }
  const { listener, state, specs } = built;
  // Ctrl-C reaches every process of the terminal's group: the primary decides, and tells each worker to drain.
  process.on('SIGINT', () => {});
  await (sync as WorkerSync).join();
  const server = await listen(
    listener,
    config.port,
    config.host,
    DEFAULT_TIMEOUTS,
    config.maxConnections,
  ).catch((error: Error) => fail(1, `bot-analytics-mock: ${error.message}`));

  let draining = false;
  const stop = () => {
    if (draining) return;
    draining = true;
    void drain(server)
      .then(() => stdoutSink().flush(1_000))
      .then(() => process.exit(0));
  };
  process.on('message', (message: unknown) => {
    if (isMockMessage<FromPrimary>(message) && message.mock === 'drain') stop();
  });
  process.on('SIGTERM', stop);

  toPrimary({
    mock: 'ready',
    port: (server.address() as AddressInfo).port,
    apis: [...specs.keys()],
    scenario: state.scenario.name,
  });
}
