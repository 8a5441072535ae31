/** `--watch`: reloads every scenario file when one changes; a bad edit keeps the last good set and says why. */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { isScenarioPath } from '../core/scenario.js';
import type { MockState } from '../server/control/state.js';
import type { ApiFacts } from './api-facts.js';
import { BUILT_IN_DIR, loadScenarios, type ScenarioSources } from './load-scenarios.js';
import { ScenarioFileError } from './problems.js';

/** Editors write a file in several steps: wait this long after the last event before reloading. */
const SETTLE_MS = 100;

/** A running watch; close() stops it. */
export interface ScenarioWatch {
  close(): void;
}

/** Loads the scenarios again and swaps them in; a problem leaves the state as it was. Returns the line to log. */
export function reloadScenarios(sources: ScenarioSources, state: MockState, facts: ApiFacts[]): string {
  try {
    const { scenarios } = loadScenarios(sources, facts);
    const kept = state.replaceScenarios(scenarios);
    const current = state.scenario.name;
    return kept
      ? `reloaded ${scenarios.length} scenarios; '${current}' is in force.`
      : `reloaded ${scenarios.length} scenarios; '${current}' is no longer among them and stays in force until the next switch.`;
  } catch (error) {
    // A reload runs in a timer: anything it throws would end the process. A folder that vanished
    // (deleted, renamed, a branch switch) is logged like a bad file.
    const why =
      error instanceof ScenarioFileError
        ? error.message
        : `Failed to reload scenarios: ${(error as Error).message}.`;
    return `${why} Keeping the last good scenarios.`;
  }
}

/** Watches the folders scenarios come from and reloads after changes; `log` gets one line per reload. */
export function watchScenarios(
  sources: ScenarioSources,
  state: MockState,
  facts: ApiFacts[],
  log: (line: string) => void,
): ScenarioWatch {
  return watchScenarioFiles(sources, () => log(reloadScenarios(sources, state, facts)), log);
}

/**
 * Calls `changed` once the scenario files have settled after a change (the cluster primary uses it
 * to have every worker reload); `log` gets a line if a folder can no longer be watched.
 */
export function watchScenarioFiles(
  sources: ScenarioSources,
  changed: () => void,
  log: (line: string) => void,
): ScenarioWatch {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  const isScenarioFile = (name: string | null) => name === null || /^\.ya?ml$/i.test(extname(name));
  const targets: [string, (name: string | null) => boolean][] = [[BUILT_IN_DIR, isScenarioFile]];
  if (sources.scenarioDir) targets.push([sources.scenarioDir, isScenarioFile]);
  if (isScenarioPath(sources.scenario)) {
    const file = basename(sources.scenario);
    targets.push([dirname(sources.scenario), (name) => name === null || name === file]);
  }
  const watchers: FSWatcher[] = targets.map(([dir, relevant]) =>
    watch(dir, (_event, name) => {
      if (relevant(name)) schedule();
    }).on('error', (error) =>
      log(`Stopped watching ${dir}: ${error.message}. Keeping the last good scenarios.`),
    ),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
