/** Provenance: every operation, parameter and schema says where it comes from (DESIGN.md §4). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/core/paths.js';
import { OperationValidator } from '../src/core/request-validator.js';
import { SchemaCompiler } from '../src/core/schema-compiler.js';
import { loadSpec, resolveRef } from '../src/core/spec.js';

const APIS = readdirSync(packagePath('specs'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

function missingProvenance(node: Record<string, unknown>, where: string, out: string[]): void {
  const source = node['x-source'];
  if (!['doc', 'vendor-spec', 'client', 'inferred'].includes(String(source)))
    out.push(`${where}: x-source is ${JSON.stringify(source)}`);
  if (source === 'inferred' && typeof node['x-source-note'] !== 'string' && !where.includes('.properties.')) {
    // Properties may rely on their schema's note; operations, parameters and schemas must say why.
    out.push(`${where}: inferred without x-source-note`);
  }
}

describe.each(APIS)('spec %s', (api) => {
  const spec = loadSpec(api);

  it('compiles: every operation validator and response schema, with ajv in strict mode', () => {
    const compiler = new SchemaCompiler(spec);
    for (const op of spec.operations) {
      expect(() => new OperationValidator(op, compiler), op.operationId).not.toThrow();
      for (const r of op.responses)
        for (const schema of Object.values(r.contentTypes)) if (schema) compiler.compile(schema);
    }
  });

  it('is OpenAPI 3.1 served under its prefix', () => {
    expect(spec.document.openapi).toBe('3.1.0');
    expect((spec.document.servers as { url: string }[])[0]?.url).toBe(`/${api}`);
  });

  it('marks every operation and parameter x-source doc or inferred', () => {
    const problems: string[] = [];
    for (const op of spec.operations) {
      missingProvenance(op.raw, op.operationId, problems);
      for (const raw of (op.raw.parameters as unknown[] | undefined) ?? []) {
        const p = resolveRef(spec.document, raw);
        missingProvenance(p, `${op.operationId} ${String(p.name)}`, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it('marks every component schema and its properties x-source', () => {
    const problems: string[] = [];
    const schemas = ((spec.document.components as Record<string, unknown>)?.schemas ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
    for (const [name, schema] of Object.entries(schemas)) {
      missingProvenance(schema, name, problems);
      for (const [prop, value] of Object.entries(
        (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (typeof value.$ref === 'string') continue;
        missingProvenance(value, `${name}.properties.${prop}`, problems);
      }
    }
    expect(problems).toEqual([]);
  });
});
