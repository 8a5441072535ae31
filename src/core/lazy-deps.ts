/**
 * ajv and yaml, loaded on first use: a boot served by the build's precompiled specs, scenarios and
 * validators never pays for importing them.
 */
import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/** The yaml package (scenario files, and specs the build did not precompile). */
export function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/** An ajv instance for JSON Schema draft-07 (the scenario schema, knob schemas). */
export function newAjv(options: Options): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass(options);
}

/** An ajv instance for JSON Schema 2020-12 with ajv-formats (the specs' schemas). */
export function newAjv2020(options: Options): Ajv2020 {
  const { Ajv2020: Ajv2020Class } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  return addFormats(new Ajv2020Class(options));
}

/**
 * CommonJS source of standalone validators for schemas already added to `ajv` (created with
 * `code: { source: true }`): `exports[name]` validates the schema whose `$id` is `refs[name]`.
 */
export function standaloneCode(ajv: Ajv | Ajv2020, refs: Record<string, string>): string {
  const generate = require('ajv/dist/standalone/index.js').default as (
    ajv: Ajv | Ajv2020,
    refs: Record<string, string>,
  ) => string;
  return generate(ajv, refs);
}
