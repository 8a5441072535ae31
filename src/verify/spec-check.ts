/** Compares a live answer with the spec: status documented, content type documented, body valid (ajv, every violation). */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ProbeAnswer } from '../core/probe.js';
import { SchemaCompiler } from '../core/schema-compiler.js';
import type { LoadedSpec, SpecOperation, SpecResponse } from '../core/spec.js';
import type { Difference } from './difference.js';
import { mediaTypeOf } from './http.js';

/** The most violations listed per answer (a type changed in every row of a big table is one finding). */
const MAX_VIOLATIONS = 50;

/** The documented response for a status: exact, then `4XX`-style, then `default`. */
export function documentedResponse(operation: SpecOperation, status: number): SpecResponse | undefined {
  const exact = operation.responses.find((r) => r.status === String(status));
  const range = operation.responses.find((r) => r.status.toUpperCase() === `${Math.floor(status / 100)}XX`);
  return exact ?? range ?? operation.responses.find((r) => r.status === 'default');
}

function describe(error: ErrorObject, value: unknown): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `the live API used ${JSON.stringify(value)}, which the spec's enum does not list (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
    case 'additionalProperties':
      return `field '${String(p.additionalProperty)}' is not in the spec`;
    case 'required':
      return `required field '${String(p.missingProperty)}' is missing`;
    case 'type':
      return `must be ${String(p.type)}, is ${JSON.stringify(value)?.slice(0, 60)}`;
    default:
      return error.message ?? 'is not valid';
  }
}

function valueAtInstancePath(body: unknown, path: string): unknown {
  let node = body;
  for (const raw of path.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Where a violation is, with array indexes generalised: one line per kind of violation, not per row. */
function violationKey(error: ErrorObject): string {
  const extra = JSON.stringify(error.params);
  return `${error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')} ${error.schemaPath} ${extra}`;
}

/** Checks answers against one API's spec; validators are compiled once per (operation, status, type). */
export class SpecChecker {
  private readonly compiler: SchemaCompiler;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(spec: LoadedSpec) {
    this.compiler = new SchemaCompiler(spec, true);
  }

  /** Every way the answer departs from the operation's documented responses. */
  check(operation: SpecOperation, answer: ProbeAnswer): Difference[] {
    const documented = documentedResponse(operation, answer.status);
    if (!documented) {
      const listed = operation.responses.map((r) => r.status).join(', ');
      return [
        {
          against: 'spec',
          where: 'status',
          pointer: '',
          rule: 'status',
          message: `${answer.status} is not documented for ${operation.operationId} (documented: ${listed})`,
        },
      ];
    }
    const types = Object.keys(documented.contentTypes);
    const type = mediaTypeOf(answer.headers['content-type']);
    const empty = answer.body === '' || answer.body === undefined;
    if (types.length === 0 || answer.status === 204) {
      if (empty) return [];
      return [
        {
          against: 'spec',
          where: 'content-type',
          pointer: '',
          rule: 'content',
          message: `${answer.status} has a ${type || 'untyped'} body; the spec documents none`,
        },
      ];
    }
    if (!types.includes(type)) {
      // The spec's 403 of DigitalCX, for one, has no body: an empty answer of another type is fine.
      if (empty && type === '') return [];
      return [
        {
          against: 'spec',
          where: 'content-type',
          pointer: '',
          rule: 'content-type',
          message: `${type || 'no content type'} is not documented for ${answer.status} (documented: ${types.join(', ')})`,
        },
      ];
    }
    const schema = documented.contentTypes[type];
    if (!schema) return [];
    const key = `${operation.operationId} ${documented.status} ${type}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.compiler.compile(schema);
      this.validators.set(key, validate);
    }
    if (validate(answer.body)) return [];
    const seen = new Set<string>();
    const out: Difference[] = [];
    for (const error of validate.errors ?? []) {
      const k = violationKey(error);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({
        against: 'spec',
        where: 'body',
        pointer: error.instancePath,
        // The compiler names component schemas by id; say where they are in the spec.
        rule: `${error.keyword} at ${error.schemaPath.replace(/^spec:[^/]+\/schemas\//, '#/components/schemas/')}`,
        message: describe(error, valueAtInstancePath(answer.body, error.instancePath)),
      });
      if (out.length >= MAX_VIOLATIONS) break;
    }
    return out;
  }
}
