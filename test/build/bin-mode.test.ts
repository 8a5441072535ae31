import { accessSync, constants, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';

const PACKAGE = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  bin: Record<string, string>;
};

describe('npm run build', () => {
  // tsc writes new files without the exec bit; npm sets it when it installs the package, but a
  // fresh clone's own `npx bot-analytics-mock` (the README's verify example) runs the built file.
  it.each(Object.entries(PACKAGE.bin))('leaves the %s command executable (%s)', (_, file) => {
    const path = packagePath(file);
    expect(() => accessSync(path, constants.X_OK)).not.toThrow();
    expect(readFileSync(path, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
