/** Chatlayer (Sinch) Analytics API: conversation series of bots and teams, and conversation flows. */
import type { Request, Response } from 'express';
import type { ApiModule, Caller } from '../../core/api.js';
import { classifySecret, readBasic } from '../../core/credentials.js';
import { documentedErrors, MockError } from '../../core/errors.js';
import { loadSpec, resolveRef, type SpecOperation } from '../../core/spec.js';
import { OPERATION_IDS } from './operations.js';
import { probes } from './probes.js';
import { handlers } from './routes.js';
import { sample } from './sample.js';
import { statusBody } from './status.js';
import { forgetCreated } from './store.js';

/** Messages for statuses the spec gives no example for. */
const FALLBACK: Record<number, string> = {
  400: 'invalid argument',
  401: 'missing or malformed credentials: send HTTP Basic auth with tokenId:tokenSecret',
  403: 'permission denied',
  404: 'not found',
  500: 'internal error',
};

const fromFallback = documentedErrors(FALLBACK);

/** The example message the spec documents for an operation's status, if any. */
function exampleMessage(operation: SpecOperation, status: number): string | undefined {
  const responses = operation.raw.responses as Record<string, unknown> | undefined;
  const raw = responses?.[String(status)];
  // Shared error responses are $refs into components.responses.
  const response = (raw === undefined ? undefined : resolveRef(loadSpec('chatlayer').document, raw)) as
    | { content?: Record<string, { example?: { message?: unknown } }> }
    | undefined;
  const message = response?.content?.['application/json']?.example?.message;
  return typeof message === 'string' ? message : undefined;
}

function authenticate(req: Request, operation: SpecOperation): Caller {
  const basic = readBasic(req.headers.authorization);
  if (basic.kind === 'missing') {
    throw new MockError(
      401,
      'missing credentials: send HTTP Basic auth with tokenId:tokenSecret (curl --user tokenId:tokenSecret)',
    );
  }
  if (basic.kind === 'malformed') throw new MockError(401, `malformed credentials: ${basic.why}`);
  const kind = classifySecret(basic.value.secret);
  if (kind === 'expired') throw new MockError(401, 'token expired: create a new API token in Chatlayer');
  if (kind === 'forbidden') {
    const what = operation.path.startsWith('/v1/teams/') ? 'team' : 'bot';
    throw new MockError(403, `permission denied: the token has no access to this ${what}`);
  }
  // Chatlayer documents no roles: every accepted token may read everything of its team.
  return { credential: basic.value.id, role: 'admin' };
}

function sendError(res: Response, error: MockError): void {
  res.status(error.status).json(statusBody(error.status, error.message));
}

/** The Chatlayer API module. */
export const chatlayer: ApiModule = {
  name: 'chatlayer',
  title: 'Chatlayer Analytics API',
  sample,
  operationIds: OPERATION_IDS,
  handlers,
  authenticate,
  sendError,
  forget: forgetCreated,
  documentedError(status, operation) {
    const example = exampleMessage(operation, status);
    return example === undefined ? fromFallback(status) : new MockError(status, example);
  },
  probes,
};
