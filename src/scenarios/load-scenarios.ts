/** Reads scenario files: YAML, checked against the schema and the APIs, into Scenarios; the first problem stops the load. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../core/lazy-deps.js';
import { packagePath } from '../core/paths.js';
import { readJsonArtifact } from '../core/precompiled.js';
import { isScenarioPath, type Scenario } from '../core/scenario.js';
import { apiProblems } from './api-checks.js';
import type { ApiFacts } from './api-facts.js';
import { scenarioOf } from './normalize.js';
import { missingField, type Position, type Problem, ScenarioFileError } from './problems.js';
import type { RawScenario } from './raw.js';
import { SCHEMA_FILE, schemaProblems } from './schema.js';
import { positionOf } from './yaml-position.js';

/** The folder of built-in scenarios, shipped with the package. */
export const BUILT_IN_DIR = packagePath('scenarios');

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const NAME_ACCEPTS =
  "a name, since the file's own name is not one: lower-case letters, digits, '-' and '_', starting with a letter or digit";

/** Where scenarios come from: the built-ins, an extra folder, and the value of --scenario. */
export interface ScenarioSources {
  /** The scenario in force at start: a name, or the path of a scenario file to load and select. */
  scenario: string;
  /** A folder of extra scenario files. */
  scenarioDir: string | undefined;
}

/** Every scenario from the sources (later ones replace earlier ones of the same name) and the one to start with. */
export interface LoadedScenarios {
  scenarios: Scenario[];
  initial: string;
}

function isPrefix(short: Problem['path'], long: Problem['path']): boolean {
  return short.length < long.length && short.every((part, i) => part === long[i]);
}

/** Throws the first problem in document order; a problem inside another one's field is the more precise. */
function fail(file: string, doc: Document, lines: LineCounter, problems: Problem[]): never {
  const precise = problems.filter((p) => !problems.some((q) => isPrefix(p.path, q.path)));
  const placed = precise.map((problem) => ({
    problem,
    at: positionOf(doc, lines, problem.path, problem.atKey),
  }));
  placed.sort(
    (a, b) => a.at.line - b.at.line || a.at.col - b.at.col || b.problem.path.length - a.problem.path.length,
  );
  const first = placed[0] as { problem: Problem; at: Position };
  throw new ScenarioFileError(file, first.at, first.problem);
}

function fileProblem(file: string, at: Position, sentence: string): ScenarioFileError {
  return new ScenarioFileError(file, at, { path: [], sentence });
}

/** The name of a built-in scenario file's checked value among the build's artifacts. */
export function scenarioArtifactName(file: string): string {
  return `scenarios/${basename(file, extname(file))}.json`;
}

/**
 * What a built-in scenario's artifact is stamped with: its file's text and the schema's, which the
 * build checked it against. An artifact of the same file checked against another schema is stale.
 */
export function builtInSource(text: string, schemaText = currentSchemaText()): string {
  return `${text}\n${schemaText}`;
}

/** The schema's text, read once per loadScenarios (a start checks some twenty built-ins against it). */
let schemaText: string | undefined;
function currentSchemaText(): string {
  schemaText ??= readFileSync(SCHEMA_FILE, 'utf8');
  return schemaText;
}

/** The problems of a document that fits the schema: its name, then what it says of the APIs. */
function problemsBeyondSchema(raw: RawScenario, stem: string, facts: ApiFacts[]): Problem[] {
  if (raw.name === undefined && !NAME.test(stem)) return [missingField(['name'], NAME_ACCEPTS)];
  return apiProblems(raw, facts);
}

/** The problems of a parsed file, in the order they are looked for: schema, name, then the APIs. */
function problemsOf(value: unknown, stem: string, facts: ApiFacts[]): Problem[] {
  const invalid = schemaProblems(value);
  if (invalid.length > 0) return invalid;
  return problemsBeyondSchema(value as RawScenario, stem, facts);
}

/** A scenario file read and checked: its text, its value and the scenario's name. */
export interface CheckedFile {
  text: string;
  raw: RawScenario;
  name: string;
}

/** Reads and checks one scenario file; the first problem throws a ScenarioFileError with its place. */
export function checkScenarioFile(file: string, facts: ApiFacts[]): CheckedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileProblem(
      file,
      { line: 1, col: 1 },
      `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const stem = basename(file, extname(file));
  // A built-in file the build parsed and checked against this schema (its artifact's stamp covers
  // both texts): no YAML to parse and no schema to load (a tenth of a cold start); only the checks
  // that depend on the APIs this process serves run again.
  const built =
    dirname(file) === BUILT_IN_DIR
      ? readJsonArtifact<RawScenario>(scenarioArtifactName(file), builtInSource(text))
      : undefined;
  if (built !== undefined && problemsBeyondSchema(built, stem, facts).length === 0)
    return { text, raw: built, name: built.name ?? stem };
  const { LineCounter: Lines, parseDocument } = yaml();
  const lines = new Lines();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lines.linePos(syntax.pos[0]);
    throw fileProblem(file, at, `is not valid YAML: ${syntax.message.split('\n')[0]}.`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined)
    throw fileProblem(file, { line: 1, col: 1 }, 'is empty. Expected a mapping with at least a description.');
  const problems = problemsOf(value, stem, facts);
  if (problems.length > 0) fail(file, doc, lines, problems);
  const raw = value as RawScenario;
  return { text, raw, name: raw.name ?? stem };
}

/** Loads one scenario file. */
export function loadScenarioFile(file: string, facts: ApiFacts[]): Scenario {
  const { raw, name } = checkScenarioFile(file, facts);
  return scenarioOf(raw, name, file);
}

/** Loads every `*.yaml`/`*.yml` file of a folder, in name order; two files naming the same scenario is a problem. */
export function loadScenarioDir(dir: string, facts: ApiFacts[]): Scenario[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
  const byName = new Map<string, Scenario>();
  for (const file of files) {
    const scenario = loadScenarioFile(file, facts);
    const twin = byName.get(scenario.name);
    if (twin) {
      throw fileProblem(
        file,
        { line: 1, col: 1 },
        `defines scenario '${scenario.name}' again. Expected one file per name; ${basename(twin.file ?? '')} defines it first.`,
      );
    }
    byName.set(scenario.name, scenario);
  }
  return [...byName.values()];
}

/** Loads the built-ins, then the extra folder, then the file --scenario names; later ones win on a name. */
export function loadScenarios(sources: ScenarioSources, facts: ApiFacts[]): LoadedScenarios {
  schemaText = undefined;
  const byName = new Map<string, Scenario>();
  const add = (scenarios: Scenario[]) => {
    for (const s of scenarios) byName.set(s.name, s);
  };
  add(loadScenarioDir(BUILT_IN_DIR, facts));
  if (sources.scenarioDir) add(loadScenarioDir(sources.scenarioDir, facts));
  let initial = sources.scenario;
  if (isScenarioPath(sources.scenario)) {
    const scenario = loadScenarioFile(resolve(sources.scenario), facts);
    add([scenario]);
    initial = scenario.name;
  }
  return { scenarios: [...byName.values()], initial };
}
