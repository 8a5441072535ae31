import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoSeconds, MS_DAY, MS_HOUR, startOf } from '../../src/core/time.js';
import { type MockServer, startMockServer } from '../../src/server/mock-server.js';
import { credentialArgs, runVerifyIn, startTarget, tempDir, type VerifyRun } from './support.js';

// A pinned run instant: the probes' windows are known, so rules can match one probe's exact query.
const NOW = startOf(Date.now(), 'hour');
const SECRET = 'planted-Secret-4242';

const temp = tempDir();
let plain: MockServer;
beforeAll(async () => {
  plain = await startMockServer();
});
afterAll(async () => {
  await plain.close();
  temp.remove();
});

async function answerOf(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ text: string; json: unknown }> {
  const res = await fetch(url, {
    headers: { Authorization: 'Bearer t', ...headers },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

/** Runs verify against a target drifted by `rules`; every output must name each expected finding. */
async function driftedRun(api: string, rules: unknown[]): Promise<VerifyRun> {
  const target = await startTarget(temp.dir, rules);
  try {
    return await runVerifyIn(
      temp.dir,
      [api, '--target', target.urls[api] as string, ...credentialArgs(api, SECRET)],
      NOW,
    );
  } finally {
    await target.close();
  }
}

function unescapeXml(xml: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return xml.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => entities[name] as string);
}

function expectNamedEverywhere(run: VerifyRun, findings: RegExp[]): void {
  const report = JSON.parse(run.json) as {
    results: { differences: { pointer: string; message: string; rule: string }[] }[];
  };
  const lines = report.results.flatMap((r) =>
    r.differences.map((d) => `${d.pointer} (${d.rule}): ${d.message}`),
  );
  for (const finding of findings) {
    expect(run.stdout, `stdout lacks ${finding}`).toMatch(finding);
    expect(unescapeXml(run.junit), `JUnit lacks ${finding}`).toMatch(finding);
    expect(lines.join('\n'), `JSON lacks ${finding}`).toMatch(finding);
  }
}

describe('verify against a drifted ChatBot.com', () => {
  let run: VerifyRun;
  beforeAll(async () => {
    const series = await answerOf(
      `${plain.urls.chatbotcom}/reports/conversations?period=last7days&dimension=day`,
    );
    const body = series.json as { data: { date: string; value: number }[]; summary: Record<string, unknown> };
    const drifted = {
      // a field renamed in every point, a type changed, a field the vendor added
      data: body.data.map(({ date, value }) => ({ date, count: value })),
      summary: { ...body.summary, total: String(body.summary.total), median: 3 },
    };
    const popularity = await answerOf(
      `${plain.urls.chatbotcom}/reports/interactions.popularity?period=last7days`,
    );
    const ranked = popularity.json as Record<string, unknown>[];
    const withNewType = [{ ...ranked[0], type: 'greeting' }, ...ranked.slice(1)];
    run = await driftedRun('chatbotcom', [
      {
        match: { operationId: 'getConversationsReport', query: { period: 'last7days', dimension: 'day' } },
        body: drifted,
      },
      { match: { operationId: 'getInteractionsPopularityReport' }, body: withNewType },
      { match: { operationId: 'getPaidConversationsReport' }, status: 418, body: { status: 'teapot' } },
    ]);
  }, 60_000);

  it('exits 1', () => {
    expect(run.code, run.stdout).toBe(1);
  });

  it('names the renamed field, at its JSON pointer, on both sides', () => {
    expectNamedEverywhere(run, [/\/data\/0\/count \(shape\)/, /\/data\/0\/value \(shape\)/]);
  });

  it('names the field whose type changed', () => {
    expectNamedEverywhere(run, [/\/summary\/total \(type\)/, /\/summary\/total \(type at [^)]*\)/]);
  });

  it('names the extra field, against the mock and against the spec', () => {
    expectNamedEverywhere(run, [
      /\/summary\/median \(shape\)/,
      /\/summary \(additionalProperties at [^)]*\).*median/,
    ]);
  });

  it('names an enum value the spec does not list', () => {
    expectNamedEverywhere(run, [/\/0\/type \(enum at [^)]*\).*"greeting"/]);
  });

  it('names an undocumented status', () => {
    expectNamedEverywhere(run, [
      /418 is not documented for getPaidConversationsReport/,
      /live answered 418, the mock 200/,
    ]);
  });

  it('passes the probes that did not drift', () => {
    expect(run.stdout).toMatch(/getBusiestPeriodReport last7days\s+PASS/);
    expect(run.junit).toMatch(/<testcase [^>]*name="getBusiestPeriodReport last7days"[^>]*\/>/);
  });
});

describe('verify against a drifted DigitalCX', () => {
  let run: VerifyRun;
  // The probes' window: two hours at noon yesterday (src/apis/digitalcx/probes.ts).
  const start = startOf(NOW, 'day') - MS_DAY + 12 * MS_HOUR;
  const window = { startDate: isoSeconds(start), endDate: isoSeconds(start + 2 * MS_HOUR) };
  beforeAll(async () => {
    const query = new URLSearchParams({ ...window, includeUserInfo: 'true', environment: 'Production' });
    const csv = (await answerOf(`${plain.urls.digitalcx}/acme/projects/shop/interactions?${query}`)).text;
    const [header = '', ...rows] = csv.split('\r\n');
    const [first = '', second = '', ...others] = header.split(',');
    const swapped = [[second, first, ...others].join(','), ...rows].join('\r\n');
    run = await driftedRun('digitalcx', [
      {
        match: { operationId: 'getInteractions', query: { ...window, includeUserInfo: 'true' } },
        body: swapped,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      },
      {
        match: {
          operationId: 'getInteractions',
          query: { startDate: window.endDate, endDate: window.startDate },
        },
        status: 400,
        body: 'The end date must come after the start date.',
        headers: { 'content-type': 'text/plain' },
      },
    ]);
  }, 60_000);

  it('exits 1', () => {
    expect(run.code, run.stdout).toBe(1);
  });

  it('names a different CSV column order', () => {
    expectNamedEverywhere(run, [/\(column order\): column 1 is 'InteractionUuid' live, 'LogId' in the mock/]);
  });

  it('names a changed documented error message, verbatim', () => {
    expectNamedEverywhere(run, [
      /\(message\): live says "The end date must come after the start date\.", the mock "End date cannot be earlier than start date\."/,
    ]);
  });

  it('never prints the client secret', () => {
    for (const text of [run.stdout, run.stderr, run.junit, run.json]) expect(text).not.toContain(SECRET);
  });
});
