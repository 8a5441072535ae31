import { readFileSync } from 'node:fs';
import { run as lint } from 'dockerfilelint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packagePath } from '../../src/core/paths.js';

const DOCKERFILE = readFileSync(packagePath('Dockerfile'), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [op = '', ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the last stage (the image that ships). */
function finalStage(): { op: string; args: string }[] {
  const all = instructions(DOCKERFILE);
  const lastFrom = all.map((i) => i.op).lastIndexOf('FROM');
  return all.slice(lastFrom);
}

describe('Dockerfile', () => {
  it('passes dockerfilelint with the repository settings', () => {
    expect(lint(packagePath(), DOCKERFILE)).toEqual([]);
  });

  it('is checked by a linter that does catch mistakes', () => {
    const rules = lint(packagePath(), 'FROM node:latest\nrun npm ci\nEXPOSE port\n').map((i) => i.rule);
    expect(rules).toEqual(expect.arrayContaining(['latest_tag', 'uppercase_commands', 'invalid_port']));
  });

  it('builds in stages on a base image given as a build argument, the current Node LTS Alpine by default', () => {
    const all = instructions(DOCKERFILE);
    expect(all[0]).toEqual({ op: 'ARG', args: 'BASE_IMAGE=node:lts-alpine' });
    const froms = all.filter((i) => i.op === 'FROM').map((i) => i.args);
    const base = '$' + '{BASE_IMAGE}';
    expect(froms).toEqual([`${base} AS build`, `${base} AS deps`, base]);
    expect(all.find((i) => i.args.includes('npm ci --omit=dev'))).toBeDefined();
  });

  it('ships production dependencies only, runs as a non-root user, exposes 4010 and checks /__mock/health', () => {
    const stage = finalStage();
    const args = (op: string) => stage.filter((i) => i.op === op).map((i) => i.args);
    expect(args('COPY')).toContain('--from=deps /app/node_modules ./node_modules');
    expect(args('COPY').filter((a) => a.includes('--from=build'))).toEqual(['--from=build /app/dist ./dist']);
    expect(args('USER')).toHaveLength(1);
    expect(args('USER')[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(args('EXPOSE')).toEqual(['4010']);
    expect(args('HEALTHCHECK')[0]).toContain('/__mock/health');
    expect(args('ENV').join(' ')).toMatch(/PORT=4010/);
    // Exec form, so that node is PID 1 and receives SIGTERM itself.
    expect(JSON.parse(args('ENTRYPOINT')[0] ?? '')).toEqual(['node', 'dist/server/cli/cli.js']);
  });

  it('sends the build only the files it copies', () => {
    const ignore = readFileSync(packagePath('.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const sources = instructions(DOCKERFILE)
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const source of sources) expect(allowed, source).toContain(source);
  });
});

describe('compose.yaml', () => {
  it('starts a client only once the mock is healthy, and points it at the mock by service name', () => {
    const compose = parse(readFileSync(packagePath('compose.yaml'), 'utf8')) as {
      services: Record<
        string,
        {
          build?: string;
          depends_on?: Record<string, { condition: string }>;
          environment?: Record<string, string>;
        }
      >;
    };
    expect(compose.services.mock?.build).toBe('.');
    expect(compose.services.client?.depends_on).toEqual({ mock: { condition: 'service_healthy' } });
    expect(compose.services.client?.environment?.DIGITALCX_BASE_URL).toBe('http://mock:4010/digitalcx');
  });
});
