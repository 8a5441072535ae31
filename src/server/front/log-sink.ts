/**
 * Where log lines go: stdout, without ever stopping the server. A sidecar or CI job whose log reader
 * goes away (EPIPE) or stops reading (a full pipe) must not take the mock down or leave it stuck
 * (issue 20 item 6): lines are written without blocking, a sink that is gone or too far behind gets
 * its lines dropped, that is said once on stderr, and serving goes on. On SIGTERM the CLI waits a
 * bounded time for what is queued (`flush`), then exits whatever the sink does.
 */
import type { Writable } from 'node:stream';

/** Bytes queued for a slow sink before lines are dropped: a minute of a busy log, then nothing more. */
export const MAX_BACKLOG = 1024 * 1024;

/** A destination for pino and for the CLI's own lines (banner, draining). */
export interface LogSink {
  /** Queues a line (ending in a newline); dropped if the sink is gone or too far behind. */
  write(line: string): void;
  /** Resolves once what is queued is written, the sink is gone, or `timeoutMs` has passed. */
  flush(timeoutMs: number): Promise<void>;
  /** Lines dropped so far. */
  readonly dropped: number;
}

/** Says something on stderr, never throwing (stderr may be gone too). */
function sayOnStderr(stderr: Writable, text: string): void {
  try {
    stderr.write(`bot-analytics-mock: ${text}\n`);
  } catch {
    // Nowhere left to say it.
  }
}

/**
 * A sink over a writable stream (process.stdout: a non-blocking pipe or socket, a file, a TTY).
 * Lines written in one turn of the event loop go out in one write.
 */
export function createLogSink(stream: Writable, stderr: Writable, maxBacklog: number = MAX_BACKLOG): LogSink {
  let gone = false;
  let toldSlow = false;
  let dropped = 0;
  let pending = '';
  let scheduled = false;
  // A write error (EPIPE, EBADF…) arrives as an event: without a listener it would end the process.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (gone) return;
    gone = true;
    sayOnStderr(
      stderr,
      `log output failed (${error.code ?? error.message}); dropping log lines from now on, still serving.`,
    );
  });
  stderr.on('error', () => {});

  const drop = (lines: string) => {
    for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) dropped++;
  };

  const send = () => {
    scheduled = false;
    const text = pending;
    pending = '';
    if (gone || stream.destroyed) {
      drop(text);
      return;
    }
    if (stream.writableLength > maxBacklog) {
      drop(text);
      if (!toldSlow) {
        toldSlow = true;
        sayOnStderr(stderr, 'log output is not keeping up; dropping log lines until it does, still serving.');
      }
      return;
    }
    try {
      stream.write(text);
    } catch {
      drop(text);
    }
  };

  return {
    write(line: string) {
      if (gone) {
        dropped++;
        return;
      }
      pending += line;
      if (!scheduled) {
        scheduled = true;
        setImmediate(send);
      }
    },
    flush(timeoutMs: number) {
      if (scheduled) send();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(finish, timeoutMs);
        const poll = setInterval(() => {
          if (gone || stream.destroyed || stream.writableLength === 0) finish();
        }, 10);
        function finish() {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }
      });
    },
    get dropped() {
      return dropped;
    },
  };
}

let stdout: LogSink | undefined;

/** The process's sink over stdout (notes on stderr): the request log's and the CLI's lines share it. */
export function stdoutSink(): LogSink {
  stdout ??= createLogSink(process.stdout, process.stderr);
  return stdout;
}
