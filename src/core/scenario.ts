/** Scenarios: named bundles of data knobs and response rules, selectable per server or per request. */
import { globMatches } from './glob.js';
import type { Knobs } from './knobs.js';
import type { Latency } from './latency.js';

/** One value or a list of accepted values. */
export type OneOrMore = string | readonly string[];

/** Which requests a rule applies to; every field given must match. */
export interface RuleMatch {
  /** API name(s): the URL prefix, e.g. `digitalcx`. */
  api?: OneOrMore;
  /** Operation id(s) of the API's spec. */
  operationId?: OneOrMore;
  /** Glob on the request path including the API prefix (`/digitalcx/acme/**`). */
  path?: string;
  /** HTTP method(s). */
  method?: OneOrMore;
  /** Query parameters: name → glob on the value (`*` = present with any value). */
  query?: Readonly<Record<string, string>>;
  /** Request headers: name (any case) → glob on the value. */
  headers?: Readonly<Record<string, string>>;
  /**
   * `true`: only operations that need credentials; `false`: only those that do not (token endpoints,
   * `security: []` in the spec). Lets a 401 hit data operations while a client can still get a token.
   */
  secured?: boolean;
  /**
   * The how-many-th time the same request (method and URL) arrives under the scenario, from 1: `1`
   * is every first try, `[2, 3]` the first two retries. Counted since the last switch or journal reset.
   */
  attempt?: number | readonly number[];
}

/** The faults a rule can inject instead of (or in the middle of) a response. */
export type Fault = 'reset' | 'truncate' | 'stall';

/** What a rule does to a matching request. */
export interface ScenarioRule {
  match?: RuleMatch;
  /** Share of matching requests the rule applies to, from 0 to 1 (default 1), drawn from the seed and the request. */
  share?: number;
  /** Answer with this status: the vendor's documented error for it unless `body` is given. */
  status?: number;
  /** Answer with one of the API's named documented errors (`ApiModule.errors`). */
  error?: string;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** Delay before answering; replaces the scenario's and the server's latency. */
  latency?: Latency;
  fault?: Fault;
  /** How long a stalled response holds the connection before the mock closes it. */
  stallMs?: number;
  /** Knobs for matching requests, over the scenario's knobs. */
  knobs?: Partial<Knobs>;
}

/** A scenario: knobs for the world model, a latency, and rules that override responses. */
export interface Scenario {
  name: string;
  description: string;
  knobs: Partial<Knobs>;
  /** Delay for every request of the scenario (a rule's latency replaces it). */
  latency?: Latency;
  rules: ScenarioRule[];
  /** The file it was loaded from; absent for scenarios built in code. */
  file?: string;
}

/** The scenario of an untouched mock. */
export const DEFAULT_SCENARIO: Scenario = {
  name: 'default',
  description: 'Normal traffic, every request answered from the world model.',
  knobs: {},
  rules: [],
};

/** Whether a `--scenario` value names a file (it has a slash or ends in .yaml/.yml) rather than a scenario. */
export function isScenarioPath(value: string): boolean {
  return /[\\/]/.test(value) || /\.ya?ml$/i.test(value);
}

/** What rules match on: a routed request. */
export interface RuleRequest {
  api: string;
  operationId: string;
  method: string;
  /** The full request path, API prefix included, percent-decoded where possible. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Whether the operation needs credentials (its spec does not say `security: []`). */
  secured: boolean;
}

function oneOf(accepted: OneOrMore | undefined, actual: string, caseless = false): boolean {
  if (accepted === undefined) return true;
  const list = typeof accepted === 'string' ? [accepted] : accepted;
  return list.some((a) => (caseless ? a.toUpperCase() === actual.toUpperCase() : a === actual));
}

function queryMatches(patterns: Readonly<Record<string, string>>, query: URLSearchParams): boolean {
  return Object.entries(patterns).every(([name, pattern]) =>
    query.getAll(name).some((value) => globMatches(String(pattern), value)),
  );
}

function headersMatch(patterns: Readonly<Record<string, string>>, headers: RuleRequest['headers']): boolean {
  return Object.entries(patterns).every(([name, pattern]) => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return false;
    return (Array.isArray(value) ? value : [value]).some((v) => globMatches(String(pattern), v));
  });
}

/** Whether a rule's match holds for a request (a rule without `match` holds for every request). */
export function ruleMatches(rule: ScenarioRule, request: RuleRequest): boolean {
  const m = rule.match ?? {};
  return (
    oneOf(m.api, request.api) &&
    oneOf(m.operationId, request.operationId) &&
    oneOf(m.method, request.method, true) &&
    (m.path === undefined || globMatches(m.path, request.path, true)) &&
    (m.query === undefined || queryMatches(m.query, request.query)) &&
    (m.headers === undefined || headersMatch(m.headers, request.headers)) &&
    (m.secured === undefined || m.secured === request.secured)
  );
}
