/** Turns a checked scenario document into the Scenario the pipeline reads: shares as fractions, latencies as ranges. */
import type { Knobs } from '../core/knobs.js';
import { type Latency, parseLatency } from '../core/latency.js';
import type { RuleMatch, Scenario, ScenarioRule } from '../core/scenario.js';
import type { RawKnobs, RawRule, RawScenario, RawValue } from './raw.js';

function latencyOf(value: number | string | undefined): Latency | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? { min: value, max: value } : parseLatency(value);
}

function shareOf(value: number | string | undefined): number | undefined {
  if (typeof value === 'string') return Number(value.replace('%', '').trim()) / 100;
  return value;
}

function strings(record: Record<string, RawValue> | undefined): Record<string, string> | undefined {
  return record && Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}

function knobsOf(raw: RawKnobs | undefined): Partial<Knobs> {
  return { ...(raw ?? {}) } as Partial<Knobs>;
}

function matchOf(raw: RawRule['match']): RuleMatch | undefined {
  if (!raw) return undefined;
  const match: RuleMatch = { ...raw, query: strings(raw.query), headers: strings(raw.headers) };
  for (const key of Object.keys(match) as (keyof RuleMatch)[])
    if (match[key] === undefined) delete match[key];
  return match;
}

function ruleOf(raw: RawRule): ScenarioRule {
  const rule: ScenarioRule = {
    match: matchOf(raw.match),
    share: shareOf(raw.share),
    status: raw.status,
    error: raw.error,
    headers: strings(raw.headers),
    body: raw.body,
    latency: latencyOf(raw.latency),
    fault: raw.fault,
    stallMs: raw.stallMs,
    knobs: raw.knobs && knobsOf(raw.knobs),
  };
  for (const key of Object.keys(rule) as (keyof ScenarioRule)[])
    if (rule[key] === undefined) delete rule[key];
  return rule;
}

/** The Scenario of a document that passed the schema and the API checks. */
export function scenarioOf(raw: RawScenario, name: string, file: string): Scenario {
  const scenario: Scenario = {
    name,
    description: raw.description,
    knobs: knobsOf(raw.knobs),
    rules: (raw.rules ?? []).map(ruleOf),
    file,
  };
  const latency = latencyOf(raw.latency);
  if (latency) scenario.latency = latency;
  return scenario;
}
