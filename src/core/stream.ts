/** Writes a large body in chunks, honouring back-pressure and stopping when the client goes away. */
import type { Response } from 'express';

/**
 * Bytes the response may hold unsent before the stream waits for them to drain: enough to build the
 * next hour while the socket sends this one, and no more (32 clients streaming hold 8 MB, not 32).
 */
const BUFFERED_BYTES = 256 * 1024;

/** Resolves on the first of 'drain' or 'close', removing both listeners. */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams the chunks; returns early (without error) if the client disconnects. */
export async function streamChunks(res: Response, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  res.on('close', onClose);
  try {
    for (const chunk of chunks) {
      if (closed || res.destroyed) return;
      if (chunk.length === 0) continue;
      // Back-pressure from BUFFERED_BYTES, not from Node's 16 KB mark: the next chunk is built
      // while the socket sends this one, and memory stays bounded (a chunk plus this much).
      if (!res.write(chunk) && res.writableLength > BUFFERED_BYTES) {
        await drainedOrClosed(res);
      }
    }
    if (!closed) res.end();
  } finally {
    res.off('close', onClose);
  }
}
