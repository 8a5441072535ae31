/** General Bots (botserver) Analytics API: usage, conversations, engagement, reports and realtime. */
import type { Request, Response } from 'express';
import type { ApiModule, Caller } from '../../core/api.js';
import { classifySecret, readBearer } from '../../core/credentials.js';
import { type DocumentedText, documentedErrors, MockError } from '../../core/errors.js';
import type { SpecOperation } from '../../core/spec.js';
import { OPERATION_IDS } from './operations.js';
import { probes } from './probes.js';
import { forgetReports } from './reports.js';
import { handlers } from './routes.js';
import { sample } from './sample.js';
import { API } from './scope.js';

/** The error codes of the spec's ErrorDetail; any other code is replaced by the status's own. */
const CODES = new Set([
  'invalid_parameter',
  'invalid_body',
  'missing_token',
  'invalid_token',
  'expired_token',
  'insufficient_permissions',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'internal_error',
]);

const CODE_OF_STATUS: Record<number, string> = {
  400: 'invalid_parameter',
  401: 'invalid_token',
  403: 'insufficient_permissions',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'invalid_body',
};

/** The vendor's response-code table: the documented text of each status. */
const DOCUMENTED: Record<number, Required<DocumentedText>> = {
  400: { code: 'invalid_parameter', message: 'Bad Request (invalid parameters)' },
  401: { code: 'missing_token', message: 'Unauthorized' },
  403: { code: 'insufficient_permissions', message: 'Forbidden (insufficient permissions)' },
  404: { code: 'not_found', message: 'Not Found' },
  413: { code: 'payload_too_large', message: 'Payload Too Large' },
  415: { code: 'invalid_body', message: 'Unsupported Media Type' },
  500: { code: 'internal_error', message: 'Internal Server Error' },
};

const REALM = 'Bearer realm="generalbots"';

function unauthorized(code: string, message: string): MockError {
  const challenge = code === 'missing_token' ? REALM : `${REALM}, error="invalid_token"`;
  return new MockError(401, message, { code, headers: { 'WWW-Authenticate': challenge } });
}

/** The token of a request: `Authorization: Bearer <token>` wins over `X-API-Key: <token>`. */
function readToken(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization !== undefined && authorization.trim() !== '') {
    const bearer = readBearer(authorization);
    if (bearer.kind === 'ok') return bearer.value;
    throw unauthorized('invalid_token', "Invalid Authorization header: expected 'Bearer <token>'.");
  }
  const apiKey = req.headers['x-api-key'];
  const key = (Array.isArray(apiKey) ? apiKey[0] : apiKey)?.trim();
  if (key) return key;
  throw unauthorized(
    'missing_token',
    "Missing credentials: send 'Authorization: Bearer <token>' or an 'X-API-Key' header.",
  );
}

/** The roles that may call an operation (`x-required-roles` in the spec). */
function requiredRoles(operation: SpecOperation): string[] {
  const roles = operation.raw['x-required-roles'];
  return Array.isArray(roles) ? roles.map(String) : ['admin'];
}

function authenticate(req: Request, operation: SpecOperation): Caller {
  const token = readToken(req);
  const kind = classifySecret(token);
  if (kind === 'expired')
    throw unauthorized('expired_token', 'Token has expired: obtain a new token and retry.');
  if (kind === 'forbidden') {
    throw new MockError(403, 'Insufficient permissions: this token has no analytics role.', {
      code: 'insufficient_permissions',
    });
  }
  const roles = requiredRoles(operation);
  if (kind === 'viewer' && !roles.includes('analytics_viewer')) {
    throw new MockError(
      403,
      `Insufficient permissions: this endpoint requires the ${roles.join(' or ')} role; the token has analytics_viewer.`,
      { code: 'insufficient_permissions' },
    );
  }
  return { credential: token, role: kind === 'viewer' ? 'viewer' : 'admin' };
}

/** Every error in the project's envelope: `{ success: false, data: null, error: { code, message } }`. */
function sendError(res: Response, error: MockError): void {
  const code =
    error.code !== undefined && CODES.has(error.code)
      ? error.code
      : (CODE_OF_STATUS[error.status] ?? (error.status >= 500 ? 'internal_error' : 'invalid_parameter'));
  res.status(error.status).json({ success: false, data: null, error: { code, message: error.message } });
}

/** The General Bots module. */
export const generalbots: ApiModule = {
  name: API,
  title: 'General Bots Analytics API',
  sample,
  operationIds: OPERATION_IDS,
  handlers,
  forget: forgetReports,
  authenticate,
  sendError,
  documentedError: documentedErrors(DOCUMENTED, (status) => ({
    message: `HTTP ${status}`,
    code: CODE_OF_STATUS[status] ?? 'internal_error',
  })),
  probes,
};
