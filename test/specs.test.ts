/** Every spec compiles and is served under its prefix (provenance: test/provenance.test.ts). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/core/paths.js';
import { OperationValidator } from '../src/core/request-validator.js';
import { SchemaCompiler } from '../src/core/schema-compiler.js';
import { loadSpec } from '../src/core/spec.js';

const APIS = readdirSync(packagePath('specs'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

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
});
