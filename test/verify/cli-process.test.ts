import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { runToEnd } from '../support/child-process.js';
import { startTarget, tempDir } from './support.js';

const CLI = packagePath('dist', 'server', 'cli', 'cli.js');
const temp = tempDir();
afterAll(() => temp.remove());

async function verifyChatbotcom(target: string, junit: string) {
  const args = [
    CLI,
    'verify',
    'chatbotcom',
    '--target',
    target,
    '--header',
    'Authorization: Bearer t',
    '--junit',
    junit,
    '--delay',
    '0',
  ];
  return runToEnd(process.execPath, args, { timeoutMs: 30_000 });
}

describe('bot-analytics-mock verify (the built CLI)', () => {
  it('exits 0 against an identical mock, with a JUnit file of at least 6 passing testcases', async () => {
    const target = await startTarget(temp.dir);
    try {
      const junit = join(temp.dir, 'same.xml');
      const { code, output } = await verifyChatbotcom(target.urls.chatbotcom as string, junit);
      expect(code, output).toBe(0);
      const xml = readFileSync(junit, 'utf8');
      expect((xml.match(/<testcase [^>]*\/>/g) ?? []).length).toBeGreaterThanOrEqual(6);
      expect(xml).not.toMatch(/<failure|<error/);
    } finally {
      await target.close();
    }
  });

  it('exits 1 against a drifted mock, naming the field', async () => {
    const target = await startTarget(temp.dir, [
      {
        match: { operationId: 'getConversationsReport' },
        body: { data: [], summary: { total: 1, min: 0, max: 1, average: 1 } },
      },
    ]);
    try {
      const junit = join(temp.dir, 'drift.xml');
      const { code, output } = await verifyChatbotcom(target.urls.chatbotcom as string, junit);
      expect(code, output).toBe(1);
      expect(output).toMatch(/getConversationsReport last7days\s+DRIFT/);
      expect(output).toContain(
        "/summary/average (shape): field 'average' is in the live answer, not in the mock's",
      );
      expect(output).toContain("/summary/avg (shape): field 'avg' is in the mock's answer");
      expect(readFileSync(junit, 'utf8')).toContain('/summary/average');
    } finally {
      await target.close();
    }
  });

  it('shows an example per API in --help', async () => {
    const { code, output } = await runToEnd(process.execPath, [CLI, 'verify', '--help'], {
      timeoutMs: 10_000,
    });
    expect(code).toBe(0);
    for (const api of ['logicdialog', 'chatlayer', 'chatbotcom', 'digitalcx', 'generalbots'])
      expect(output).toContain(`bot-analytics-mock verify ${api} --target`);
  });
});
