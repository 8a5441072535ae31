import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiFacts } from '../../src/scenarios/api-facts.js';
import { reloadScenarios, type ScenarioWatch, watchScenarios } from '../../src/scenarios/watch-scenarios.js';
import { API_MODULES } from '../../src/server/registry.js';
import { testApp } from '../support/app.js';

const FACTS = apiFacts(API_MODULES);

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Waits until a condition holds, at most five seconds (then the test fails on its own expectation). */
async function eventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
}

let watching: ScenarioWatch | undefined;
afterEach(() => {
  watching?.close();
  watching = undefined;
});

describe('scenario reload', () => {
  it('swaps in an edited set and keeps the scenario in force by name', () => {
    const dir = folder({ 'mine.yaml': 'description: First version.\n' });
    const sources = { scenario: 'mine', scenarioDir: dir };
    const { state } = testApp(sources);
    writeFileSync(join(dir, 'mine.yaml'), 'description: Second version.\nknobs: {empty: true}\n');
    expect(reloadScenarios(sources, state, FACTS)).toMatch(/^reloaded \d+ scenarios; 'mine' is in force\.$/);
    expect(state.scenario).toMatchObject({ description: 'Second version.', knobs: { empty: true } });
  });

  it('keeps the last good set, without throwing, when the scenario folder disappears', () => {
    const dir = folder({ 'mine.yaml': 'description: Good.\n' });
    const sources = { scenario: 'mine', scenarioDir: dir };
    const { state } = testApp(sources);
    rmSync(dir, { recursive: true, force: true });
    expect(reloadScenarios(sources, state, FACTS)).toMatch(
      /^Failed to reload scenarios: ENOENT.*Keeping the last good scenarios\.$/,
    );
    expect(state.scenario.description).toBe('Good.');
  });

  it('keeps the last good set after a bad edit and says why', () => {
    const dir = folder({ 'mine.yaml': 'description: Good.\n' });
    const sources = { scenario: 'mine', scenarioDir: dir };
    const { state } = testApp(sources);
    const before = state.scenarios;
    writeFileSync(join(dir, 'mine.yaml'), 'description: Bad.\nknobs: {volume: lots}\n');
    expect(reloadScenarios(sources, state, FACTS)).toBe(
      `Invalid scenario file ${join(dir, 'mine.yaml')}:2:17: knobs.volume is "lots". Expected a multiplier from 0 to 100 (1 = normal traffic). Keeping the last good scenarios.`,
    );
    expect(state.scenarios).toBe(before);
    expect(state.scenario.description).toBe('Good.');
  });

  it('keeps a deleted scenario in force until the next switch, and keeps scenarios built in code', () => {
    const dir = folder({ 'mine.yaml': 'description: Soon gone.\n' });
    const sources = { scenario: 'mine', scenarioDir: dir };
    const { state } = testApp(sources, [{ name: 'coded', description: 'in code', knobs: {}, rules: [] }]);
    rmSync(join(dir, 'mine.yaml'));
    expect(reloadScenarios(sources, state, FACTS)).toMatch(
      /^reloaded \d+ scenarios; 'mine' is no longer among them and stays in force until the next switch\.$/,
    );
    expect(state.scenario.description).toBe('Soon gone.');
    expect(state.scenarios.has('mine')).toBe(false);
    expect(state.scenarios.has('coded')).toBe(true);
  });

  it('watches the scenario folder: a new file appears, a bad edit is logged and changes nothing', async () => {
    const dir = folder({ 'mine.yaml': 'description: Watched.\n' });
    const sources = { scenario: 'default', scenarioDir: dir };
    const { state } = testApp(sources);
    const lines: string[] = [];
    watching = watchScenarios(sources, state, FACTS, (line) => lines.push(line));
    writeFileSync(join(dir, 'added.yaml'), 'description: Added while running.\n');
    await eventually(() => state.scenarios.has('added'));
    expect(state.scenarios.get('added')?.description).toBe('Added while running.');
    writeFileSync(join(dir, 'added.yaml'), 'description: [broken\n');
    await eventually(() => lines.some((l) => l.includes('Keeping the last good scenarios.')));
    expect(lines.at(-1)).toMatch(
      /^Invalid scenario file .*added\.yaml:\d+:\d+: the file is not valid YAML: .* Keeping the last good scenarios\.$/,
    );
    expect(state.scenarios.get('added')?.description).toBe('Added while running.');
  });
});
