/**
 * The scenario file schema (scenarios/scenario.schema.json): its validator (the build's precompiled
 * one when it matches the file, else compiled once), and its errors as problems.
 */
import { readFileSync } from 'node:fs';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { newAjv, standaloneCode } from '../core/lazy-deps.js';
import { packagePath } from '../core/paths.js';
import { requireArtifact, stampExport } from '../core/precompiled.js';
import { badValue, type FieldPath, missingField, type Problem, unknownField } from './problems.js';

type SchemaNode = Record<string, unknown>;

/** Where the schema ships: next to the built-in scenarios. */
export const SCHEMA_FILE = packagePath('scenarios', 'scenario.schema.json');

/** The name of the precompiled validator among the build's artifacts. */
export const SCHEMA_ARTIFACT = 'scenario-schema.cjs';

function ajvOf(source: boolean): Ajv {
  const ajv = newAjv({ allErrors: true, strict: true, strictTypes: false, code: { source } });
  ajv.addKeyword('x-accepts');
  return ajv;
}

let compiled: { schema: SchemaNode; validate: ValidateFunction } | undefined;

function load(): { schema: SchemaNode; validate: ValidateFunction } {
  if (!compiled) {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    const schema = JSON.parse(text) as SchemaNode;
    // Compiling the schema with ajv was a tenth of a cold start: the build does it once.
    const validate =
      requireArtifact<{ validate: ValidateFunction }>(SCHEMA_ARTIFACT, text)?.validate ??
      ajvOf(false).compile(schema);
    compiled = { schema, validate };
  }
  return compiled;
}

/** Standalone CommonJS validator of the schema file, stamped with its text (what the build writes). */
export function precompileScenarioSchema(): string {
  const text = readFileSync(SCHEMA_FILE, 'utf8');
  const ajv = ajvOf(true);
  ajv.addSchema(JSON.parse(text) as SchemaNode, 'scenario');
  return `${standaloneCode(ajv, { validate: 'scenario' })}${stampExport(text)}`;
}

/** The schema document, as served to editors. */
export function scenarioSchema(): SchemaNode {
  return load().schema;
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  return resolve(root, ((root.definitions as SchemaNode)[name] ?? {}) as SchemaNode);
}

/** The schema of a child field, looking through `$ref` and into `oneOf` branches. */
function child(root: SchemaNode, node: SchemaNode, part: string | number): SchemaNode | undefined {
  const target = resolve(root, node);
  const props = target.properties as Record<string, SchemaNode> | undefined;
  if (typeof part === 'string' && props?.[part]) return props[part];
  if (typeof part === 'number' && target.items) return target.items as SchemaNode;
  if (typeof part === 'string' && typeof target.additionalProperties === 'object')
    return target.additionalProperties as SchemaNode;
  for (const branch of (target.oneOf as SchemaNode[] | undefined) ?? []) {
    const found = child(root, branch, part);
    if (found) return found;
  }
  return undefined;
}

/** What the deepest described field on a path accepts, and the fields its parent knows. */
function describe(path: FieldPath): { accepted: string; known: string[] } {
  const { schema } = load();
  let node: SchemaNode | undefined = schema;
  let accepted = String(schema['x-accepts']);
  let known: string[] = [];
  for (const part of path) {
    const target = resolve(schema, node);
    known = Object.keys((target.properties as SchemaNode | undefined) ?? {}).filter((k) => k !== '$schema');
    node = child(schema, node, part);
    if (!node) break;
    const own = node['x-accepts'] ?? resolve(schema, node)['x-accepts'];
    if (typeof own === 'string') accepted = own;
  }
  return { accepted, known };
}

function pathOf(error: ErrorObject): FieldPath {
  const parts: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined)
    parts.push(params.additionalProperty);
  if (error.keyword === 'required' && params.missingProperty !== undefined)
    parts.push(params.missingProperty);
  return parts;
}

function valueAt(document: unknown, path: FieldPath): unknown {
  let value = document;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

/** Validates a parsed document; every schema error becomes a problem naming its field and what it accepts. */
export function schemaProblems(document: unknown): Problem[] {
  const { validate } = load();
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => {
    const path = pathOf(error);
    const { accepted, known } = describe(path);
    if (error.keyword === 'additionalProperties') return unknownField(path, known);
    if (error.keyword === 'required') return missingField(path, accepted);
    return badValue(path, valueAt(document, path), accepted);
  });
}
