/** Scenarios: named bundles of data knobs and response rules, selectable per server or per request. */
import type { Knobs } from './knobs.js';

/** Which requests a rule applies to; every field given must match. */
export interface RuleMatch {
  api?: string;
  operationId?: string;
  method?: string;
}

/** What a rule does to a matching request. */
export interface ScenarioRule {
  match?: RuleMatch;
  /** Answer with this status: the vendor's documented error for it unless `body` is given. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A scenario: knobs for the world model and rules that override responses. */
export interface Scenario {
  name: string;
  description: string;
  knobs: Partial<Knobs>;
  rules: ScenarioRule[];
}

/** The scenario of an untouched mock. */
export const DEFAULT_SCENARIO: Scenario = {
  name: 'default',
  description: 'Normal traffic, every request answered from the world model.',
  knobs: {},
  rules: [],
};

/** The first rule that matches a request, if any. */
export function matchRule(
  scenario: Scenario,
  request: { api: string; operationId: string; method: string },
): ScenarioRule | undefined {
  return scenario.rules.find((rule) => {
    const m = rule.match ?? {};
    return (
      (m.api === undefined || m.api === request.api) &&
      (m.operationId === undefined || m.operationId === request.operationId) &&
      (m.method === undefined || m.method.toUpperCase() === request.method)
    );
  });
}
