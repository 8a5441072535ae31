import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { terminate, waitForOutput } from '../support/child-process.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');
const BUNDLE = packagePath('dist', 'server', 'cli', 'cli-bundle.cjs');
const CACHE = packagePath('dist', 'server', 'cli', 'cli-bundle.cache');

describe('the built CLI (a loader and one bundled file, src/build/bundle-cli.ts)', () => {
  it('imports none of the package own modules: a start reads the loader, the bundle and its code cache', () => {
    const loader = readFileSync(CLI, 'utf8');
    expect(loader.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Static and dynamic imports and requires of a relative path (JSDoc type imports are not code).
    const relative = /(?:^|[\s;=(,}])(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']\.\.?\//gm;
    expect(loader.match(relative) ?? []).toEqual([]);
    expect(loader).toContain('cli-bundle.cjs');
    expect(readFileSync(BUNDLE, 'utf8').match(relative) ?? []).toEqual([]);
  });

  it('has a code cache a fresh Node process uses (V8 neither refuses it nor finds it stale)', () => {
    const codeCache = packagePath('dist', 'server', 'cli', 'code-cache.js');
    const check = `import(${JSON.stringify(codeCache)}).then((m) => process.stdout.write(m.compileBundle(${JSON.stringify(BUNDLE)}, ${JSON.stringify(CACHE)}).cache))`;
    expect(execFileSync(process.execPath, ['-e', check], { encoding: 'utf8', timeout: 30_000 })).toBe('used');
  });

  it('finds the files its modules found beside them: console page, docs renderer, precompiled validators', async () => {
    const child = spawn(
      process.execPath,
      [CLI, '--port', '0', '--host', '127.0.0.1', '--now', '2025-03-01T12:00:00Z', '--log-level', 'silent'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const text = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(5_000) });
      const page = await get('/__mock/console/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      expect((await get('/docs/assets/swagger-ui.css')).status).toBe(200);
      // A request the precompiled validator refuses, in the vendor's shape.
      const bad = await get('/chatbotcom/reports/conversations?dimension=fortnight', {
        Authorization: 'Bearer x',
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('dimension');
      // A CSV answer: its Content-Type goes through mime-types, loaded on first use in the bundle.
      const csv = await get(
        '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T01:00:00Z',
        { Authorization: 'Bearer x' },
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // Bodies: body-parser, loaded when a body is first read in the bundle.
      const put = (body: string) =>
        fetch(`${base}/__mock/scenario`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body,
          signal: AbortSignal.timeout(5_000),
        });
      const switched = await put('{"name": "flaky"}');
      expect(switched.status).toBe(200);
      expect(((await switched.json()) as { name: string }).name).toBe('flaky');
      const malformed = await put('{"name": ');
      expect(malformed.status).toBe(400);
      expect(await malformed.text()).toContain('could not be read as JSON');
      const token = await fetch(`${base}/digitalcx/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'my-client',
          client_secret: 's3cret',
          resource: 'https://digitalcx.onmicrosoft.com/external-api',
        }),
        signal: AbortSignal.timeout(5_000),
      });
      expect(token.status).toBe(200);
      expect(await token.json()).toHaveProperty('access_token');
      expect(await terminate(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
