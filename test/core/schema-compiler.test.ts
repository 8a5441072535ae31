/** The specs' schemas are checked against the JSON Schema meta-schema here, once, instead of at every boot. */
import { readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { loadSpec, type Schema } from '../../src/core/spec.js';

const APIS = readdirSync(packagePath('specs'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

function schemasOf(api: string): [string, Schema][] {
  const spec = loadSpec(api);
  const components = (spec.document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas;
  const out: [string, Schema][] = Object.entries(components ?? {}).map(([name, s]) => [
    `#/components/schemas/${name}`,
    s,
  ]);
  for (const op of spec.operations) {
    for (const p of op.parameters) out.push([`${op.operationId} ${p.in} ${p.name}`, p.schema]);
    for (const [type, s] of Object.entries(op.requestBody?.contentTypes ?? {}))
      if (s) out.push([`${op.operationId} body ${type}`, s]);
  }
  return out;
}

describe.each(APIS)('schemas of spec %s', (api) => {
  it('are valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    const invalid = schemasOf(api).flatMap(([where, schema]) =>
      ajv.validateSchema(schema) ? [] : [`${where}: ${ajv.errorsText(ajv.errors)}`],
    );
    expect(invalid).toEqual([]);
  });
});
