/**
 * The build's precompiled artifacts (dist/precompiled/) say exactly what the sources say: the JSON
 * of each spec and built-in scenario equals its YAML, and each standalone validator gives the same
 * verdict and the same first error as ajv compiling the schema now. A stale artifact is ignored.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PRECOMPILED_DIR, readJsonArtifact, requireArtifact } from '../../src/core/precompiled.js';
import { operationSchemas } from '../../src/core/request-validator.js';
import { SchemaCompiler, validatorsArtifactName } from '../../src/core/schema-compiler.js';
import { loadSpec, parseSpecText, specArtifactName } from '../../src/core/spec.js';
import { apiFacts } from '../../src/scenarios/api-facts.js';
import {
  BUILT_IN_DIR,
  builtInSource,
  checkScenarioFile,
  loadScenarioFile,
  scenarioArtifactName,
} from '../../src/scenarios/load-scenarios.js';
import { SCHEMA_ARTIFACT, SCHEMA_FILE, schemaProblems } from '../../src/scenarios/schema.js';
import { API_MODULES, API_NAMES } from '../../src/server/registry.js';

const FACTS = apiFacts(API_MODULES);
const BUILT_INS = readdirSync(BUILT_IN_DIR).filter((f) => f.endsWith('.yaml'));

/** Values every kind of parameter meets: good ones, near misses and the wrong type. */
const SAMPLES: unknown[] = [
  '',
  'x',
  'All',
  '2025-03-01',
  '2025-03-01T00:00:00Z',
  '2025-02-30',
  'LIVE',
  '1h',
  'a'.repeat(300),
  0,
  1,
  -1,
  7,
  30,
  366,
  1e12,
  1.5,
  true,
  false,
  null,
  [],
  ['web'],
  [1, 2],
  {},
  { grant_type: 'client_credentials', client_id: 'me', client_secret: 's3cret' },
  { type: 'engagement', start_date: '2025-01-01', end_date: '2025-01-31', format: 'pdf' },
];

/** A validator's verdict and first error on a value, for comparing two validators. */
function verdict(validate: ValidateFunction, value: unknown): unknown {
  const ok = validate(value);
  const first = validate.errors?.[0];
  return ok ? 'valid' : { keyword: first?.keyword, params: first?.params, path: first?.instancePath };
}

it('the build wrote its artifacts (npm run build)', () => {
  expect(existsSync(PRECOMPILED_DIR), 'run `npm run build` first').toBe(true);
});

describe.each(API_NAMES)('the precompiled spec %s', (api) => {
  const spec = loadSpec(api);

  it('is the JSON of the YAML spec, and the boot uses it', () => {
    expect(readJsonArtifact(specArtifactName(api), spec.text)).toEqual(parseSpecText(spec.text));
    expect(spec.document).toEqual(parseSpecText(spec.text));
  });

  it('has a validator for every parameter and body, judging as ajv does', () => {
    const artifact = requireArtifact<{ validators: Record<string, ValidateFunction> }>(
      validatorsArtifactName(api),
      spec.text,
    );
    const compiler = new SchemaCompiler(spec);
    const schemas = spec.operations.flatMap(operationSchemas);
    expect(Object.keys(artifact?.validators ?? {}).sort()).toEqual(schemas.map((s) => s.key).sort());
    for (const { key, schema } of schemas) {
      const precompiled = artifact?.validators[key] as ValidateFunction;
      const compiled = compiler.compile(schema);
      const values = [...SAMPLES, schema.default, ...((schema.enum as unknown[] | undefined) ?? [])];
      for (const value of values)
        expect(verdict(precompiled, value), `${key}: ${JSON.stringify(value)}`).toEqual(
          verdict(compiled, value),
        );
    }
  });
});

describe('the precompiled scenario files and schema', () => {
  it.each(BUILT_INS)('%s is the checked YAML, and loads as the YAML does', (name) => {
    const file = `${BUILT_IN_DIR}/${name}`;
    const text = readFileSync(file, 'utf8');
    const copy = join(mkdtempSync(join(tmpdir(), 'built-in-')), name);
    copyFileSync(file, copy);
    // Outside the built-in folder the file is parsed from YAML.
    const fromYaml = checkScenarioFile(copy, FACTS);
    expect(readJsonArtifact(scenarioArtifactName(file), builtInSource(text))).toEqual(fromYaml.raw);
    // Checked against this schema: with another schema's text the artifact is stale.
    expect(readJsonArtifact(scenarioArtifactName(file), builtInSource(text, '{}'))).toBeUndefined();
    expect(readJsonArtifact(scenarioArtifactName(file), text)).toBeUndefined();
    expect({ ...loadScenarioFile(file, FACTS), file: '' }).toEqual({
      ...loadScenarioFile(copy, FACTS),
      file: '',
    });
  });

  it('validates scenario documents as the schema compiled now does', async () => {
    const { newAjv } = await import('../../src/core/lazy-deps.js');
    const ajv = newAjv({ allErrors: true, strict: true, strictTypes: false });
    ajv.addKeyword('x-accepts');
    const compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const schemaText = readFileSync(SCHEMA_FILE, 'utf8');
    const precompiled = requireArtifact<{ validate: ValidateFunction }>(SCHEMA_ARTIFACT, schemaText)
      ?.validate as ValidateFunction;
    const documents: unknown[] = [
      { description: 'x' },
      { description: 'x', knobs: { volume: 2, pageSize: 0 } },
      { description: 'x', rules: [{ match: { api: 'digitalcx' }, fault: 'explode' }] },
      { description: 'x', rules: [{ share: '150%', status: 99 }] },
      { name: 'Bad Name', description: '' },
      { description: 'x', latency: '5-1', extra: true },
      ...BUILT_INS.map((name) =>
        readJsonArtifact(
          scenarioArtifactName(name),
          builtInSource(readFileSync(`${BUILT_IN_DIR}/${name}`, 'utf8')),
        ),
      ),
    ];
    for (const doc of documents) {
      expect(precompiled(doc), JSON.stringify(doc)).toBe(compiled(doc));
      expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(schemaProblems({ description: 'x', rules: [{ fault: 'explode' }] })).not.toEqual([]);
  });
});

it('ignores an artifact made from another text of its source', () => {
  const spec = loadSpec('digitalcx');
  expect(readJsonArtifact(specArtifactName('digitalcx'), `${spec.text}\n# edited`)).toBeUndefined();
  expect(requireArtifact(validatorsArtifactName('digitalcx'), `${spec.text}\n# edited`)).toBeUndefined();
  expect(readJsonArtifact('no/such/artifact.json', spec.text)).toBeUndefined();
});
