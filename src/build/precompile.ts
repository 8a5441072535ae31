/**
 * Run by `npm run build` after tsc: writes `dist/precompiled/` — every spec and built-in scenario
 * parsed (and checked) to JSON, and ajv standalone validators of the specs' parameters and bodies
 * and of the scenario schema — so that a boot neither parses YAML nor compiles schemas. Each
 * artifact is stamped with its source's hash.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsonArtifact, PRECOMPILED_DIR } from '../core/precompiled.js';
import { operationSchemas } from '../core/request-validator.js';
import { precompileValidators, validatorsArtifactName } from '../core/schema-compiler.js';
import { parseSpecText, specArtifactName, specFile, specOf } from '../core/spec.js';
import { apiFacts } from '../scenarios/api-facts.js';
import {
  BUILT_IN_DIR,
  builtInSource,
  checkScenarioFile,
  scenarioArtifactName,
} from '../scenarios/load-scenarios.js';
import { precompileScenarioSchema, SCHEMA_ARTIFACT } from '../scenarios/schema.js';
import { API_MODULES, API_NAMES } from '../server/registry.js';

function write(name: string, text: string): void {
  const file = `${PRECOMPILED_DIR}/${name}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

for (const api of API_NAMES) {
  const text = readFileSync(specFile(api), 'utf8');
  const spec = specOf(api, text, parseSpecText(text));
  write(specArtifactName(api), jsonArtifact(text, spec.document));
  write(validatorsArtifactName(api), precompileValidators(spec, spec.operations.flatMap(operationSchemas)));
}
write(SCHEMA_ARTIFACT, precompileScenarioSchema());
const facts = apiFacts(API_MODULES);
// Every built-in is checked from its YAML, schema included: an artifact of an earlier build would be
// trusted to fit the schema (load-scenarios.ts).
rmSync(`${PRECOMPILED_DIR}/${dirname(scenarioArtifactName('any'))}`, { recursive: true, force: true });
for (const name of readdirSync(BUILT_IN_DIR).filter((f) => /\.ya?ml$/i.test(f))) {
  const file = `${BUILT_IN_DIR}/${name}`;
  const { text, raw } = checkScenarioFile(file, facts);
  write(scenarioArtifactName(file), jsonArtifact(builtInSource(text), raw));
}
