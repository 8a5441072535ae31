/**
 * Requests generated from a spec, seeded: mostly well-formed calls of its operations (values from
 * the schemas, enums and examples, in the mock clock's data window), with a share of bad values,
 * missing or magic credentials, control headers and malformed bodies — what a client, or a careless
 * one, sends. Each request says whether a 5xx would be one the mock was asked for.
 */
import { Rng } from '../../src/core/rng.js';
import { type LoadedSpec, resolveRef, type Schema, type SpecOperation } from '../../src/core/spec.js';

/** One generated request, ready to send. */
export interface FuzzRequest {
  operationId: string;
  method: string;
  /** Path and query, under the spec's own paths (the mock serves one API at /). */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** A 5xx is what the request asked for (Prefer: code=5xx, or a scenario that answers 500). */
  asksFor5xx: boolean;
}

/** Bad values a careless client sends. */
const NASTY = [
  '',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '%',
  '%zz',
  '..',
  '😀',
  "'",
  'x'.repeat(300),
];
/** Scenarios a request may pick per request; none of them cuts or stalls the connection. */
const SCENARIOS = [
  'default',
  'empty',
  'high-volume',
  'unauthorized',
  'forbidden',
  'server-error',
  'flaky',
  'rate-limited',
  'request-timeout',
  'gateway-timeout',
  'token-expired',
];
const FIVE_XX_SCENARIOS = new Set(['server-error', 'flaky', 'gateway-timeout']);
/** The mock clock the fuzz runs under, and instants inside its data windows. */
export const FUZZ_NOW = '2025-03-01T12:00:00Z';
const INSTANTS = [
  '2025-02-28T00:00:00Z',
  '2025-02-28T06:00:00Z',
  '2025-02-22T00:00:00Z',
  '2025-03-01T00:00:00Z',
];
const DATES = ['2025-02-01', '2025-02-28', '2025-03-01', '2024-12-20'];

function schemaOf(document: Record<string, unknown>, schema: unknown): Schema {
  return resolveRef(document, schema) as Schema;
}

/** A value for a schema: valid most of the time. */
function valueFor(rng: Rng, document: Record<string, unknown>, raw: unknown, depth = 0): unknown {
  const schema = schemaOf(document, raw);
  if (depth > 6) return null;
  const options = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (options && options.length > 0) return valueFor(rng, document, rng.pick(options), depth + 1);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => {
        const v = valueFor(rng, document, part, depth + 1);
        return typeof v === 'object' && v !== null ? v : {};
      }),
    );
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return rng.pick(schema.enum);
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && rng.chance(0.5))
    return rng.pick(schema.examples);
  if (schema.example !== undefined && rng.chance(0.5)) return schema.example;
  const type = Array.isArray(schema.type) ? rng.pick(schema.type as string[]) : schema.type;
  switch (type) {
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : Math.max(min + 100, 100);
      return rng.int(Math.ceil(min), Math.floor(Math.min(max, min + 1000)));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const n = rng.int(typeof schema.minItems === 'number' ? schema.minItems : 0, 3);
      return Array.from({ length: n }, () => valueFor(rng, document, schema.items ?? {}, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      const required = new Set((schema.required ?? []) as string[]);
      for (const [name, property] of Object.entries(properties))
        if (required.has(name) || rng.chance(0.5)) out[name] = valueFor(rng, document, property, depth + 1);
      return out;
    }
    case 'null':
      return null;
    default: {
      if (schema.format === 'date-time') return rng.pick(INSTANTS);
      if (schema.format === 'date') return rng.pick(DATES);
      if (schema.format === 'uuid') return rng.uuid();
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return rng.hex(Math.max(min, rng.int(1, 12)));
    }
  }
}

/** Parameters that take an instant or a date whatever their schema says (often a plain string). */
const TIME_NAMES = /^(from|to)$|time|date/i;

