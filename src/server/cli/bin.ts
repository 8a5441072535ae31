#!/usr/bin/env node
/**
 * The package's `bin` once built (`dist/server/cli/cli.js`, bundled by src/build/bundle-cli.ts):
 * runs the bundled CLI (`cli.ts` and its dependencies, `cli-bundle.cjs`) with its code cache.
 */
import { startBundle } from './code-cache.js';

startBundle(import.meta.url);
