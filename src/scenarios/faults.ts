/** Faults a scenario injects: a reset connection, a truncated body, a stalled response. */
import type { Request, Response } from 'express';

/** How long a stalled response holds its connection when the rule does not say. */
export const DEFAULT_STALL_MS = 30_000;

/** Closes the connection without an answer: the client sees a reset (ECONNRESET / socket hang up). */
export function resetConnection(res: Response): void {
  res.socket?.destroy();
}

/**
 * Answers nothing until the client gives up or `maxMs` passes; then the mock closes the connection,
 * so a stalled request never holds a socket for longer than that.
 */
export function stall(req: Request, res: Response, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      req.socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    res.on('close', done);
  });
}

type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  return typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk);
}

/**
 * Lets the response be written in full, then sends its head (with the full Content-Length) and the
 * first half of its body, and closes the connection: the client sees a body cut short.
 */
export function truncateBody(res: Response): void {
  const write = res.write.bind(res) as (chunk: Chunk, cb: () => void) => boolean;
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(toBuffer(chunk, encoding));
  };
  res.write = ((chunk: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    return true;
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    const body = Buffer.concat(chunks);
    res.removeHeader('Transfer-Encoding');
    res.setHeader('Content-Length', String(body.length));
    res.flushHeaders();
    write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return res;
  }) as Response['end'];
}
