/**
 * Provenance of a spec's elements (docs/spec-conventions.md, "Provenance"): which elements carry
 * it, how an element's source is resolved, what makes it wrong, and where a source can be opened.
 * Pure: the test and /docs both read specs through this one reading.
 */

/** The levels, strongest evidence first. */
export const LEVELS = ['doc', 'vendor-spec', 'client', 'inferred'] as const;
export type Level = (typeof LEVELS)[number];

export type ElementKind = 'operation' | 'parameter' | 'response' | 'security scheme' | 'schema' | 'property';

/** One element of a spec and what it says about where it comes from. */
export interface ProvenanceElement {
  /** Where in the spec, for a message a person can follow (`GET /v1/x`, `schemas.Serie.values`). */
  where: string;
  kind: ElementKind;
  /** The spec node itself: /docs decorates a copy of it. */
  node: Record<string, unknown>;
  /** `x-source` as written (may be missing or unknown: that is a problem, not an exception). */
  level: unknown;
  /** The element's sources: its own `x-source-ref`, else the spec's default for its level. */
  refs: string[];
  note: string | undefined;
}

type Node = Record<string, unknown>;

function record(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

const isRef = (node: Node): boolean => typeof node.$ref === 'string';

function refList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The defaults of `info.x-source-refs`, by level. */
function defaults(document: Node): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [level, value] of Object.entries(record(record(document.info)?.['x-source-refs']) ?? {}))
    out[level] = refList(value);
  return out;
}

/** Every element of a spec, in document order, with its resolved sources. */
export function provenanceElements(document: Node): ProvenanceElement[] {
  const fallback = defaults(document);
  const out: ProvenanceElement[] = [];
  const add = (where: string, kind: ElementKind, node: Node): void => {
    const level = node['x-source'];
    const own = refList(node['x-source-ref']);
    out.push({
      where,
      kind,
      node,
      level,
      refs: own.length > 0 ? own : (fallback[String(level)] ?? []),
      note: typeof node['x-source-note'] === 'string' ? node['x-source-note'] : undefined,
    });
  };
  // Properties at any depth: nested objects, array items, combinators, object-valued maps.
  const properties = (where: string, schema: Node | undefined): void => {
    if (!schema || isRef(schema)) return;
    for (const [name, value] of Object.entries(record(schema.properties) ?? {})) {
      const property = record(value);
      if (!property || isRef(property)) continue;
      add(`${where}.${name}`, 'property', property);
      properties(`${where}.${name}`, property);
    }
    properties(`${where}[]`, record(schema.items));
    for (const key of ['oneOf', 'anyOf', 'allOf'])
      for (const [i, branch] of (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []).entries())
        properties(`${where}.${key}[${i}]`, record(branch));
    properties(`${where}{}`, record(schema.additionalProperties));
  };
  const parameters = (where: string, list: unknown): void => {
    for (const raw of Array.isArray(list) ? list : []) {
      const p = record(raw);
      if (p && !isRef(p)) add(`${where} parameter ${String(p.in)}:${String(p.name)}`, 'parameter', p);
    }
  };
  for (const [path, rawItem] of Object.entries(record(document.paths) ?? {})) {
    const item = record(rawItem) ?? {};
    parameters(path, item.parameters);
    for (const method of METHODS) {
      const op = record(item[method]);
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      add(where, 'operation', op);
      parameters(where, op.parameters);
      for (const [status, rawResponse] of Object.entries(record(op.responses) ?? {})) {
        const response = record(rawResponse);
        if (!response || isRef(response)) continue;
        add(`${where} → ${status}`, 'response', response);
        for (const [type, media] of Object.entries(record(response.content) ?? {}))
          properties(`${where} → ${status} ${type}`, record(record(media)?.schema));
      }
    }
  }
  const components = record(document.components) ?? {};
  for (const [name, p] of Object.entries(record(components.parameters) ?? {}))
    if (record(p)) add(`parameters.${name}`, 'parameter', p as Node);
  for (const [name, r] of Object.entries(record(components.responses) ?? {})) {
    const response = record(r);
    if (!response) continue;
    add(`responses.${name}`, 'response', response);
    for (const [type, media] of Object.entries(record(response.content) ?? {}))
      properties(`responses.${name} ${type}`, record(record(media)?.schema));
  }
  for (const [name, s] of Object.entries(record(components.securitySchemes) ?? {}))
    if (record(s)) add(`securitySchemes.${name}`, 'security scheme', s as Node);
  for (const [name, s] of Object.entries(record(components.schemas) ?? {})) {
    const schema = record(s);
    if (!schema || isRef(schema)) continue;
    add(`schemas.${name}`, 'schema', schema);
    properties(`schemas.${name}`, schema);
  }
  return out;
}

