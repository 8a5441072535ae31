/** Prism's validating proxy in front of one mock: started as a child process, bounded in time. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { packagePath } from '../../src/core/paths.js';

/** A running proxy. */
export interface Proxy {
  url: string;
  /** Prism's last output if it exited on its own (it crashed); undefined while it runs. */
  crashed(): string | undefined;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `prism proxy <spec> <upstream>`: it validates each request and the upstream's answer
 * against the spec and reports what disagrees in an `sl-violations` header (no --errors: the
 * answer itself is passed on unchanged).
 */
export async function startProxy(
  specFile: string,
  upstream: string,
  startTimeoutMs = 120_000,
): Promise<Proxy> {
  const port = await freePort();
  const prism = packagePath('node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  const child = spawn(
    process.execPath,
    [prism, 'proxy', specFile, upstream, '--port', String(port), '--host', '127.0.0.1', '-v', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  // Prism logs nothing at -v warn once ready: poll until it answers.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Prism exited at start-up:\n${output}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`Prism did not start within ${startTimeoutMs / 1000} s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  let stopping = false;
  return {
    url,
    crashed: () => (!stopping && child.exitCode !== null ? output : undefined),
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}
