/**
 * Run by `npm run build` after tsc: marks each file of package.json's `bin` executable. tsc writes
 * new files without the exec bit; npm sets it when it installs the package, but a clone's own
 * `npx bot-analytics-mock` and `node_modules/.bin` links to a built tree run the file as it is.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { packagePath } from '../core/paths.js';

const { bin } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
for (const file of Object.values(bin)) {
  const path = packagePath(file);
  chmodSync(path, statSync(path).mode | 0o111);
}
