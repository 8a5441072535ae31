/** What can be wrong in a scenario file, as one sentence naming the file, line, field and what is accepted. */
import { isAbsolute, relative } from 'node:path';
import { showJson } from '../core/show-value.js';

/** A path into a scenario document: mapping keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/** One thing wrong with a scenario file: where, and the sentence that follows the field's name. */
export interface Problem {
  path: FieldPath;
  /** E.g. `is "150%". Expected a share from 0 to 1…` (the field's label comes first). */
  sentence: string;
  /** Point at the key instead of the value (unknown fields). */
  atKey?: boolean;
}

/** A line and a column, both from 1. */
export interface Position {
  line: number;
  col: number;
}

/** `rules[0].match.api`: how a field is named in messages. */
export function fieldLabel(path: FieldPath): string {
  if (path.length === 0) return 'the file';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** A field holds a value that is not accepted. */
export function badValue(path: FieldPath, value: unknown, accepted: string): Problem {
  return { path, sentence: `is ${showJson(value)}. Expected ${accepted}.` };
}

/** A field the schema does not know. */
export function unknownField(path: FieldPath, known: readonly string[]): Problem {
  const expected = known.length > 0 ? `one of ${known.join(', ')}` : 'no field here';
  return { path, sentence: `is not a known field. Expected ${expected}.`, atKey: true };
}

/** A required field that is absent. */
export function missingField(path: FieldPath, accepted: string): Problem {
  return { path, sentence: `is missing. Expected ${accepted}.` };
}

/** Thrown when a scenario file cannot be used; the CLI prints the message and exits 2. */
export class ScenarioFileError extends Error {
  override name = 'ScenarioFileError';

  constructor(
    readonly file: string,
    readonly position: Position,
    readonly problem: Problem,
  ) {
    super(
      `Invalid scenario file ${displayPath(file)}:${position.line}:${position.col}: ${fieldLabel(problem.path)} ${problem.sentence}`,
    );
  }
}

/** A file path as messages show it: relative to the working directory when it lies below it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
