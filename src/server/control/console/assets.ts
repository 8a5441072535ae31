/** The console page's static files: its own (web/, beside this module) and the chart library's, from its npm package (offline). */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's own files: in src/ when run from sources, copied to dist/ by the build. */
const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

/**
 * Chart.js and its matrix (heatmap) chart type, as the UMD builds that need no bundler: served
 * name, package, and the file beside the package's main module (both keep it in dist/).
 */
const LIBRARY_FILES: readonly [string, string, string][] = [
  ['chart.umd.min.js', 'chart.js', 'chart.umd.min.js'],
  ['chartjs-chart-matrix.min.js', 'chartjs-chart-matrix', 'chartjs-chart-matrix.min.js'],
];

/** Absolute paths of the files the page loads, by the name it asks for. */
export function consoleAssets(): ReadonlyMap<string, string> {
  const require = createRequire(import.meta.url);
  const library = LIBRARY_FILES.map(([name, pkg, file]): [string, string] => [
    name,
    join(dirname(require.resolve(pkg)), file),
  ]);
  const own = readdirSync(WEB_DIR)
    .filter((name) => /\.(js|css|html)$/.test(name))
    .map((name): [string, string] => [name, join(WEB_DIR, name)]);
  return new Map([...library, ...own]);
}
