/** How control-plane changes and attempt counts reach every process serving the mock; here, the one process. */
import type { JournalEntry, JournalWatcher } from '../../core/journal.js';
import type { Scenario } from '../../core/scenario.js';
import type { MockState } from './state.js';

/**
 * What the control plane and the API pipeline change or read beyond one request. In one process it
 * is the state itself (`localSync`); with --workers, `cluster-sync.ts` passes it through the primary
 * so that every worker applies a change before it is answered.
 */
export interface ControlSync {
  /** Switches the scenario in force; resolves once it is in force everywhere. An unknown name throws a 400. */
  switchScenario(name: string): Promise<Scenario>;
  /** Forgets the journal and the attempt counts everywhere. */
  forgetRequests(): Promise<void>;
  /** The journal, oldest first (with --workers: every worker's, merged in arrival order). */
  requests(): Promise<JournalEntry[]>;
  /** The how-many-th time a request is seen under a scenario (see MockState.attempt). */
  attempt(scenario: string, request: string): number | Promise<number>;
  /** Calls `watcher` with each request answered from now on, by any process; returns how to stop. */
  watchRequests(watcher: JournalWatcher): () => void;
}

/** The ControlSync of a mock served by one process: straight to its state. */
export function localSync(state: MockState): ControlSync {
  return {
    switchScenario: async (name) => state.setScenario(name),
    forgetRequests: async () => state.forgetRequests(),
    requests: async () => state.journal.list(),
    attempt: (scenario, request) => state.attempt(scenario, request),
    watchRequests: (watcher) => state.journal.watch(watcher),
  };
}
