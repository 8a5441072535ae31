/**
 * The JSON Schemas of one spec (draft 2020-12): the build's precompiled ajv standalone validators
 * when they match the spec, else compiled with ajv on first use.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { newAjv2020, standaloneCode } from './lazy-deps.js';
import { requireArtifact, stampExport } from './precompiled.js';
import type { LoadedSpec, Schema } from './spec.js';

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

/** A schema of an operation the request validator uses, by a key unique in its spec. */
export interface NamedSchema {
  key: string;
  schema: Schema;
}

/** The name of a spec's precompiled validators among the build's artifacts. */
export function validatorsArtifactName(api: string): string {
  return `validators/${api}.cjs`;
}

function baseOf(spec: LoadedSpec): string {
  return `spec:${spec.api}/schemas`;
}

/** An ajv instance holding the spec's component schemas; `source` keeps the code for standalone output. */
function ajvOf(spec: LoadedSpec, source: boolean, allErrors = false): Ajv2020 {
  const base = baseOf(spec);
  // The meta-schema check of every schema costs a third of start-up; the test suite does it once
  // for every spec (test/core/schema-compiler.test.ts), so a boot skips it.
  const ajv = newAjv2020({
    allErrors,
    validateSchema: false,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    code: { source },
  });
  const keywords = new Set<string>(ANNOTATIONS);
  collectExtensionKeywords(spec.document, keywords);
  for (const keyword of keywords) ajv.addKeyword(keyword);
  const components = (spec.document.components as Record<string, unknown> | undefined)?.schemas;
  for (const [name, schema] of Object.entries((components ?? {}) as Record<string, Schema>)) {
    ajv.addSchema({ ...(rewriteRefs(schema, base) as Schema), $id: `${base}/${name}` });
  }
  return ajv;
}

/** A spec's validators: precompiled by the build where it has them, else compiled by ajv on first use. */
export class SchemaCompiler {
  private ajv: Ajv2020 | undefined;
  private readonly precompiled: Readonly<Record<string, ValidateFunction>> | undefined;

  /** `allErrors`: report every violation, not the first (verify lists them all; requests stop at one). */
  constructor(
    private readonly spec: LoadedSpec,
    private readonly allErrors = false,
  ) {
    const artifact = requireArtifact<{ validators: Record<string, ValidateFunction> }>(
      validatorsArtifactName(spec.api),
      spec.text,
    );
    this.precompiled = artifact?.validators;
  }

  /** A validator for a schema taken from the spec, compiled now by ajv in strict mode. */
  compile(schema: Schema): ValidateFunction {
    this.ajv ??= ajvOf(this.spec, false, this.allErrors);
    return this.ajv.compile(rewriteRefs(schema, baseOf(this.spec)) as Schema);
  }

  /** The validator of a named schema: the build's when it has it, else compiled now. */
  validator({ key, schema }: NamedSchema): ValidateFunction {
    return this.precompiled?.[key] ?? this.compile(schema);
  }
}

/**
 * CommonJS source of standalone validators for named schemas of a spec, stamped with the spec's
 * text: `exports.validators[key]` (what the build writes to `validatorsArtifactName`).
 */
export function precompileValidators(spec: LoadedSpec, schemas: readonly NamedSchema[]): string {
  const ajv = ajvOf(spec, true);
  const base = baseOf(spec);
  const refs: Record<string, string> = {};
  schemas.forEach(({ schema }, i) => {
    const id = `${base}/named/${i}`;
    ajv.addSchema({ ...(rewriteRefs(schema, base) as Schema), $id: id });
    refs[`v${i}`] = id;
  });
  const index = schemas.map(({ key }, i) => `${JSON.stringify(key)}: exports.v${i}`).join(',\n  ');
  return `${standaloneCode(ajv, refs)}\nexports.validators = {\n  ${index}\n};\n${stampExport(spec.text)}`;
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
