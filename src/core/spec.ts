/** Loads an OpenAPI 3.1 spec once at start-up and lists its operations in a form the router can use. */
import { readFileSync } from 'node:fs';
import { yaml } from './lazy-deps.js';
import { packagePath } from './paths.js';
import { jsonArtifactIsFresh, readJsonArtifact, sha256 } from './precompiled.js';

/** A JSON Schema as found in the spec. */
export type Schema = Record<string, unknown>;

/** A parameter of an operation, with `$ref`s resolved. */
export interface SpecParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
  style?: string;
  explode?: boolean;
  /** Other spellings accepted for a query parameter (`x-aliases`), e.g. the vendor's own typos. */
  aliases: string[];
}

/** A documented response of an operation. */
export interface SpecResponse {
  status: string;
  contentTypes: Record<string, Schema | undefined>;
  /** The names of the headers it documents, as the spec writes them. */
  headers: string[];
}

/** One operation of a spec. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: SpecParameter[];
  requestBody: { required: boolean; contentTypes: Record<string, Schema | undefined> } | undefined;
  responses: SpecResponse[];
  raw: Record<string, unknown>;
}

/** A loaded spec: its text, its parsed document, its operations and a hash for /__mock/health. */
export interface LoadedSpec {
  api: string;
  file: string;
  text: string;
  document: Record<string, unknown>;
  operations: SpecOperation[];
  sha256: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Follows a local `$ref` (`#/components/...`) to what it points at. */
export function resolveRef(document: Record<string, unknown>, value: unknown): Record<string, unknown> {
  let node = asRecord(value);
  for (let depth = 0; typeof node.$ref === 'string' && depth < 10; depth++) {
    const ref = node.$ref;
    if (!ref.startsWith('#/'))
      throw new Error(`Failed to load spec: only local $refs are supported, got ${ref}.`);
    let target: unknown = document;
    for (const part of ref.slice(2).split('/'))
      target = asRecord(target)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`Failed to load spec: $ref ${ref} points at nothing.`);
    node = asRecord(target);
  }
  return node;
}

function contentOf(content: unknown): Record<string, Schema | undefined> {
  const out: Record<string, Schema | undefined> = {};
  for (const [type, media] of Object.entries(asRecord(content))) {
    const schema = asRecord(media).schema;
    out[type] = schema === undefined ? undefined : asRecord(schema);
  }
  return out;
}

function parameterOf(document: Record<string, unknown>, raw: unknown): SpecParameter {
  const p = resolveRef(document, raw);
  const param: SpecParameter = {
    name: String(p.name),
    in: p.in as SpecParameter['in'],
    required: p.required === true || p.in === 'path',
    schema: asRecord(p.schema),
    aliases: Array.isArray(p['x-aliases']) ? p['x-aliases'].map(String) : [],
  };
  if (typeof p.style === 'string') param.style = p.style;
  if (typeof p.explode === 'boolean') param.explode = p.explode;
  return param;
}

/** Parses a spec document and lists its operations. */
export function operationsOf(document: Record<string, unknown>): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(asRecord(document.paths))) {
    const item = asRecord(rawItem);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const rawOp = asRecord(op);
      const own = Array.isArray(rawOp.parameters) ? rawOp.parameters : [];
      const parameters = new Map<string, SpecParameter>();
      for (const raw of [...shared, ...own]) {
        const param = parameterOf(document, raw);
        parameters.set(`${param.in}:${param.name}`, param);
      }
      const body = rawOp.requestBody === undefined ? undefined : resolveRef(document, rawOp.requestBody);
      operations.push({
        operationId: String(rawOp.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        parameters: [...parameters.values()],
        requestBody: body && {
          required: body.required === true,
          contentTypes: contentOf(body.content),
        },
        responses: Object.entries(asRecord(rawOp.responses)).map(([status, response]) => {
          const resolved = resolveRef(document, response);
          return {
            status,
            contentTypes: contentOf(resolved.content),
            headers: Object.keys(asRecord(resolved.headers)),
          };
        }),
        raw: rawOp,
      });
    }
  }
  return operations;
}

/** An API's spec: by name, `specs/<name>.yaml` in the package; an API module may name another file. */
export type SpecSource = string | { name: string; specFile?: string | undefined };

const loaded = new Map<string, LoadedSpec>();

/** Reads an API's spec once per process (specs do not change while it runs). */
export function loadSpec(source: SpecSource): LoadedSpec {
  const api = typeof source === 'string' ? source : source.name;
  const file = (typeof source === 'string' ? undefined : source.specFile) ?? specFile(api);
  let spec = loaded.get(file);
  if (!spec) {
    spec = readSpec(api, file);
    loaded.set(file, spec);
  }
  return spec;
}

/**
 * Whether loading an API's spec cannot fail: the build parsed this very text (its artifact is
 * fresh), or it is loaded already. A spec of which that is not sure is loaded at start, so that
 * its problem stops the start; the others may be loaded on first use.
 */
export function specLoadsSafely(source: SpecSource): boolean {
  const api = typeof source === 'string' ? source : source.name;
  const file = (typeof source === 'string' ? undefined : source.specFile) ?? specFile(api);
  if (loaded.has(file)) return true;
  if (file !== specFile(api)) return false;
  return jsonArtifactIsFresh(specArtifactName(api), readFileSync(file, 'utf8'));
}

/** The name of a spec's parsed document among the build's artifacts. */
export function specArtifactName(api: string): string {
  return `specs/${api}.json`;
}

/** Parses a spec's YAML text (what the build does once; a boot reads the build's JSON instead). */
export function parseSpecText(text: string): Record<string, unknown> {
  return asRecord(yaml().parse(text));
}

/** Where an API's spec is in the package. */
export function specFile(api: string): string {
  return packagePath('specs', `${api}.yaml`);
}

/** A loaded spec from its text and its parsed document. */
export function specOf(
  api: string,
  text: string,
  document: Record<string, unknown>,
  file = specFile(api),
): LoadedSpec {
  return {
    api,
    file,
    text,
    document,
    operations: operationsOf(document),
    sha256: sha256(text),
  };
}

function readSpec(api: string, file: string): LoadedSpec {
  const text = readFileSync(file, 'utf8');
  // Parsing the YAML of five specs was most of a cold start; the build's JSON of the same text is not.
  const document =
    readJsonArtifact<Record<string, unknown>>(specArtifactName(api), text) ?? parseSpecText(text);
  return specOf(api, text, document, file);
}
