/** The mutable state of one running mock: the scenarios, the one in force, attempt counts and the request journal. */
import { MockError } from '../../core/errors.js';
import { Journal } from '../../core/journal.js';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario.js';
import { showValue } from '../../core/show-value.js';
import { type Config, ConfigError } from '../cli/config.js';
import { AttemptCounts } from './attempt-counts.js';

/** What changed in this process's state: the console's live page redraws on it. */
export type StateChange = { kind: 'scenario'; name: string } | { kind: 'forget' } | { kind: 'reload' };

function byName(scenarios: readonly Scenario[]): ReadonlyMap<string, Scenario> {
  return new Map([DEFAULT_SCENARIO, ...scenarios].map((s) => [s.name, s]));
}

/** Scenarios by name, the current one, attempt counts, and the journal. */
export class MockState {
  readonly journal: Journal;
  private all: ReadonlyMap<string, Scenario>;
  private current: Scenario;
  private readonly attempts = new AttemptCounts();
  private readonly listeners = new Set<(change: StateChange) => void>();

  constructor(config: Config, scenarios: readonly Scenario[] = [], initial = config.scenario) {
    this.journal = new Journal(config.journalSize);
    this.all = byName(scenarios);
    const found = this.all.get(initial);
    if (!found) {
      throw new ConfigError(
        `Invalid --scenario / MOCK_SCENARIO: '${initial}'. Expected one of ${this.names()}, or the path of a scenario file (.yaml).`,
      );
    }
    this.current = found;
  }

  /** Every scenario by name; replaced as a whole on reload, never edited in place. */
  get scenarios(): ReadonlyMap<string, Scenario> {
    return this.all;
  }

  /** The scenario in force for requests that do not pick one. */
  get scenario(): Scenario {
    return this.current;
  }

  /** The scenario for one request: the one it names, else the one in force. Read once per request. */
  resolve(name: string | undefined): Scenario {
    return name === undefined ? this.current : this.lookup(name);
  }

  /** Switches the scenario in force (and forgets attempt counts); an unknown name throws a 400 listing the known ones. */
  setScenario(name: string): Scenario {
    this.current = this.lookup(name);
    this.attempts.clear();
    this.tell({ kind: 'scenario', name });
    return this.current;
  }

  /**
   * Replaces the scenarios of files (a reload; those built in code stay). The scenario in force becomes
   * its new version; if it is gone, it stays in force as it was. Returns whether it is still known.
   */
  replaceScenarios(scenarios: readonly Scenario[]): boolean {
    const builtInCode = [...this.all.values()].filter((s) => s.file === undefined && s !== DEFAULT_SCENARIO);
    this.all = byName([...scenarios, ...builtInCode]);
    this.attempts.clear();
    const fresh = this.all.get(this.current.name);
    if (fresh) this.current = fresh;
    this.tell({ kind: 'reload' });
    return fresh !== undefined;
  }

  /** A scenario by name; an unknown name throws a 400 listing the known ones. */
  lookup(name: string): Scenario {
    const found = this.all.get(name);
    if (!found) {
      throw new MockError(400, `Unknown scenario '${showValue(name)}'. Known scenarios: ${this.names()}.`, {
        code: 'unknown_scenario',
      });
    }
    return found;
  }

  /** The how-many-th time (from 1) a request is seen under a scenario since the last switch or reset. */
  attempt(scenario: string, request: string): number {
    return this.attempts.next(scenario, request);
  }

  /** Forgets the journal and the attempt counts (`DELETE /__mock/requests`). */
  forgetRequests(): void {
    this.journal.clear();
    this.attempts.clear();
    this.tell({ kind: 'forget' });
  }

  /** Calls `listener` after each scenario switch, reload or journal reset; returns how to stop. */
  onChange(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(change: StateChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private names(): string {
    return [...this.all.keys()].join(', ');
  }
}
