/**
 * Run by `npm run build` after tsc: replaces `dist/server/cli/cli.js` (the `bin`, `npm start` and the
 * Docker entry point) with a small loader (`server/cli/bin.ts` and `code-cache.ts`) that runs
 * `dist/server/cli/cli-bundle.cjs`: one bundled file of the CLI and the dependencies it loads at
 * start-up, with the V8 code cache code-cache.ts writes next. Loading some 300 modules one file at
 * a time (resolve, read, compile, link) was most of a cold start; one file is read once, and with
 * the cache it is not compiled either. Every other file of dist/ stays as tsc wrote it (the
 * package's programmatic entry, `dist/index.js`, imports them).
 *
 * The bundle is a CommonJS-shaped script, not an ES module: Node 20 takes a code cache only for a
 * `vm.Script`. The loader wraps it in a function of `require`, the CommonJS names and `__bundleUrl`
 * (the bundle's URL), which stands for `import.meta.url`.
 *
 * The bundle must behave like the modules it replaces:
 * - `import.meta.url` in a source module becomes the URL of that module's file in dist/, so paths
 *   derived from it (the package root, the console's files, `createRequire`) are the same;
 * - what the code itself loads lazily with `createRequire` (ajv, yaml, precompiled validators)
 *   stays a runtime `require`, loaded on first use as before;
 * - CommonJS dependencies bundled into this ES module get a `require` for Node's built-ins.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packagePath } from '../core/paths.js';
import { wrapBundle } from '../server/cli/code-cache.js';

const ENTRY = packagePath('src', 'server', 'cli', 'cli.ts');
const OUT = packagePath('dist', 'server', 'cli', 'cli-bundle.cjs');
const LOADER = packagePath('src', 'server', 'cli', 'bin.ts');
const BIN = packagePath('dist', 'server', 'cli', 'cli.js');

/** Rewrites `import.meta.url` in each source module to the URL its file has in dist/. */
const moduleUrls: Plugin = {
  name: 'module-urls',
  setup(b) {
    const src = packagePath('src');
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      let text = await readFile(path, 'utf8');
      if (path.startsWith(`${src}/`) && text.includes('import.meta.url')) {
        const built = packagePath('dist', relative(src, path)).replace(/\.ts$/, '.js');
        const fromBundle = JSON.stringify(relative(dirname(OUT), built));
        text = text.replaceAll('import.meta.url', `new URL(${fromBundle}, import.meta.url).href`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * mime-types, loaded on first use: its database (mime-db, about 2,500 types) took a tenth of a cold
 * start, and nothing on the way to a JSON answer looks a type up. Express, send, type-is and accepts
 * get a stand-in that loads the real module when first asked for anything.
 */
const lazyMimeTypes: Plugin = {
  name: 'lazy-mime-types',
  setup(b) {
    b.onResolve({ filter: /^mime-types$/ }, () => ({ path: 'mime-types', namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      resolveDir: packagePath(),
      loader: 'js',
      contents: `
        let real;
        const load = () => (real ??= require('mime-types/index.js'));
        module.exports = new Proxy({}, {
          get: (_, key) => load()[key],
          has: (_, key) => key in load(),
          ownKeys: () => Reflect.ownKeys(load()),
          getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key),
        });`,
    }));
  },
};

await build({
  entryPoints: [ENTRY],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Whitespace and syntax only: a smaller file to parse at each start (about 30 ms less), with the
  // source's names kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // The loader passes the bundle's URL; every module's own URL is relative to it (moduleUrls).
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [moduleUrls, lazyMimeTypes],
});
// The CLI's `#!` line becomes a comment (the line stays, so that the source map's lines still
// match), and the code the body of the function the loader calls (server/cli/code-cache.ts).
const bundled = await readFile(OUT, 'utf8');
await writeFile(OUT, wrapBundle(bundled.startsWith('#!') ? `//${bundled}` : bundled));

// tsc's map of cli.ts describes a file that is no longer there.
await rm(`${BIN}.map`, { force: true });
// The bin: an ES module of its own (package.json's `type`), importing only Node's built-ins.
await build({
  entryPoints: [LOADER],
  outfile: BIN,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
