/** `Prefer: code=<status>` (Prism's convention): answer with one of the operation's documented responses. */
import type { Response } from 'express';
import type { ApiModule } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import type { SpecOperation } from '../../core/spec.js';

/**
 * Answers a preferred status. Returns true when answered (a 2xx documented without a body), false
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
  if (!operation.responses.some((r) => r.status === String(code))) {
    const codes = operation.responses.map((r) => r.status).join(', ');
    throw new MockError(
      400,
      `Prefer: code=${code} is not a documented response of ${operation.operationId}; documented: ${codes}.`,
    );
  }
  if (code < 300) {
    const preferred = operation.responses.find((r) => r.status === String(code));
    if (Object.keys(preferred?.contentTypes ?? {}).length > 0) return false;
    res.status(code).end();
    return true;
  }
  throw module.documentedError(code, operation);
}
