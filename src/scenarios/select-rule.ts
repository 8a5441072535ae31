/** Picks the rule of a scenario that applies to one request: the first that matches, fits the operation and draws it. */
import type { Request } from 'express';
import type { ApiModule } from '../core/api.js';
import { type Knobs, withKnobs } from '../core/knobs.js';
import type { Latency } from '../core/latency.js';
import { hashKey } from '../core/rng.js';
import { type RuleRequest, ruleMatches, type Scenario, type ScenarioRule } from '../core/scenario.js';
import type { SpecOperation } from '../core/spec.js';

/** What the choice depends on besides the request: the API, the operation, the seed and the attempt number. */
export interface RuleContext {
  module: ApiModule;
  operation: SpecOperation;
  seed: number;
  /** The request as a key: method and URL. */
  key: string;
  /** The how-many-th time (from 1) this request arrives under the scenario. */
  attempt: number;
}

/**
 * Whether the rule can act on this operation: a named error only where the API has it, a status
 * without body only where the spec documents it (the vendor has no message for the others).
 */
function fits(rule: ScenarioRule, ctx: RuleContext): boolean {
  if (rule.error !== undefined)
    return ctx.module.errors?.[rule.error]?.operations.includes(ctx.operation.operationId) ?? false;
  if (rule.status === undefined || rule.status === 200 || rule.body !== undefined) return true;
  return ctx.operation.responses.some((r) => r.status === String(rule.status));
}

/** Whether a request falls in the rule's share: a pure function of seed, scenario, rule, request and attempt. */
export function drawn(
  share: number,
  seed: number,
  scenario: string,
  index: number,
  key: string,
  attempt: number,
) {
  if (share >= 1) return true;
  if (share <= 0) return false;
  return hashKey(seed, 'share', scenario, index, key, attempt) / 4294967296 < share;
}

/** The rule that applies to a request, if any. */
export function selectRule(
  scenario: Scenario,
  request: RuleRequest,
  ctx: RuleContext,
): ScenarioRule | undefined {
  return scenario.rules.find((rule, index) => {
    if (!ruleMatches(rule, request) || !fits(rule, ctx)) return false;
    const attempts = rule.match?.attempt;
    if (
      attempts !== undefined &&
      !(typeof attempts === 'number' ? [attempts] : attempts).includes(ctx.attempt)
    )
      return false;
    return (
      rule.share === undefined || drawn(rule.share, ctx.seed, scenario.name, index, ctx.key, ctx.attempt)
    );
  });
}

// Most requests match no rule: their knobs are the scenario's, built once per scenario object (a
// reload makes new objects). Shared by many requests, they are frozen: handlers only read knobs.
const scenarioKnobs = new WeakMap<Scenario, Knobs>();

/** The knobs of a request: the scenario's, then the rule's on top. */
export function knobsFor(scenario: Scenario, rule: ScenarioRule | undefined): Knobs {
  if (!rule) {
    let knobs = scenarioKnobs.get(scenario);
    if (!knobs) {
      knobs = withKnobs({ ...scenario.knobs, extra: { ...scenario.knobs.extra } });
      Object.freeze(knobs.extra);
      scenarioKnobs.set(scenario, Object.freeze(knobs));
    }
    return knobs;
  }
  return withKnobs({
    ...scenario.knobs,
    ...rule?.knobs,
    extra: { ...scenario.knobs.extra, ...rule?.knobs?.extra },
  });
}

/** The latency of a request: the rule's, else the scenario's, else the server's. */
export function latencyFor(
  scenario: Scenario,
  rule: ScenarioRule | undefined,
  server: Latency | undefined,
): Latency | undefined {
  return rule?.latency ?? scenario.latency ?? server;
}

/** Whether a scenario draws shares or matches attempts: only then are attempts counted. */
export function countsAttempts(scenario: Scenario): boolean {
  return scenario.rules.some((rule) => rule.share !== undefined || rule.match?.attempt !== undefined);
}

/** What rules match on, from a routed request: the full path (API prefix included), decoded where possible. */
export function ruleRequestOf(
  api: string,
  operation: SpecOperation,
  req: Request,
  pathAfterPrefix: string,
  query: URLSearchParams,
): RuleRequest {
  const raw = `/${api}${pathAfterPrefix}`;
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: match on the path as sent.
  }
  // Every spec sets a top-level security; an operation opts out with `security: []` (token endpoints).
  const security = operation.raw.security;
  const secured = !(Array.isArray(security) && security.length === 0);
  return {
    api,
    operationId: operation.operationId,
    method: req.method,
    path,
    query,
    headers: req.headers,
    secured,
  };
}
