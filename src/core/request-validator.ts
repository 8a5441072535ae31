/** Checks a request's parameters and body against its operation in the spec, coercing query strings to types. */
import type { ValidateFunction } from 'ajv';
import { MockError } from './errors.js';
import { listItems } from './list-values.js';
import { describeSchemaError, type NamedSchema, type SchemaCompiler } from './schema-compiler.js';
import { showValue } from './show-value.js';
import type { Schema, SpecOperation, SpecParameter } from './spec.js';

/** The parameters of a request after validation, typed as the spec says. */
export interface ValidatedInput {
  query: Record<string, unknown>;
  path: Record<string, string>;
  headers: Record<string, unknown>;
  body: unknown;
}

/** The raw request parts the validator reads. */
export interface RawRequest {
  query: URLSearchParams;
  path: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  contentType: string | undefined;
  body: unknown;
}

interface CompiledParameter {
  param: SpecParameter;
  names: string[];
  /** A header parameter's name as Node gives request headers: lower case. */
  header: string;
  isArray: boolean;
  itemType: unknown;
  validate: ValidateFunction;
}

/** No values (never changed). */
const NONE: readonly string[] = Object.freeze([]);

function schemaType(schema: Schema): unknown {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** Turns a query string into the type its schema asks for; leaves it a string when it does not parse. */
function coerce(value: string, type: unknown): unknown {
  if (type === 'integer' && /^[+-]?\d+$/.test(value)) return Number(value);
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return value;
}

function parameterKey(operation: SpecOperation, param: SpecParameter): string {
  return `${operation.operationId} ${param.in} ${param.name}`;
}

function bodyKey(operation: SpecOperation, contentType: string): string {
  return `${operation.operationId} body ${contentType}`;
}

/** Every schema an operation's validator checks against, by key (what the build precompiles). */
export function operationSchemas(operation: SpecOperation): NamedSchema[] {
  const out = operation.parameters.map((param) => ({
    key: parameterKey(operation, param),
    schema: param.schema,
  }));
  for (const [type, schema] of Object.entries(operation.requestBody?.contentTypes ?? {}))
    if (schema) out.push({ key: bodyKey(operation, type), schema });
  return out;
}

function label(param: SpecParameter): string {
  return param.in === 'header' ? `header '${param.name}'` : `${param.in} parameter '${param.name}'`;
}

/** The validator of one operation: compiled once, used for every request. */
export class OperationValidator {
  private readonly params: CompiledParameter[];
  private readonly bodies = new Map<string, ValidateFunction>();
  private readonly bodyRequired: boolean;

  constructor(
    readonly operation: SpecOperation,
    compiler: SchemaCompiler,
  ) {
    this.params = operation.parameters.map((param) => {
      const isArray = schemaType(param.schema) === 'array';
      const items = (param.schema.items ?? {}) as Schema;
      return {
        param,
        names: [param.name, ...param.aliases],
        header: param.name.toLowerCase(),
        isArray,
        itemType: isArray ? schemaType(items) : schemaType(param.schema),
        validate: compiler.validator({ key: parameterKey(operation, param), schema: param.schema }),
      };
    });
    this.bodyRequired = operation.requestBody?.required ?? false;
    for (const [type, schema] of Object.entries(operation.requestBody?.contentTypes ?? {})) {
      if (schema) this.bodies.set(type, compiler.validator({ key: bodyKey(operation, type), schema }));
    }
  }

  /** Validates and coerces; throws a 400 MockError naming the parameter and what it accepts. */
  validate(raw: RawRequest): ValidatedInput {
    const out: ValidatedInput = { query: {}, path: {}, headers: {}, body: undefined };
    for (const compiled of this.params) {
      const { param } = compiled;
      const values = this.rawValues(compiled, raw);
      if (values.length === 0) {
        if (param.required)
          throw new MockError(400, `Missing required ${label(param)}.`, { code: 'invalid_parameter' });
        if (param.schema.default !== undefined) this.assign(out, param, param.schema.default);
        continue;
      }
      let value: unknown;
      if (compiled.isArray) {
        value = listItems(values as string[]).map((v) => coerce(v, compiled.itemType));
      } else if (values.length > 1) {
        throw new MockError(400, `The ${label(param)} was given ${values.length} times; give it once.`, {
          code: 'invalid_parameter',
        });
      } else {
        value = coerce(values[0] as string, compiled.itemType);
      }
      if (!compiled.validate(value)) {
        const shown = Array.isArray(value) ? (value as unknown[]).join(',') : String(value);
        const why = describeSchemaError(compiled.validate.errors?.[0], param.schema);
        throw new MockError(400, `Invalid ${label(param)}: '${showValue(shown)}' ${why}.`, {
          code: 'invalid_parameter',
        });
      }
      this.assign(out, param, value);
    }
    out.body = this.validateBody(raw);
    return out;
  }

  private rawValues(compiled: CompiledParameter, raw: RawRequest): readonly string[] {
    const { param } = compiled;
    if (param.in === 'path') {
      const v = raw.path[param.name];
      return v === undefined || v === '' ? NONE : [v];
    }
    if (param.in === 'header') {
      const v = raw.headers[compiled.header];
      if (v === undefined) return NONE;
      if (!Array.isArray(v)) return v === '' ? NONE : [v];
      return v.filter((x) => x !== '');
    }
    if (param.in === 'query') {
      // Empty values mean "not given": the vendors' own examples send `culture=&filterText=`.
      let values: string[] | undefined;
      for (const name of compiled.names) {
        for (const v of raw.query.getAll(name)) {
          if (v === '') continue;
          if (values === undefined) values = [v];
          else values.push(v);
        }
      }
      return values ?? NONE;
    }
    return NONE;
  }

  private assign(out: ValidatedInput, param: SpecParameter, value: unknown): void {
    if (param.in === 'path') out.path[param.name] = String(value);
    else if (param.in === 'header') out.headers[param.name] = value;
    else out.query[param.name] = value;
  }

  private validateBody(raw: RawRequest): unknown {
    if (!this.operation.requestBody) return undefined;
    const length = raw.headers['content-length'];
    const sent = (length !== undefined && length !== '0') || raw.headers['transfer-encoding'] !== undefined;
    if (!sent) {
      if (this.bodyRequired)
        throw new MockError(400, 'The request body is missing.', { code: 'invalid_body' });
      return undefined;
    }
    const type = (raw.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const validate = this.bodies.get(type);
    if (!validate) {
      const accepted = [...this.bodies.keys()].join(', ');
      throw new MockError(415, `Unsupported content type '${showValue(type)}'; send ${accepted}.`, {
        code: 'invalid_body',
      });
    }
    if (!validate(raw.body)) {
      const schema = this.operation.requestBody.contentTypes[type] ?? {};
      throw new MockError(
        400,
        `Invalid request body: ${describeSchemaError(validate.errors?.[0], schema)}.`,
        {
          code: 'invalid_body',
        },
      );
    }
    return raw.body;
  }
}
