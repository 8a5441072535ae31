import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/server/mock-server.js';
import { API_MODULES } from '../../src/server/registry.js';
import { credentialArgs, runVerifyIn, startTarget, tempDir } from './support.js';

const temp = tempDir();
let target: MockServer;
beforeAll(async () => {
  target = await startTarget(temp.dir);
});
afterAll(async () => {
  await target.close();
  temp.remove();
});

describe('verify against an identical mock', () => {
  it.each(API_MODULES.map((m) => m.name))(
    'finds no drift in %s and exits 0',
    async (api) => {
      const run = await runVerifyIn(temp.dir, [
        api,
        '--target',
        target.urls[api] as string,
        ...credentialArgs(api, 's3cret-value'),
      ]);
      expect(run.stdout).not.toMatch(/DRIFT|ERROR/);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const testcases = run.junit.match(/<testcase /g) ?? [];
      expect(testcases.length).toBeGreaterThanOrEqual(6);
      expect(run.junit).not.toMatch(/<failure|<error/);
      const json = JSON.parse(run.json);
      expect(json.exitCode).toBe(0);
      expect(json.results.every((r: { verdict: string }) => r.verdict === 'pass')).toBe(true);
    },
    60_000,
  );
});
