/** Compiles the JSON Schemas of one spec with ajv (draft 2020-12), once, at start-up. */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LoadedSpec, Schema } from './spec.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** OpenAPI keywords that may stand inside a schema and mean nothing to validation. */
const ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'];

function collectExtensionKeywords(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeywords(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      collectExtensionKeywords(value, found);
    }
  }
}

/** Rewrites local component `$ref`s so that ajv can resolve them by id. */
function rewriteRefs(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, base));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? `${base}/${value.slice('#/components/schemas/'.length)}`
        : rewriteRefs(value, base);
  }
  return out;
}

/** One ajv instance holding a spec's component schemas; compiles further schemas against them. */
export class SchemaCompiler {
  private readonly ajv: Ajv2020;
  private readonly base: string;

  constructor(spec: LoadedSpec) {
    this.base = `spec:${spec.api}/schemas`;
    // The meta-schema check of every schema costs a third of start-up; the test suite does it once
    // for every spec (test/core/schema-compiler.test.ts), so a boot skips it.
    this.ajv = new Ajv2020({
      allErrors: false,
      validateSchema: false,
      strict: true,
      strictTypes: false,
      strictRequired: false,
    });
    addFormats(this.ajv);
    const keywords = new Set<string>(ANNOTATIONS);
    collectExtensionKeywords(spec.document, keywords);
    for (const keyword of keywords) this.ajv.addKeyword(keyword);
    const components = (spec.document.components as Record<string, unknown> | undefined)?.schemas;
    for (const [name, schema] of Object.entries((components ?? {}) as Record<string, Schema>)) {
      this.ajv.addSchema({ ...(rewriteRefs(schema, this.base) as Schema), $id: `${this.base}/${name}` });
    }
  }

  /** A validator for a schema taken from the spec. */
  compile(schema: Schema): ValidateFunction {
    return this.ajv.compile(rewriteRefs(schema, this.base) as Schema);
  }
}

/** A short sentence for the first ajv error, naming what is accepted. */
export function describeSchemaError(error: ErrorObject | undefined, schema: Schema): string {
  if (!error) return 'is not valid';
  const where = error.instancePath ? ` at ${error.instancePath}` : '';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}${where}`;
    case 'const':
      return `must be ${String(p.allowedValue)}${where}`;
    case 'type':
      return `must be ${article(String(p.type))}${where}`;
    case 'pattern': {
      const hint =
        typeof schema['x-accepts'] === 'string'
          ? schema['x-accepts']
          : `a value matching ${String(p.pattern)}`;
      return `must be ${hint}${where}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return `${error.message ?? 'is out of range'}${where}`;
    case 'required':
      return `is missing the required field '${String(p.missingProperty)}'${where}`;
    case 'additionalProperties':
      return `has an unknown field '${String(p.additionalProperty)}'${where}`;
    case 'format':
      return `must be a valid ${String(p.format)}${where}`;
    default:
      return `${error.message ?? 'is not valid'}${where}`;
  }
}

function article(type: string): string {
  if (type === 'integer') return 'an integer';
  if (type === 'array' || type === 'object') return `an ${type}`;
  return `a ${type}`;
}