/** A value as it goes into a URL: valid, or (a tenth of the time) a bad one. */
function paramText(rng: Rng, document: Record<string, unknown>, schema: Schema, name = ''): string {
  if (rng.chance(0.1)) return rng.pick(NASTY);
  const resolved = schemaOf(document, schema);
  if (TIME_NAMES.test(name) && resolved.enum === undefined && resolved.type !== 'integer')
    return /date/i.test(name) && rng.chance(0.5) ? rng.pick(DATES) : rng.pick(INSTANTS);
  const value = valueFor(rng, document, schema);
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Escapes a query value, leaving a deliberate bare '%' in some of the time. */
function encode(rng: Rng, text: string): string {
  return text.startsWith('%') && rng.chance(0.3) ? text : encodeURIComponent(text);
}

/** Credentials as the spec's security scheme takes them: mostly good, sometimes magic or missing. */
function credentials(rng: Rng, document: Record<string, unknown>): Record<string, string> {
  const schemes = ((document.components as Record<string, unknown> | undefined)?.securitySchemes ??
    {}) as Record<string, Schema>;
  const [name, scheme] = rng.pick(Object.entries(schemes));
  const roll = rng.next();
  const secret = roll < 0.8 ? 's3cret' : rng.pick(['viewer', 'forbidden', 'expired', '']);
  if (roll > 0.97) return {};
  if (scheme.type === 'apiKey' && typeof scheme.name === 'string') return { [scheme.name]: secret };
  if (scheme.scheme === 'basic')
    return { Authorization: `Basic ${Buffer.from(`token-id:${secret}`).toString('base64')}` };
  // Logicdialog's bearer is `<prefix>_<key>`; the other bearer tokens take any text.
  const token = name === 'bearerAuth' && scheme.bearerFormat ? `pk_${secret}` : secret;
  return { Authorization: `Bearer ${token}` };
}

/** The mock's control headers, on a few requests; `asksFor5xx` says whether they ask for a 5xx. */
function controls(rng: Rng, op: SpecOperation): { headers: Record<string, string>; asksFor5xx: boolean } {
  const headers: Record<string, string> = {};
  let asksFor5xx = false;
  if (rng.chance(0.05)) headers['X-Mock-Now'] = rng.pick([FUZZ_NOW, '2025-02-15T08:30:00Z', 'bogus', '']);
  if (rng.chance(0.05)) headers['X-Mock-Seed'] = rng.pick(['7', '4294967295', '-1', 'x']);
  if (rng.chance(0.05)) {
    const scenario = rng.pick([...SCENARIOS, 'no-such-scenario']);
    headers['X-Mock-Scenario'] = scenario;
    asksFor5xx ||= FIVE_XX_SCENARIOS.has(scenario);
  }
  if (rng.chance(0.05)) {
    const code = rng.chance(0.8) ? rng.pick(op.responses.map((r) => r.status)) : rng.pick(['abc', '999']);
    headers.Prefer = `code=${code}`;
    asksFor5xx ||= /^5\d\d$/.test(code);
  }
  return { headers, asksFor5xx };
}

/** The body of a POST: the schema's value as JSON or a form, or a malformed one. */
function bodyFor(rng: Rng, document: Record<string, unknown>, op: SpecOperation) {
  if (!op.requestBody) return { body: undefined, type: undefined };
  const types = Object.keys(op.requestBody.contentTypes);
  const type = rng.pick(types.length > 0 ? types : ['application/json']);
  if (rng.chance(0.1)) return { body: rng.pick(['{"a":', 'not json', '', '[]']), type };
  const value = valueFor(rng, document, op.requestBody.contentTypes[type] ?? {});
  if (type === 'application/x-www-form-urlencoded' && typeof value === 'object' && value !== null) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(value)) form.set(k, String(v));
    return { body: form.toString(), type };
  }
  return { body: JSON.stringify(value), type };
}

/** The `index`-th request of a run: a function of (seed, API, index) alone. */
export function generateRequest(spec: LoadedSpec, seed: number, index: number): FuzzRequest {
  const rng = Rng.derive('fuzz-proxy', seed, spec.api, index);
  const document = spec.document as Record<string, unknown>;
  const op = rng.pick(spec.operations);
  const params = op.parameters;
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = params.find((q) => q.in === 'path' && q.name === name);
    // Always escaped: a bare '%' in a path crashes Prism's own router (uri-template-lite's
    // decodeURIComponent), which would test Prism, not the mock (the mock's answer to it is
    // covered by test/fuzz.test.ts and the path decision's tests).
    return encodeURIComponent(p ? paramText(rng, document, p.schema) : rng.hex(6));
  });
  const query: string[] = [];
  for (const p of params) {
    if (p.in !== 'query' || !rng.chance(p.required ? 0.95 : 0.4)) continue;
    query.push(`${encodeURIComponent(p.name)}=${encode(rng, paramText(rng, document, p.schema, p.name))}`);
  }
  if (rng.chance(0.05)) query.push(`${rng.pick(['x', '__proto__', 'constructor'])}=${rng.hex(4)}`);
  const headers: Record<string, string> = { ...credentials(rng, document) };
  for (const p of params)
    if (p.in === 'header' && rng.chance(p.required ? 0.95 : 0.3))
      headers[p.name] = paramText(rng, document, p.schema).replace(/[^\x20-\x7e]/g, '');
  if (rng.chance(0.3)) headers.Accept = rng.pick(['application/json', 'text/csv', '*/*']);
  const control = controls(rng, op);
  Object.assign(headers, control.headers);
  const { body, type } = bodyFor(rng, document, op);
  if (type) headers['Content-Type'] = type;
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    url: `${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    headers,
    body,
    asksFor5xx: control.asksFor5xx,
  };
}
