/**
 * Run by `npm run build` after tsc: copies the console page's own files (plain JavaScript, CSS and
 * HTML the browser loads as they are; tsc compiles none of them) beside the built console module.
 */
import { cpSync } from 'node:fs';
import { packagePath } from '../core/paths.js';

cpSync(
  packagePath('src', 'server', 'control', 'console', 'web'),
  packagePath('dist', 'server', 'control', 'console', 'web'),
  {
    recursive: true,
  },
);
