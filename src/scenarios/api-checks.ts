/** Checks a scenario beyond its schema: names it uses must exist in the APIs, and fields must fit together. */
import type { Ajv, ValidateFunction } from 'ajv';
import type { KnobSpec } from '../core/api.js';
import { parseLatency } from '../core/latency.js';
import { newAjv } from '../core/lazy-deps.js';
import { showJson } from '../core/show-value.js';
import type { ApiFacts } from './api-facts.js';
import { badValue, type FieldPath, type Problem, unknownField } from './problems.js';
import type { RawRule, RawScenario } from './raw.js';

let knobAjv: Ajv | undefined;
const knobValidators = new WeakMap<KnobSpec, ValidateFunction>();

function knobValidator(spec: KnobSpec): ValidateFunction {
  let validate = knobValidators.get(spec);
  if (!validate) {
    knobAjv ??= newAjv({ allErrors: false, strict: false });
    validate = knobAjv.compile(spec.schema);
    knobValidators.set(spec, validate);
  }
  return validate;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

function extraKnobProblems(path: FieldPath, extra: Record<string, unknown> | undefined, facts: ApiFacts[]) {
  const problems: Problem[] = [];
  const declared = [...new Set(facts.flatMap((f) => Object.keys(f.knobs)))].sort();
  for (const [name, value] of Object.entries(extra ?? {})) {
    const specs = facts.flatMap((f) => (f.knobs[name] ? [f.knobs[name]] : []));
    if (specs.length === 0) {
      problems.push(
        declared.length > 0
          ? unknownField([...path, name], declared)
          : {
              path: [...path, name],
              sentence: 'is not a knob any API exposes. Expected no extra knobs: none is exposed.',
              atKey: true,
            },
      );
    }
    for (const spec of specs)
      if (!knobValidator(spec)(value)) problems.push(badValue([...path, name], value, spec.accepts));
  }
  return problems;
}

function latencyProblem(path: FieldPath, latency: number | string | undefined): Problem[] {
  if (typeof latency !== 'string' || parseLatency(latency)) return [];
  return [badValue(path, latency, 'a range "min-max" with min <= max <= 120000')];
}

function nameProblems(
  path: FieldPath,
  raw: string | string[] | undefined,
  apis: ApiFacts[],
  what: string,
  known: (api: ApiFacts) => string[],
): Problem[] {
  if (raw === undefined || apis.length === 0) return [];
  const all = apis.flatMap(known);
  // Name only the APIs that have such names: "of digitalcx", not every API in the list.
  const having = apis.filter((a) => known(a).length > 0);
  const where = (having.length > 0 ? having : apis).map((a) => a.name).join(', ');
  const accepted = `${what} of ${where}: ${all.length > 0 ? all.join(', ') : 'none'}`;
  return list(raw).flatMap((name, i) =>
    all.includes(name) ? [] : [badValue(Array.isArray(raw) ? [...path, i] : path, name, accepted)],
  );
}

function statusProblems(path: FieldPath, rule: RawRule, apis: ApiFacts[]): Problem[] {
  if (rule.status === undefined || rule.body !== undefined) return [];
  for (const id of list(rule.match?.operationId)) {
    for (const api of apis) {
      const statuses = api.operations.get(id);
      if (statuses && !statuses.includes(String(rule.status))) {
        return [
          {
            path,
            sentence: `is ${rule.status}, which ${id} does not document. Expected one of ${statuses.join(', ')}, or a body to send ${rule.status} anyway.`,
          },
        ];
      }
    }
  }
  return [];
}

function combinationProblems(path: FieldPath, rule: RawRule): Problem[] {
  const problems: Problem[] = [];
  if (rule.error !== undefined && rule.status !== undefined)
    problems.push({
      path: [...path, 'status'],
      sentence: 'cannot go with error. Expected one of them: a named error brings its own status.',
    });
  if (rule.error !== undefined && rule.body !== undefined)
    problems.push({
      path: [...path, 'body'],
      sentence: 'cannot go with error. Expected one of them: a named error brings its own message.',
    });
  if (rule.stallMs !== undefined && rule.fault !== 'stall')
    problems.push({
      path: [...path, 'stallMs'],
      sentence: `is ${showJson(rule.stallMs)} without fault: stall. Expected it only with fault: stall.`,
    });
  return problems;
}

/** API names must be registered ones: the list comes from the registry, not from the schema. */
function apiNameProblems(path: FieldPath, raw: string | string[] | undefined, facts: ApiFacts[]): Problem[] {
  const known = facts.map((f) => f.name);
  const accepted = `one of ${known.join(', ')}, or a list of them`;
  return list(raw).flatMap((name, i) =>
    known.includes(name) ? [] : [badValue(Array.isArray(raw) ? [...path, i] : path, name, accepted)],
  );
}

function ruleProblems(rule: RawRule, index: number, facts: ApiFacts[]): Problem[] {
  const path = ['rules', index];
  const named = list(rule.match?.api);
  const apis = named.length === 0 ? facts : facts.filter((f) => named.includes(f.name));
  return [
    ...apiNameProblems([...path, 'match', 'api'], rule.match?.api, facts),
    ...combinationProblems(path, rule),
    ...latencyProblem([...path, 'latency'], rule.latency),
    ...nameProblems(
      [...path, 'match', 'operationId'],
      rule.match?.operationId,
      apis,
      'an operation id',
      (a) => [...a.operations.keys()],
    ),
    ...nameProblems([...path, 'error'], rule.error, apis, 'a documented error', (a) => Object.keys(a.errors)),
    ...statusProblems([...path, 'status'], rule, apis),
    ...extraKnobProblems([...path, 'knobs', 'extra'], rule.knobs?.extra, facts),
  ];
}

/** Every problem of a schema-valid scenario document, checked against the registered APIs. */
export function apiProblems(raw: RawScenario, facts: ApiFacts[]): Problem[] {
  return [
    ...latencyProblem(['latency'], raw.latency),
    ...extraKnobProblems(['knobs', 'extra'], raw.knobs?.extra, facts),
    ...(raw.rules ?? []).flatMap((rule, i) => ruleProblems(rule, i, facts)),
  ];
}
