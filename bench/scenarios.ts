/** Stand-ins for scenarios the bench needs but a build may lack (the scenario catalogue lands separately). */
import type { Scenario } from '../src/core/scenario.js';
import { HIGH_VOLUME } from './endpoints.js';

/** Twenty times the default traffic: deep pages and a CSV day of tens of thousands of rows. */
export const STAND_IN_SCENARIOS: readonly Scenario[] = [
  {
    name: HIGH_VOLUME,
    description: 'Bench stand-in: every tenant has 20 times its usual traffic.',
    knobs: { volume: 20 },
    rules: [],
  },
];
