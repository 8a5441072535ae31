/**
 * Errors whose status is known before they reach an error handler: Express's router and body
 * parsers throw http-errors with a 4xx `status` (a malformed escape in a path parameter, a body
 * that is not JSON). They keep that status and get a message saying what to do; only an error
 * without one is the mock's own failure (a 500).
 */
import type { Request, Response } from 'express';
import type { Logger } from 'pino';

/** A client error: its status and what the client should do. */
export interface KnownError {
  status: number;
  code: string;
  message: string;
}

/** What to tell the client for an error carrying a 4xx status; undefined for any other error. */
export function knownClientError(error: unknown): KnownError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, type } = error as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499) return undefined;
  if (error instanceof URIError) {
    return {
      status: code,
      code: 'bad_request',
      message:
        "The URL has a malformed percent-escape: write '%' itself as %25, and other bytes as %XX of their UTF-8 encoding.",
    };
  }
  if (type === 'entity.too.large')
    return {
      status: code,
      code: 'payload_too_large',
      message: 'The request body is too large; send a smaller one.',
    };
  if (typeof type === 'string' && type.startsWith('entity.'))
    return { status: code, code: 'invalid_body', message: 'The request body could not be read; send JSON.' };
  return { status: code, code: 'bad_request', message: 'The request could not be read.' };
}

/**
 * The answer to an error no step answered (the app's error handler, and the listener's for a
 * pipeline): a known 4xx keeps its status; anything else is logged and becomes a 500, or ends the
 * connection when the head is already sent.
 */
export function answerFailure(logger: Logger): (error: unknown, req: Request, res: Response) => void {
  return (error, _req, res) => {
    const known = knownClientError(error);
    if (known && !res.headersSent) {
      res.status(known.status).json({ error: known });
      return;
    }
    res.err = error instanceof Error ? error : new Error(String(error));
    logger.error({ err: error }, 'bot-analytics-mock: unexpected error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(500)
      .json({ error: { status: 500, code: 'internal_error', message: 'Internal error in the mock.' } });
  };
}
