/**
 * The independent check: every Chatlayer answer the tests receive is held against the vendor's own
 * OpenAPI (Sinch's, kept verbatim in ./vendor/ as a fixture), with ajv and with Prism, besides our
 * spec (support/contract.ts). The vendor documents only its 200 bodies, so those are checked; and
 * since its object schemas leave extra fields open, ajv also runs on a copy that closes them, so a
 * field the vendor does not name fails the test.
 */
import { readFileSync } from 'node:fs';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { yaml } from '../../../src/core/lazy-deps.js';
import { operationsOf, resolveRef } from '../../../src/core/spec.js';
import { RouteMatcher } from '../../../src/server/pipeline/route-matcher.js';

/** Where the fixture came from (its header says the same). */
export const VENDOR_SOURCE =
  'api-evangelist/sinch@cc26b0a7f919ac07155af020259d7804f65e2bf7:openapi/_original/sinch-chatlayer-analytics-api-openapi.yaml';

const FIXTURE = new URL('./vendor/sinch-chatlayer-analytics-api-openapi.yaml', import.meta.url);

type Json = Record<string, unknown>;

/** The vendor's document. */
export const vendorDocument = yaml().parse(readFileSync(FIXTURE, 'utf8')) as Json;
/** The vendor's operations (31). */
export const vendorOperations = operationsOf(vendorDocument);
const matcher = new RouteMatcher(vendorOperations);

/** Every $ref inlined; with `closed`, objects with properties and no additionalProperties get `false`. */
function inline(node: unknown, closed: boolean, depth = 0): unknown {
  if (depth > 40) return node;
  if (Array.isArray(node)) return node.map((n) => inline(n, closed, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Json;
  if (typeof record.$ref === 'string') return inline(resolveRef(vendorDocument, record), closed, depth + 1);
  const out = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inline(v, closed, depth + 1)]));
  if (closed && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: false });
(addFormats as unknown as (a: Ajv) => Ajv)(ajv);
const validators = new Map<string, { open: ValidateFunction; closed: ValidateFunction }>();
const prism = getHttpOperationsFromSpec(inline(vendorDocument, false) as object);

function validatorsFor(operationId: string, schema: Json) {
  let v = validators.get(operationId);
  if (!v) {
    v = {
      open: ajv.compile(inline(schema, false) as Json),
      closed: ajv.compile(inline(schema, true) as Json),
    };
    validators.set(operationId, v);
  }
  return v;
}

/** Asserts a 200 answer (path after the `/chatlayer` prefix) matches the vendor's own schema. */
export async function expectMatchesVendor(method: string, path: string, res: Response): Promise<void> {
  const found = matcher.match(method.toUpperCase(), path.split('?')[0] ?? '');
  expect(found.kind, `${method} ${path} is not an operation of the vendor's spec`).toBe('found');
  if (found.kind !== 'found' || res.status !== 200) return;
  const { operation } = found;
  const schema = operation.responses.find((r) => r.status === '200')?.contentTypes['application/json'];
  expect(schema, `${operation.operationId}: the vendor documents no 200 body`).toBeDefined();
  const v = validatorsFor(operation.operationId, schema as Json);
  expect(
    v.open(res.body),
    `vendor ${operation.operationId}: ${JSON.stringify(v.open.errors?.slice(0, 3))}`,
  ).toBe(true);
  expect(
    v.closed(res.body),
    `vendor ${operation.operationId}, a field the vendor does not name: ${JSON.stringify(v.closed.errors?.slice(0, 3))}`,
  ).toBe(true);
  const prismOp = (await prism).find((o) => o.iid === operation.operationId);
  expect(prismOp, `Prism found no vendor operation ${operation.operationId}`).toBeDefined();
  const headers: Record<string, string> = {};
  for (const [k, value] of Object.entries(res.headers))
    headers[k] = Array.isArray(value) ? value.join(', ') : String(value);
  const result = validateOutput({
    resource: prismOp as NonNullable<typeof prismOp>,
    element: { statusCode: res.status, headers, body: res.body },
  });
  if (result._tag === 'Left') {
    const errors = result.left.filter((d: { severity: number }) => d.severity === 0);
    expect(errors, `Prism (vendor spec): ${operation.operationId}`).toEqual([]);
  }
}
