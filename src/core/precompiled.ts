/**
 * Build-time artifacts (`dist/precompiled/`, written by `npm run build`): each spec parsed to JSON
 * and ajv standalone validators. Each records the SHA-256 of its source; one that does not match
 * the source read now (an edited spec, an older build) is ignored and the caller compiles instead.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from './paths.js';

/** Raised when the artifacts' shape or compiler settings change: artifacts of another version are ignored. */
export const PRECOMPILED_VERSION = 1;

/** Where the artifacts are written and read. */
export const PRECOMPILED_DIR = packagePath('dist', 'precompiled');

/** What every artifact records about its source. */
export interface ArtifactStamp {
  version: number;
  sha256: string;
}

/** The hex SHA-256 of a source text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The stamp an artifact of a source text must carry. */
export function stampOf(source: string): ArtifactStamp {
  return { version: PRECOMPILED_VERSION, sha256: sha256(source) };
}

function fresh(stamp: Partial<ArtifactStamp> | undefined, expected: ArtifactStamp): boolean {
  return stamp?.version === expected.version && stamp.sha256 === expected.sha256;
}

/** The text of a JSON artifact of a value made from a source. */
export function jsonArtifact(source: string, value: unknown): string {
  return JSON.stringify({ stamp: stampOf(source), value });
}

/** A JSON artifact `{ stamp, value }`, if it exists and was made from this source. */
export function readJsonArtifact<T>(name: string, source: string): T | undefined {
  const file = `${PRECOMPILED_DIR}/${name}`;
  if (!existsSync(file)) return undefined;
  const artifact = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: ArtifactStamp; value?: T };
  return fresh(artifact.stamp, stampOf(source)) ? artifact.value : undefined;
}

/**
 * Whether a JSON artifact exists and was made from this source, read from its stamp alone (the
 * value is not parsed): what a start checks of an artifact it reads later, on first use.
 */
export function jsonArtifactIsFresh(name: string, source: string): boolean {
  const file = `${PRECOMPILED_DIR}/${name}`;
  if (!existsSync(file)) return false;
  // jsonArtifact writes the stamp first: {"stamp":{...},"value":...}; its first bytes hold it.
  const head = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const stamp = /^\{"stamp":(\{[^{}]*\})/.exec(head.toString('utf8', 0, length));
  return stamp !== null && fresh(JSON.parse(stamp[1] as string) as ArtifactStamp, stampOf(source));
}

const require = createRequire(import.meta.url);

/** A CommonJS artifact (generated code) exporting `stamp`, if it exists and was made from this source. */
export function requireArtifact<T>(name: string, source: string): T | undefined {
  const file = `${PRECOMPILED_DIR}/${name}`;
  if (!existsSync(file)) return undefined;
  const artifact = require(file) as T & { stamp?: ArtifactStamp };
  return fresh(artifact.stamp, stampOf(source)) ? artifact : undefined;
}

/** The CommonJS line that stamps generated code with its source. */
export function stampExport(source: string): string {
  return `\nexports.stamp = ${JSON.stringify(stampOf(source))};\n`;
}
