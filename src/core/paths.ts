/** Where the package's own files are, whether it runs from src/ (tests) or dist/ (built). */
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this module in both layouts (src/core, dist/core). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of a file in the package. */
export function packagePath(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/\/$/, ''), ...parts].join('/');
}
