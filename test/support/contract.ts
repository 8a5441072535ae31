/**
 * Validates responses against the specs twice: with our ajv compiler, and independently with
 * @stoplight/prism-http's validator. Every HTTP test sends its requests through `send()`.
 */
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js';
import type { ValidateFunction } from 'ajv';
import type { Response, Test } from 'supertest';
import { expect } from 'vitest';
import type { ApiModule } from '../../src/core/api.js';
import { SchemaCompiler } from '../../src/core/schema-compiler.js';
import { type LoadedSpec, loadSpec, resolveRef } from '../../src/core/spec.js';
import { RouteMatcher } from '../../src/server/pipeline/route-matcher.js';
import { API_MODULES } from '../../src/server/registry.js';

type IHttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

interface SpecTools {
  spec: LoadedSpec;
  compiler: SchemaCompiler;
  matcher: RouteMatcher;
  prism: Promise<IHttpOperation[]>;
  validators: Map<string, ValidateFunction>;
}

const tools = new Map<string, SpecTools>();

/** Where a response is checked: which API, and whether it is served at `/` (single-API mode). */
export interface CheckOptions {
  /** The API served at `/`: its name (single-API mode). */
  rootApi?: string;
  /** An API the registry does not hold (a test's own): its spec is used for URLs under its prefix. */
  api?: ApiModule;
}

/** Inlines every local $ref (Prism validates bodies reliably only against a dereferenced document). */
function dereference(node: unknown, document: Record<string, unknown>, depth = 0): unknown {
  if (depth > 40) return node;
  if (Array.isArray(node)) return node.map((n) => dereference(n, document, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') return dereference(resolveRef(document, record), document, depth + 1);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, dereference(v, document, depth + 1)]));
}

function toolsFor(api: ApiModule): SpecTools {
  let t = tools.get(api.name);
  if (!t || t.spec !== loadSpec(api)) {
    const spec = loadSpec(api);
    t = {
      spec,
      compiler: new SchemaCompiler(spec),
      matcher: new RouteMatcher(spec.operations),
      prism: getHttpOperationsFromSpec(dereference(spec.document, spec.document) as object),
      validators: new Map(),
    };
    tools.set(api.name, t);
  }
  return t;
}

function mediaType(res: Response): string {
  return (
    String(res.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim() ?? ''
  );
}

function bodyOf(res: Response): unknown {
  const type = mediaType(res);
  if (type === 'application/json') return res.body;
  return res.text ?? '';
}

/**
 * Asserts a response matches its operation's documented response, by ajv and by Prism. The API is
 * the URL's first segment, unless `rootApi` names the API served at `/` (single-API mode).
 */
export async function expectMatchesSpec(
  method: string,
  url: string,
  res: Response,
  { rootApi, api: own }: CheckOptions = {},
): Promise<void> {
  // Not new URL(): it would resolve '..' segments that the server receives as they are.
  const pathname = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? '';
  const [, first, ...rest] = pathname.split('/');
  const name = rootApi ?? first;
  const path = rootApi ? pathname : `/${rest.join('/')}`;
  const api = own?.name === name ? own : API_MODULES.find((m) => m.name === name);
  if (!api) return;
  const t = toolsFor(api);
  const found = t.matcher.match(method.toUpperCase(), path);
  if (found.kind !== 'found') return; // 404/405 outside any operation: checked by their own tests
  const { operation } = found;
  const documented =
    operation.responses.find((r) => r.status === String(res.status)) ??
    operation.responses.find((r) => r.status === 'default');
  expect(
    documented,
    `${operation.operationId} answered ${res.status}, which its spec does not document`,
  ).toBeDefined();
  const type = mediaType(res);
  const contentTypes = documented?.contentTypes ?? {};
  if (Object.keys(contentTypes).length > 0 && res.status !== 204) {
    expect(Object.keys(contentTypes), `${operation.operationId} ${res.status} sent ${type}`).toContain(type);
    const schema = contentTypes[type];
    if (schema) {
      const key = `${operation.operationId} ${res.status} ${type}`;
      let validate = t.validators.get(key);
      if (!validate) {
        validate = t.compiler.compile(schema);
        t.validators.set(key, validate);
      }
      const ok = validate(bodyOf(res));
      expect(ok, `${key}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  }
  const prismOps = await t.prism;
  const prismOp = prismOps.find((o) => o.iid === operation.operationId);
  expect(prismOp, `Prism found no operation ${operation.operationId}`).toBeDefined();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  const result = validateOutput({
    resource: prismOp as IHttpOperation,
    element: { statusCode: res.status, headers, body: bodyOf(res) },
  });
  if (result._tag === 'Left') {
    const errors = result.left.filter((d: { severity: number }) => d.severity === 0);
    expect(errors, `Prism: ${operation.operationId} ${res.status}`).toEqual([]);
  }
}

/** Sends a supertest request and checks its response against the spec before handing it back. */
export async function send(test: Test, options: CheckOptions = {}): Promise<Response> {
  const res = await test;
  const req = test as unknown as { method: string; url: string };
  await expectMatchesSpec(req.method, req.url, res, options);
  return res;
}
