/** The mutable state of one running mock: the scenario in force and the request journal. */
import { MockError } from '../core/errors.js';
import { Journal } from '../core/journal.js';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario.js';
import type { Config } from './config.js';

/** Scenarios by name, the current one, and the journal. */
export class MockState {
  readonly journal: Journal;
  readonly scenarios = new Map<string, Scenario>();
  private current: Scenario;

  constructor(config: Config, scenarios: readonly Scenario[] = []) {
    this.journal = new Journal(config.journalSize);
    for (const s of [DEFAULT_SCENARIO, ...scenarios]) this.scenarios.set(s.name, s);
    this.current = this.lookup(config.scenario);
  }

  /** The scenario in force for requests that do not pick one. */
  get scenario(): Scenario {
    return this.current;
  }

  /** Switches the scenario in force; an unknown name throws a 400 listing the known ones. */
  setScenario(name: string): Scenario {
    this.current = this.lookup(name);
    return this.current;
  }

  /** A scenario by name; an unknown name throws a 400 listing the known ones. */
  lookup(name: string): Scenario {
    const found = this.scenarios.get(name);
    if (!found) {
      throw new MockError(
        400,
        `Unknown scenario '${name}'. Known scenarios: ${[...this.scenarios.keys()].join(', ')}.`,
        {
          code: 'unknown_scenario',
        },
      );
    }
    return found;
  }
}
