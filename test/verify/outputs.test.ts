import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/server/mock-server.js';
import { credentialArgs, runVerifyIn, startTarget, tempDir } from './support.js';

const SECRET = 'planted-Secret-7ff3';
const temp = tempDir();
afterAll(() => temp.remove());

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

describe('verify outputs', () => {
  it.each(['chatbotcom', 'chatlayer', 'digitalcx'])(
    'never show a planted secret of %s, even when the target echoes it',
    async (api) => {
      // The vendor echoes the credential in a body and a header, and answers with a drifted type.
      const target = await startTarget(temp.dir, [
        {
          match: { method: 'GET' },
          body: {
            echoed: SECRET,
            auth: `Bearer ${SECRET}`,
            access_token: 'also-hidden',
            nested: [{ secret: SECRET }],
          },
          headers: { 'x-echo': SECRET, 'content-type': 'application/json' },
        },
      ]);
      const dir = join(temp.dir, api);
      try {
        const run = await runVerifyIn(temp.dir, [
          api,
          '--target',
          target.urls[api] as string,
          ...credentialArgs(api, SECRET),
          '--record',
          dir,
        ]);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/echoed/); // the drift is reported…
        const outputs = [run.stdout, run.stderr, run.junit, run.json, ...filesIn(dir)];
        expect(outputs.length).toBe(5);
        for (const text of outputs) {
          expect(text).not.toContain(SECRET); // …without the secret
          expect(text).not.toContain(Buffer.from(`token-id:${SECRET}`).toString('base64'));
          expect(text).not.toContain('also-hidden');
        }
        expect(filesIn(dir)[0]).toContain('[REDACTED]');
      } finally {
        await target.close();
      }
    },
    60_000,
  );

  it('exits 2 naming the cause when the target is unreachable', async () => {
    const port = await closedPort();
    const run = await runVerifyIn(temp.dir, [
      'chatbotcom',
      '--target',
      `http://127.0.0.1:${port}/chatbotcom`,
      ...credentialArgs('chatbotcom', SECRET),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/target unreachable: could not reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
    expect(run.junit).toMatch(/<error message="target unreachable/);
    expect(JSON.parse(run.json).exitCode).toBe(2);
  });

  it('exits 2 when the credentials are refused', async () => {
    const target = await startMockServer();
    try {
      const run = await runVerifyIn(temp.dir, [
        'chatbotcom',
        '--target',
        target.urls.chatbotcom as string,
        '--header',
        'Authorization: Bearer expired',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/auth refused: getConversationsReport last7days answered 401/);
    } finally {
      await target.close();
    }
  });

  it('exits 2 when the token endpoint refuses the client credentials', async () => {
    const target = await startMockServer();
    try {
      const run = await runVerifyIn(temp.dir, [
        'digitalcx',
        '--target',
        target.urls.digitalcx as string,
        ...credentialArgs('digitalcx', 'expired'),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /auth refused: the token endpoint http:\/\/127\.0\.0\.1:\d+\/digitalcx\/oauth2\/token answered 401/,
      );
    } finally {
      await target.close();
    }
  });

  it.each([
    [['chatbotcom'], /Missing --target/],
    [
      ['nope', '--target', 'http://127.0.0.1:1'],
      /Invalid <api>: 'nope'. Expected one of logicdialog, chatlayer, chatbotcom, digitalcx, generalbots/,
    ],
    [['chatbotcom', '--target', 'ftp://x'], /Invalid --target/],
    [
      ['chatbotcom', '--target', 'http://127.0.0.1:1', '--delay', 'soon'],
      /Invalid --delay: 'soon'. Expected milliseconds/,
    ],
    [['chatbotcom', '--target', 'http://127.0.0.1:1', '--header', `Bearer ${SECRET}`], /Invalid --header/],
    [['chatbotcom', '--target', 'http://127.0.0.1:1', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 on a bad command line %j', async (args, message) => {
    const run = await runVerifyIn(temp.dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(SECRET);
  });

  it('records the live answers as a scenario the mock replays', async () => {
    const dir = join(temp.dir, 'recorded');
    const target = await startMockServer();
    let file: string;
    try {
      const run = await runVerifyIn(temp.dir, [
        'digitalcx',
        '--target',
        target.urls.digitalcx as string,
        ...credentialArgs('digitalcx', SECRET),
        '--record',
        dir,
      ]);
      expect(run.code).toBe(0);
      file = join(dir, 'verify-digitalcx.yaml');
      expect(run.stdout).toContain(`recorded: ${file}`);
    } finally {
      await target.close();
    }
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/name: verify-digitalcx/);
    expect(text).toMatch(/path: \/digitalcx\/acme\/projects\/shop\/interactions/);
    expect(text).toMatch(/continuationtoken:/i);
    // The file loads as a scenario, and a mock serving it answers verify as the vendor did.
    const replay = await startMockServer({ scenario: file });
    try {
      const run = await runVerifyIn(temp.dir, [
        'digitalcx',
        '--target',
        replay.urls.digitalcx as string,
        ...credentialArgs('digitalcx', SECRET),
      ]);
      expect(run.code, run.stdout).toBe(0);
      const served = replay.requests().filter((r) => r.scenario === 'verify-digitalcx');
      expect(served.length).toBeGreaterThan(5);
    } finally {
      await replay.close();
    }
  }, 60_000);
});