const URL_REF = /^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/;
/** `owner/repo@<40-hex commit>:path[#Lx[-Ly]]`. */
const REPO_REF = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)@([0-9a-f]{40}):([^\s#]+)(#L\d+(-L\d+)?)?$/;

/** Whether a source is public: a URL, or a repository file at a commit. */
export function isPublicSource(ref: string): boolean {
  return URL_REF.test(ref) || REPO_REF.test(ref);
}

/** Where a person opens a source: the URL itself, or the file on GitHub at that commit. */
export function sourceHref(ref: string): string | undefined {
  if (URL_REF.test(ref)) return ref;
  const m = REPO_REF.exec(ref);
  return m ? `https://github.com/${m[1]}/${m[2]}/blob/${m[3]}/${m[4]}${m[5] ?? ''}` : undefined;
}

/** A path of this repository: relative, never climbing out of it. */
function isRepoPath(ref: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('/') && !ref.split('/').includes('..');
}

/**
 * Everything wrong with a spec's provenance, one line each (empty when it is right).
 * `inRepo(path)` says whether a path of this repository exists: an inferred element may cite one.
 */
export function provenanceProblems(document: Node, inRepo: (path: string) => boolean): string[] {
  const problems: string[] = [];
  const info = record(document.info) ?? {};
  const vendorDoc = info['x-vendor-doc'];
  if (typeof vendorDoc !== 'string' || !isPublicSource(vendorDoc))
    problems.push(
      `info.x-vendor-doc is ${JSON.stringify(vendorDoc)}: give the vendor's public documentation, a URL or owner/repo@commit:path`,
    );
  for (const [level, refs] of Object.entries(defaults(document))) {
    if (!(LEVELS as readonly string[]).includes(level))
      problems.push(`info.x-source-refs has level '${level}'; levels are ${LEVELS.join(', ')}`);
    if (refs.length === 0) problems.push(`info.x-source-refs.${level} names no source`);
    for (const ref of refs)
      if (!isPublicSource(ref))
        problems.push(`info.x-source-refs.${level} is '${ref}', not a URL or owner/repo@commit:path`);
  }
  for (const el of provenanceElements(document)) {
    const at = `${el.where} (${el.kind})`;
    if (typeof el.level !== 'string' || !(LEVELS as readonly string[]).includes(el.level)) {
      problems.push(`${at}: x-source is ${JSON.stringify(el.level)}; levels are ${LEVELS.join(', ')}`);
      continue;
    }
    if (el.level === 'inferred') {
      if (!el.note?.trim()) problems.push(`${at}: inferred without an x-source-note saying why`);
    } else if (el.refs.length === 0) {
      problems.push(`${at}: ${el.level} without a source (x-source-ref, or info.x-source-refs.${el.level})`);
    }
    for (const ref of el.refs) {
      if (isPublicSource(ref)) continue;
      if (el.level === 'inferred' && isRepoPath(ref) && inRepo(ref)) continue;
      problems.push(
        el.level === 'inferred' && isRepoPath(ref)
          ? `${at}: source '${ref}' is not a file of this repository`
          : `${at}: source '${ref}' is not public: cite a URL or owner/repo@<commit>:path, never a local file`,
      );
    }
  }
  return problems;
}
