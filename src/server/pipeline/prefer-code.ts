/** `Prefer: code=<status>` (Prism's convention): answer with one of the operation's documented responses. */
import type { Response } from 'express';
import type { ApiModule } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import type { SpecOperation } from '../../core/spec.js';

/** The wait a preferred 429 gives where its response documents Retry-After: the rate-limited scenario's. */
const PREFERRED_RETRY_AFTER = '1';

/**
 * Answers a preferred status; a 429 carries the Retry-After its response documents. Returns true when answered (a 2xx documented without a body), false
 * for a 2xx with a body (the handler's normal answer follows); throws the vendor's documented error for an error status, or a 400 listing the
 * documented statuses for one the operation does not have.
 */
export function answerPreferred(
  code: number,
  operation: SpecOperation,
  module: ApiModule,
  res: Response,
): boolean {
  if (code === 200) return false;
  const preferred = operation.responses.find((r) => r.status === String(code));
  if (preferred === undefined) {
    const codes = operation.responses.map((r) => r.status).join(', ');
    throw new MockError(
      400,
      `Prefer: code=${code} is not a documented response of ${operation.operationId}; documented: ${codes}.`,
    );
  }
  if (code < 300) {
    if (Object.keys(preferred.contentTypes).length > 0) return false;
    res.status(code).end();
    return true;
  }
  if (code === 429 && preferred.headers.some((name) => name.toLowerCase() === 'retry-after'))
    res.setHeader('Retry-After', PREFERRED_RETRY_AFTER);
  throw module.documentedError(code, operation);
}
