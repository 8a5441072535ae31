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

/**
 * The auth layer's errors (botserver `src/security/auth_api/error.rs`): status, string code and the
 * server's exact message. They are answered flat, `{ "error": <code>, "message": <text> }`.
 */
const AUTH_ERRORS: Record<string, { status: number; message: string }> = {
  missing_token: { status: 401, message: 'Authentication token is required' },
  invalid_token: { status: 401, message: 'Invalid authentication token' },
  expired_token: { status: 401, message: 'Authentication token has expired' },
  invalid_api_key: { status: 401, message: 'Invalid API key' },
  insufficient_permissions: { status: 403, message: "You don't have permission to access this resource" },
};

/** The server's HTTP rate limiter (botserver `src/security/rate_limiter.rs`): flat, with the wait in seconds. */
const RATE_LIMITED = { code: 'rate_limit_exceeded', message: 'Too many requests. Please slow down.' };

/**
 * The vendor's documented error of each status (`Prefer: code=`, scenarios). A forced 401 is the one
 * a client's refresh path expects (the token has expired); 401, 403 and 429 carry the server's code,
 * the others are answered in the envelope with the message alone.
 */
const DOCUMENTED: Record<number, string | DocumentedText> = {
  400: 'Bad Request (invalid parameters)',
  401: { code: 'expired_token', message: AUTH_ERRORS.expired_token?.message as string },
  403: { code: 'insufficient_permissions', message: AUTH_ERRORS.insufficient_permissions?.message as string },
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: { code: RATE_LIMITED.code, message: RATE_LIMITED.message },
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
};

const REALM = 'Bearer realm="generalbots"';

/** One of the auth layer's errors, with the Bearer challenge on a 401. */
function authError(code: keyof typeof AUTH_ERRORS): MockError {
  const { status, message } = AUTH_ERRORS[code] as { status: number; message: string };
  if (status !== 401) return new MockError(status, message, { code });
  const challenge = code === 'missing_token' ? REALM : `${REALM}, error="invalid_token"`;
  return new MockError(401, message, { code, headers: { 'WWW-Authenticate': challenge } });
}

/**
 * The token of a request: `X-API-Key: <token>` wins over `Authorization: Bearer <token>`, as the
 * server's auth layer reads the API key first (botserver src/security/auth_api/utils.rs,
 * extract_user_from_request). As in the server, an Authorization header of another scheme counts as
 * none, and an empty API key or bearer token is invalid.
 */
function readToken(req: Request): string {
  const apiKey = req.headers['x-api-key'];
  const key = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  if (key !== undefined) {
    if (key.trim() === '') throw authError('invalid_api_key');
    return key.trim();
  }
  const authorization = req.headers.authorization?.trim() ?? '';
  if (/^Bearer(\s|$)/i.test(authorization)) {
    const bearer = readBearer(authorization);
    if (bearer.kind === 'ok') return bearer.value;
    throw authError('invalid_token');
  }
  throw authError('missing_token');
}

/** The roles that may call an operation (`x-required-roles` in the spec). */
function requiredRoles(operation: SpecOperation): string[] {
  const roles = operation.raw['x-required-roles'];
  return Array.isArray(roles) ? roles.map(String) : ['admin'];
}

function authenticate(req: Request, operation: SpecOperation): Caller {
  const token = readToken(req);
  const kind = classifySecret(token);
  if (kind === 'expired') throw authError('expired_token');
  if (kind === 'forbidden') throw authError('insufficient_permissions');
  // The roles an operation needs are in the spec (x-required-roles); the server's 403 does not name them.
  if (kind === 'viewer' && !requiredRoles(operation).includes('analytics_viewer'))
    throw authError('insufficient_permissions');
  return { credential: token, role: kind === 'viewer' ? 'viewer' : 'admin' };
}

/**
 * Auth-layer errors (401, 403) and the rate limiter's 429 flat, as the server's middleware answers
 * them; every other error in the `ApiResponse` envelope, whose `error` is the message string.
 */
function sendError(res: Response, error: MockError): void {
  if (error.status === 401 || error.status === 403) {
    const code = error.code !== undefined && error.code in AUTH_ERRORS ? error.code : 'invalid_token';
    res.status(error.status).json({ error: code, message: error.message });
    return;
  }
  if (error.status === 429) {
    // The body repeats the wait the Retry-After header gives (a scenario sets the header).
    const wait = Number(res.get('Retry-After'));
    const body: Record<string, unknown> = { error: RATE_LIMITED.code, message: error.message };
    if (Number.isInteger(wait) && wait >= 0) body.retry_after_secs = wait;
    res.status(429).json(body);
    return;
  }
  res.status(error.status).json({ success: false, data: null, error: error.message });
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
  documentedError: documentedErrors(DOCUMENTED),
  probes,
};
