import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packagePath } from '../src/core/paths.js';
import { type MockServer, startMockServer } from '../src/server/mock-server.js';
import { terminate, waitForOutput } from './support/child-process.js';
import { PRELUDE, runnableScript, type ShellExample, shellExamples } from './support/readme-examples.js';

const README = readFileSync(packagePath('README.md'), 'utf8');
const EXAMPLES = shellExamples(README);
const RUNNABLE = EXAMPLES.filter((example) => example.excluded === undefined);
const PACKAGE = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
};
/** How long one example may run, server start included. */
const EXAMPLE_TIMEOUT_MS = 60_000;

/** The environment as a user's shell has it: no setting of ours that `npm start` would read. */
function userEnvironment(extraPath: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MOCK_|VITEST|npm_)/.test(name) && !['PORT', 'HOST', 'LOG_LEVEL', 'TEST'].includes(name),
    ),
  );
  return { ...env, PATH: `${extraPath}:${process.env.PATH ?? ''}` };
}

/**
 * A folder like a project that installed this package (node_modules/<name> and its bin link), so
 * `npx bot-analytics-mock` resolves to this build, and files an example writes land outside the repo.
 */
function userProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readme-example-'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(PACKAGE_ROOT.replace(/\/$/, ''), join(dir, 'node_modules', PACKAGE.name));
  for (const [command, file] of Object.entries(PACKAGE.bin))
    symlinkSync(join('..', PACKAGE.name, file), join(dir, 'node_modules', '.bin', command));
  return dir;
}

/** `npm start` on a free 127.0.0.1 port: the built CLI with its defaults, the real clock among them. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const cli = Object.values(PACKAGE.bin)[0] as string;
  const child = spawn(process.execPath, [packagePath(cli), '--port', '0', '--host', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const text = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
    return { child, url: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] as string };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Runs a script under bash with the README test's prelude; kills its whole process group on timeout. */
function runBash(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `${PRELUDE}\n${script}`], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(killed after ${options.timeoutMs} ms)`;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The last part of a long output, where the failing command's message is. */
function tail(text: string): string {
  return text.length > 4000 ? `…${text.slice(-4000)}` : text;
}

describe('README shell examples', () => {
  it('finds them, and every block the test does not run says why', () => {
    expect(RUNNABLE.length).toBeGreaterThanOrEqual(5);
    for (const example of EXAMPLES.filter((e) => e.excluded !== undefined))
      expect(example.excluded?.split(/\s+/).length, `README.md:${example.line}`).toBeGreaterThanOrEqual(5);
  });

  it.each(RUNNABLE.map((example) => [`"${example.heading}" (README.md:${example.line})`, example] as const))(
    'runs %s as typed against npm start on the real clock',
    async (_, example: ShellExample) => {
      const project = userProject();
      const env = userEnvironment(join(project, 'node_modules', '.bin'));
      const server = await npmStart(env);
      try {
        const { code, output } = await runBash(runnableScript(example.script, new URL(server.url).host), {
          cwd: project,
          env,
          timeoutMs: EXAMPLE_TIMEOUT_MS - 10_000,
        });
        expect(code, `README.md:${example.line} exited ${code}:\n${tail(output)}`).toBe(0);
      } finally {
        await terminate(server.child);
        rmSync(project, { recursive: true, force: true });
      }
    },
    EXAMPLE_TIMEOUT_MS,
  );
});

describe('reading the README', () => {
  const markdown = [
    '# Title',
    '```sh',
    'curl http://localhost:4010/a',
    '```',
    '## Errors',
    '<!-- not run by test/readme-examples.test.ts: starts a container, needs a Docker engine -->',
    '```bash',
    'docker run x',
    '```',
    '```ts',
    'const a = 1;',
    '```',
  ].join('\n');

  it('finds sh and bash blocks with their heading and line, and the reason of a marked one', () => {
    expect(shellExamples(markdown)).toEqual([
      { line: 2, heading: 'Title', script: 'curl http://localhost:4010/a' },
      {
        line: 7,
        heading: 'Errors',
        script: 'docker run x',
        excluded: 'starts a container, needs a Docker engine',
      },
    ]);
  });

  it('refuses a marker that does not stand right before a shell block', () => {
    const marker = '<!-- not run by test/readme-examples.test.ts: why -->';
    expect(() => shellExamples(`${marker}\n\`\`\`ts\nx\n\`\`\``)).toThrow(/before a ts block/);
    expect(() => shellExamples(`${marker}\ntext\n\`\`\`sh\nx\n\`\`\``)).toThrow(/right before a shell block/);
    expect(() => shellExamples(`text\n${marker}\n`)).toThrow(/before no block/);
  });

  it('points the examples at the server and makes a "# → NNN" command expect that status', () => {
    const script = 'curl -s \\\n  "http://localhost:4010/x" # → 404\nA=$(curl http://localhost:4010/y | cat)';
    expect(runnableScript(script, '127.0.0.1:5000')).toBe(
      'README_EXPECT_STATUS=404 curl -s \\\n  "http://127.0.0.1:5000/x" # → 404\nA=$(curl http://127.0.0.1:5000/y | cat)',
    );
  });
});

describe('the checking curl', () => {
  let server: MockServer;
  const project = mkdtempSync(join(tmpdir(), 'readme-prelude-'));
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(project, { recursive: true, force: true });
  });

  const run = (script: string) =>
    runBash(runnableScript(script, new URL(server.url).host), {
      cwd: project,
      env: userEnvironment(''),
      timeoutMs: 20_000,
    });

  it('passes a 2xx answer through to the pipe, and a stated error status', async () => {
    const ok = await run(
      'curl -s http://localhost:4010/__mock/health | grep -q \'"status"\'\ncurl -s http://localhost:4010/nowhere # → 404',
    );
    expect(ok.code, ok.output).toBe(0);
  });

  it.each([
    [
      'an error the README does not state',
      'curl -s http://localhost:4010/nowhere',
      /answered 404, not a 2xx/,
    ],
    [
      'a status other than the stated one',
      'curl -s http://localhost:4010/__mock/health # → 404',
      /answered 200, the README says 404/,
    ],
    [
      'a failing command in a command substitution',
      'A=$(curl -s http://localhost:4010/nowhere)\necho "$A"',
      /answered 404/,
    ],
    [
      'a failing command of a pipe',
      "curl -s http://localhost:4010/__mock/health | grep -q 'no such text'\necho after",
      /^$/,
    ],
  ])('fails on %s', async (_, script, message) => {
    const result = await run(script);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(result.output).not.toContain('after');
  });
});
