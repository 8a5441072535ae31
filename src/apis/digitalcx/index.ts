/** DigitalCX (CM.com) Analytics API: the interaction log as CSV or JSON, and the OAuth2 token endpoint. */
import type { Request, Response } from 'express';
import type { ApiModule, Caller } from '../../core/api.js';
import { classifySecret, readBearer } from '../../core/credentials.js';
import { documentedErrors, MockError } from '../../core/errors.js';
import type { SpecOperation } from '../../core/spec.js';
import { NAMED_ERRORS } from './named-errors.js';
import { OPERATION_IDS } from './operations.js';
import { probes } from './probes.js';
import { handlers } from './routes.js';
import { sample } from './sample.js';

/** The vendor's documented messages by status (400 has two; the first is the generic one). */
const DOCUMENTED: Record<number, string> = {
  400: 'End date cannot be earlier than start date.',
  401: 'Unauthorized',
  403: 'Forbidden',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Something went wrong',
  504: 'Gateway Timeout',
};

/** The token endpoint, at `/oauth2/token` and at the vendor's tenant path: no bearer, Azure AD errors. */
const TOKEN_OPERATIONS = new Set(['postToken', 'postTenantToken']);

function authenticate(req: Request, operation: SpecOperation): Caller {
  if (TOKEN_OPERATIONS.has(operation.operationId)) return { credential: '', role: 'admin' };
  const bearer = readBearer(req.headers.authorization);
  const challenge = { 'WWW-Authenticate': 'Bearer realm="analytics.digitalcx.com"' };
  if (bearer.kind === 'missing') {
    throw new MockError(401, 'Unauthorized: send Authorization: Bearer <access token from /oauth2/token>.', {
      headers: challenge,
    });
  }
  if (bearer.kind === 'malformed')
    throw new MockError(401, `Unauthorized: ${bearer.why}.`, { headers: challenge });
  const kind = classifySecret(bearer.value);
  if (kind === 'expired') {
    throw new MockError(401, 'Unauthorized: the access token has expired; request a new one.', {
      headers: {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token is expired"',
      },
    });
  }
  if (kind === 'forbidden') throw new MockError(403, 'Forbidden');
  return { credential: bearer.value, role: kind === 'viewer' ? 'viewer' : 'admin' };
}

function sendError(res: Response, error: MockError): void {
  const route = res.locals.route as { operationId?: string | null } | undefined;
  if (TOKEN_OPERATIONS.has(route?.operationId ?? '')) {
    // The token endpoint emulates Azure AD, which answers OAuth2 errors as JSON.
    res
      .status(error.status)
      .json({ error: error.code ?? 'invalid_request', error_description: error.message });
    return;
  }
  // The Analytics API answers errors as the bare message (vendor doc lists the message strings only).
  if (error.status === 403) {
    res.status(403).end();
    return;
  }
  res.status(error.status).type('text/plain').send(error.message);
}

/** The DigitalCX API module. */
export const digitalcx: ApiModule = {
  name: 'digitalcx',
  title: 'DigitalCX Analytics API',
  sample,
  operationIds: OPERATION_IDS,
  handlers,
  authenticate,
  sendError,
  documentedError: documentedErrors(DOCUMENTED),
  errors: NAMED_ERRORS,
  probes,
};
