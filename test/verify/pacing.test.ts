import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/server/mock-server.js';
import { credentialArgs, runVerifyIn, startTarget, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.remove());

describe('verify pacing and timeouts', () => {
  it('sends one request at a time, --delay apart, and no mock controls to the target', async () => {
    const target = await startMockServer();
    try {
      const run = await runVerifyIn(temp.dir, [
        'chatbotcom',
        '--target',
        target.urls.chatbotcom as string,
        '--header',
        'Authorization: Bearer t',
        '--delay',
        '150',
      ]);
      expect(run.code, run.stdout).toBe(0);
      const times = target.requests().map((r) => Date.parse(r.receivedAt));
      expect(times.length).toBe(9);
      for (let i = 1; i < times.length; i++)
        expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(140);
      // The live target saw no mock controls: those are for the in-process mock only.
      for (const r of target.requests())
        expect(Object.keys(r.headers).map((h) => h.toLowerCase())).not.toContain('x-mock-now');
    } finally {
      await target.close();
    }
  });

  it('exits 2 when the target does not answer the first request in time', async () => {
    const target = await startTarget(temp.dir, [{ match: { api: 'chatbotcom' }, latency: 3000 }]);
    try {
      const run = await runVerifyIn(temp.dir, [
        'chatbotcom',
        '--target',
        target.urls.chatbotcom as string,
        '--header',
        'Authorization: Bearer t',
        '--timeout',
        '300',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/target unreachable: no answer within 300 ms/);
    } finally {
      await target.close();
    }
  });

  it('marks a later probe without answer in time as an error, and exits 1', async () => {
    const target = await startTarget(temp.dir, [
      { match: { operationId: 'getBusiestPeriodReport' }, latency: 3000 },
    ]);
    try {
      const run = await runVerifyIn(temp.dir, [
        'chatbotcom',
        '--target',
        target.urls.chatbotcom as string,
        ...credentialArgs('chatbotcom', 'tok'),
        '--timeout',
        '1000',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/getBusiestPeriodReport last7days\s+ERROR\s+-\n\s+no answer within 1000 ms/);
      expect(run.junit).toMatch(/<error message="no answer within 1000 ms" type="no-answer"\/>/);
      expect(run.stdout).toMatch(/getInteractionsPopularityReport last7days\s+PASS/);
    } finally {
      await target.close();
    }
  });
});
