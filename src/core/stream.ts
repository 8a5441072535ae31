/** Writes a large body in chunks, honouring back-pressure and stopping when the client goes away. */
import type { Response } from 'express';

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
export async function streamChunks(res: Response, chunks: Iterable<string>): Promise<void> {
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  res.on('close', onClose);
  try {
    for (const chunk of chunks) {
      if (closed || res.destroyed) return;
      if (chunk === '') continue;
      if (!res.write(chunk)) {
        await drainedOrClosed(res);
      }
    }
    if (!closed) res.end();
  } finally {
    res.off('close', onClose);
  }
}
