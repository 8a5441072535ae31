/**
 * Runs the bundled CLI (`dist/server/cli/cli-bundle.cjs`) with a V8 code cache made at build time
 * (`cli-bundle.cache`, src/build/code-cache.ts): V8 then neither parses the 1.8 MB bundle nor
 * compiles the functions a start and a first answer run; it reads their bytecode from the cache.
 * Node 20 has no compile cache for modules, so the bundle is a script (a function taking `require`,
 * the CommonJS names and the bundle's URL) compiled with `vm.Script`, which takes `cachedData`.
 *
 * The cache only ever saves time: a missing file, one that is not ours, or one made from another
 * bundle (its SHA-256 of the bundle and of the cache does not match) is not handed to V8, and V8
 * itself refuses a cache of another V8 version or other V8 flags (`cachedDataRejected`). Each time
 * the bundle is compiled as it would be without a cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** The first bytes of a cache file of this format: a file without them is not read further. */
const MAGIC = Buffer.from('bam-code-cache-1\n');
const HASH_BYTES = 32;

/**
 * The text of a bundle file from the code esbuild wrote: a function of `require`, the CommonJS
 * names and the bundle's URL, as the script V8 compiles. The build writes it wrapped, so that a
 * start makes one 1.8 MB string of it, not two (the young generation fills up less).
 */
export function wrapBundle(code: string): string {
  return `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${code}\n})`;
}

/** The SHA-256 that ties a cache to its bundle and to its own bytes. */
function digest(bundle: Buffer, code: Buffer): Buffer {
  return createHash('sha256').update(bundle).update(code).digest();
}

/** The bytes of a cache file for V8's code cache `code` of `bundle`. */
export function cacheFile(bundle: Buffer, code: Buffer): Buffer {
  return Buffer.concat([MAGIC, digest(bundle, code), code]);
}

/** V8's code cache in a cache file, if the file is one of ours and was made from this bundle. */
export function codeFromCacheFile(bundle: Buffer, file: Buffer | undefined): Buffer | undefined {
  if (!file || file.length <= MAGIC.length + HASH_BYTES) return undefined;
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const hash = file.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const code = file.subarray(MAGIC.length + HASH_BYTES);
  return digest(bundle, code).equals(hash) ? code : undefined;
}

/** How the bundle was compiled: whether V8 took its bytecode from the cache. */
export type CacheUse = 'used' | 'no cache' | 'not this bundle' | 'rejected by V8';

/** A compiled bundle, ready to run once. */
export interface CompiledBundle {
  script: Script;
  cache: CacheUse;
  /** Runs the bundle in this process (the CLI reads process.argv as the bin does); returns its `module.exports`. */
  run(): unknown;
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiles the bundle at `bundlePath` (its text made by wrapBundle), with the cache at `cachePath` when it is good. */
export function compileBundle(bundlePath: string, cachePath?: string): CompiledBundle {
  const bundle = readFileSync(bundlePath);
  const file = cachePath === undefined ? undefined : readOrUndefined(cachePath);
  const cachedData = codeFromCacheFile(bundle, file);
  const script = new Script(bundle.toString('utf8'), { filename: bundlePath, cachedData });
  const cache: CacheUse =
    file === undefined
      ? 'no cache'
      : cachedData === undefined
        ? 'not this bundle'
        : script.cachedDataRejected
          ? 'rejected by V8'
          : 'used';
  const run = () => {
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    const module = { exports: {} };
    const url = pathToFileURL(bundlePath).href;
    fn(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath), url);
    return module.exports;
  };
  return { script, cache, run };
}

/** The bin: runs the bundle beside `loaderUrl` (the loader's `import.meta.url`) with its cache. */
export function startBundle(loaderUrl: string): void {
  const bundlePath = fileURLToPath(new URL('./cli-bundle.cjs', loaderUrl));
  compileBundle(bundlePath, fileURLToPath(new URL('./cli-bundle.cache', loaderUrl))).run();
}
