/** The API-reference renderer's static files (Swagger UI), served from its npm package: no CDN. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The files the reference page loads, by the name it asks for. */
const FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;

/** Absolute paths of the renderer's files, by file name. */
export function rendererAssets(): ReadonlyMap<string, string> {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return new Map(FILES.map((name) => [name, join(dir, name)]));
}
