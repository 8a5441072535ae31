import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cacheFile,
  codeFromCacheFile,
  compileBundle,
  wrapBundle,
} from '../../../src/server/cli/code-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle as bundle-cli.ts writes one: a CommonJS-shaped script using require and __bundleUrl. */
const BUNDLE_TEXT = wrapBundle(`"use strict";
const { basename } = require('node:path');
function sum(n) { let s = 0; for (let i = 1; i <= n; i++) s += i; return s; }
module.exports = { file: basename(__filename), url: __bundleUrl, dir: __dirname, sum: sum(100) };
`);

function writeBundle(name: string, text = BUNDLE_TEXT): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A cache file for the bundle at `path`, made as the build makes it: after the bundle ran. */
function makeCache(path: string): Buffer {
  const compiled = compileBundle(path);
  compiled.run();
  return cacheFile(readFileSync(path), compiled.script.createCachedData());
}

const EXPECTED = (path: string) => ({
  file: path.split('/').pop(),
  url: pathToFileURL(path).href,
  dir,
  sum: 5050,
});

describe('the code cache file', () => {
  const bundle = Buffer.from(BUNDLE_TEXT);
  const code = Buffer.from('bytecode, as V8 wrote it');
  const file = cacheFile(bundle, code);

  it('gives back the code it was made with, for the bundle it was made from', () => {
    expect(codeFromCacheFile(bundle, file)?.equals(code)).toBe(true);
  });

  it('is not read when missing, empty, truncated, changed or made from another bundle', () => {
    expect(codeFromCacheFile(bundle, undefined)).toBeUndefined();
    expect(codeFromCacheFile(bundle, Buffer.alloc(0))).toBeUndefined();
    expect(codeFromCacheFile(bundle, file.subarray(0, file.length - 1))).toBeUndefined();
    const flipped = Buffer.from(file);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 3) ^ 1, flipped.length - 3);
    expect(codeFromCacheFile(bundle, flipped)).toBeUndefined();
    const otherMagic = Buffer.from(file);
    otherMagic.writeUInt8(otherMagic.readUInt8(0) ^ 1, 0);
    expect(codeFromCacheFile(bundle, otherMagic)).toBeUndefined();
    expect(codeFromCacheFile(Buffer.from(`${BUNDLE_TEXT} `), file)).toBeUndefined();
    expect(codeFromCacheFile(bundle, code)).toBeUndefined();
  });
});

describe('compileBundle', () => {
  it('runs the bundle with require, the CommonJS names and its URL', () => {
    const path = writeBundle('plain.cjs');
    const compiled = compileBundle(path);
    expect(compiled.cache).toBe('no cache');
    expect(compiled.run()).toEqual(EXPECTED(path));
  });

  it('uses a cache made from the same bundle, and the bundle runs the same', () => {
    const path = writeBundle('cached.cjs');
    const cachePath = join(dir, 'cached.cache');
    writeFileSync(cachePath, makeCache(path));
    const compiled = compileBundle(path, cachePath);
    expect(compiled.cache).toBe('used');
    expect(compiled.run()).toEqual(EXPECTED(path));
  });

  it('compiles without the cache when it is missing, corrupt, stale or refused by V8', () => {
    const path = writeBundle('fallback.cjs');
    const good = makeCache(path);
    const cachePath = join(dir, 'fallback.cache');
    const compileWith = (file: Buffer | undefined) => {
      rmSync(cachePath, { force: true });
      if (file) writeFileSync(cachePath, file);
      const compiled = compileBundle(path, cachePath);
      expect(compiled.run()).toEqual(EXPECTED(path));
      return compiled.cache;
    };
    expect(compileWith(undefined)).toBe('no cache');
    const corrupt = Buffer.from(good);
    const middle = Math.floor(corrupt.length / 2);
    corrupt.writeUInt8(corrupt.readUInt8(middle) ^ 0xff, middle);
    expect(compileWith(corrupt)).toBe('not this bundle');
    expect(compileWith(good.subarray(0, good.length - 10))).toBe('not this bundle');
    // Made from an earlier bundle (another text of the same length): not this bundle's.
    const earlier = writeBundle('earlier.cjs', BUNDLE_TEXT.replace('sum(100)', 'sum(200)'));
    expect(compileWith(makeCache(earlier))).toBe('not this bundle');
    // Our checks pass, V8's do not (its code is of another script): V8 compiles the bundle itself.
    // (A text of its own: V8 keeps what this process compiled, and would not look at the cache.)
    const refused = writeBundle('refused.cjs', `${BUNDLE_TEXT}// refused`);
    const other = writeBundle('other.cjs', `${BUNDLE_TEXT}// and more`);
    const otherCode = compileBundle(other).script.createCachedData();
    writeFileSync(cachePath, cacheFile(readFileSync(refused), otherCode));
    const compiled = compileBundle(refused, cachePath);
    expect(compiled.cache).toBe('rejected by V8');
    expect(compiled.run()).toEqual(EXPECTED(refused));
  });
});

describe('a code cache made after the CLI tuned the heap', () => {
  const HEAP = pathToFileURL(join(import.meta.dirname, '../../../src/server/cli/heap.ts')).href;
  const CODE_CACHE = pathToFileURL(join(import.meta.dirname, '../../../src/server/cli/code-cache.ts')).href;

  /** In a child: compile and run a bundle, tune the heap (and untune it), write the cache. */
  function makeInChild(path: string, cachePath: string, untune: boolean): void {
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      const { tuneHeap, untuneHeap } = await import(${JSON.stringify(HEAP)});
      const { cacheFile, compileBundle } = await import(${JSON.stringify(CODE_CACHE)});
      const compiled = compileBundle(${JSON.stringify(path)});
      tuneHeap([]);
      compiled.run();
      if (${untune}) untuneHeap();
      writeFileSync(${JSON.stringify(cachePath)}, cacheFile(readFileSync(${JSON.stringify(path)}), compiled.script.createCachedData()));`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 30_000,
    });
  }

  function useInChild(path: string, cachePath: string): string {
    const script = `
      const { compileBundle } = await import(${JSON.stringify(CODE_CACHE)});
      process.stdout.write(compileBundle(${JSON.stringify(path)}, ${JSON.stringify(cachePath)}).cache);`;
    return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  it('is refused by a fresh process unless the heap flags are set back first (untuneHeap)', () => {
    const path = writeBundle('tuned.cjs');
    const cachePath = join(dir, 'tuned.cache');
    makeInChild(path, cachePath, false);
    expect(useInChild(path, cachePath)).toBe('rejected by V8');
    makeInChild(path, cachePath, true);
    expect(useInChild(path, cachePath)).toBe('used');
  });
});
