/** A cluster worker's ControlSync: control changes, the journal and attempt counts go through the primary. */
import { MockError } from '../../core/errors.js';
import type { JournalEntry } from '../../core/journal.js';
import type { Scenario } from '../../core/scenario.js';
import { apiFacts } from '../../scenarios/api-facts.js';
import { reloadScenarios } from '../../scenarios/watch-scenarios.js';
import type { Config } from '../cli/config.js';
import { pollJournal } from '../control/console/poll-journal.js';
import type { ControlSync } from '../control/control-sync.js';
import type { MockState } from '../control/state.js';
import { API_MODULES } from '../registry.js';
import {
  type Ask,
  errorOf,
  type FromPrimary,
  type FromWorker,
  failureOf,
  isMockMessage,
  type Order,
  type Outcome,
  type WorkerEntry,
} from './messages.js';

/**
 * How long a worker waits for the primary. The primary gives up on a silent worker sooner
 * (CONFIRM_MS in cluster-hub.ts) and answers; this only bounds a primary that is gone.
 */
const ANSWER_MS = 15_000;

/** The worker's side of the sync, plus joining the cluster before it listens. */
export interface WorkerSync extends ControlSync {
  /** Catches up with the changes made before this worker started, and receives the later ones. */
  join(): Promise<void>;
}

/** Sends a message to the primary; false when the channel is gone (the primary exited). */
export function toPrimary(message: FromWorker, then?: () => void): boolean {
  if (!process.send || !process.connected) return false;
  return process.send(message, undefined, {}, () => then?.());
}

/** Applies one order of the primary to this worker's state; the outcome's value is what the primary logs or merges. */
function apply(order: Order, state: MockState, config: Config): unknown {
  const reload = () => reloadScenarios(config, state, apiFacts(API_MODULES));
  switch (order.kind) {
    case 'scenario':
      state.setScenario(order.name);
      return undefined;
    case 'forget':
      state.forgetRequests();
      return undefined;
    case 'reload':
      return reload();
    case 'sync': {
      const line = order.reload ? reload() : undefined;
      if (order.scenario === undefined || order.scenario === state.scenario.name) return line;
      state.setScenario(order.scenario);
      return line;
    }
    case 'journal':
      return state.journal
        .timed()
        .map(
          ({ entry, arrivedNs }): WorkerEntry => ({ entry: { ...entry, worker: process.pid }, arrivedNs }),
        );
  }
}

/** The ControlSync of a cluster worker; it listens to the primary's orders from now on. */
export function workerSync(state: MockState, config: Config): WorkerSync {
  let nextId = 1;
  const waiting = new Map<number, (outcome: Outcome) => void>();

  process.on('message', (message: unknown) => {
    if (!isMockMessage<FromPrimary>(message)) return;
    if (message.mock === 'order') {
      let outcome: Outcome;
      try {
        outcome = { ok: true, value: apply(message.order, state, config) };
      } catch (error) {
        outcome = failureOf(error);
      }
      toPrimary({ mock: 'done', id: message.id, outcome });
    } else if (message.mock === 'answer') {
      waiting.get(message.id)?.(message.outcome);
      waiting.delete(message.id);
    }
  });

  const ask = (what: Ask): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new MockError(503, 'The cluster primary did not answer in time. Please retry.'));
      }, ANSWER_MS);
      waiting.set(id, (outcome) => {
        clearTimeout(timer);
        if (outcome.ok) resolve(outcome.value);
        else reject(errorOf(outcome));
      });
      if (!toPrimary({ mock: 'ask', id, ask: what })) {
        clearTimeout(timer);
        waiting.delete(id);
        reject(new MockError(503, 'The cluster primary is gone; this worker is stopping.'));
      }
    });

  return {
    async switchScenario(name: string): Promise<Scenario> {
      // Every worker knows the same scenarios: an unknown name is answered here, without a round trip.
      state.lookup(name);
      await ask({ kind: 'change', change: { kind: 'scenario', name } });
      return state.lookup(name);
    },
    async forgetRequests(): Promise<void> {
      await ask({ kind: 'change', change: { kind: 'forget' } });
    },
    async requests(): Promise<JournalEntry[]> {
      return (await ask({ kind: 'journal' })) as JournalEntry[];
    },
    watchRequests(watcher) {
      return pollJournal(() => this.requests(), watcher);
    },
    async attempt(scenario: string, request: string): Promise<number> {
      return (await ask({ kind: 'attempt', scenario, request })) as number;
    },
    async join(): Promise<void> {
      await ask({ kind: 'join' });
    },
  };
}
