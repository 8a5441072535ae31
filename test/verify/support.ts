/** Helpers for the verify tests: a target mock (optionally drifted by a scenario file) and one verify run. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type MockServer, startMockServer } from '../../src/server/mock-server.js';
import { verifyMain } from '../../src/verify/cli.js';

/** Where a run wrote, and what it printed. */
export interface VerifyRun {
  code: number;
  stdout: string;
  stderr: string;
  junit: string;
  json: string;
  dir: string;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a target mock; with rules, under a scenario file holding them. */
export async function startTarget(dir: string, rules?: unknown[]): Promise<MockServer> {
  if (!rules) return startMockServer();
  const file = join(dir, 'drift.yaml');
  writeFileSync(file, stringify({ name: 'drift', description: 'The vendor changed.', rules }));
  return startMockServer({ scenario: file });
}

/** Runs `verify` in process with JUnit and JSON reports in `dir`. */
export async function runVerifyIn(dir: string, args: string[], now?: number): Promise<VerifyRun> {
  let stdout = '';
  let stderr = '';
  const junit = join(dir, 'out.xml');
  const json = join(dir, 'out.json');
  const code = await verifyMain(
    // The test's own flags first: a flag the test case gives wins.
    ['--delay', '0', '--timeout', '15000', '--junit', junit, '--json', json, ...args],
    {},
    {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
    },
    now,
  );
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  return { code, stdout, stderr, junit: read(junit), json: read(json), dir };
}

/** Credentials each API accepts, as --header arguments. */
export function credentialArgs(api: string, secret: string): string[] {
  switch (api) {
    case 'logicdialog':
      return ['--header', `Authorization: Bearer pk_${secret}`];
    case 'chatlayer':
      return ['--header', `Authorization: Basic ${Buffer.from(`token-id:${secret}`).toString('base64')}`];
    case 'digitalcx':
      return ['--client-id', 'verify-client', '--client-secret', secret];
    default:
      return ['--header', `Authorization: Bearer ${secret}`];
  }
}
