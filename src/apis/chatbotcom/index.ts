/** ChatBot.com Reports API: six reports of an account, errors in the ChatBot.com status envelope. */
import type { Request, Response } from 'express';
import type { ApiModule, Caller } from '../../core/api.js';
import { classifySecret, readBearer } from '../../core/credentials.js';
import { documentedErrors, MockError } from '../../core/errors.js';
import { isoMs } from '../../core/time.js';
import { OPERATION_IDS } from './operations.js';
import { probes } from './probes.js';
import { handlers } from './routes.js';
import { sample } from './sample.js';

/** The message of each status when the mock is asked for it (`Prefer: code=`, scenarios). */
const DOCUMENTED: Record<number, string> = {
  400: 'Incorrect request',
  401: 'Invalid or expired access token',
  403: 'Access token does not grant access to reports',
  404: 'Resource does not exist',
  408: 'Request timeout',
  429: 'Too many requests',
  500: 'Internal server error',
  504: 'Gateway timeout',
};

const EXPECTED = 'expected "Authorization: Bearer <developer access token>"';
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="api.chatbot.com"' };

function authenticate(req: Request): Caller {
  const header = req.headers.authorization;
  const bearer = readBearer(header);
  if (bearer.kind === 'missing')
    throw new MockError(401, `Missing authorization header; ${EXPECTED}`, { headers: CHALLENGE });
  if (bearer.kind === 'malformed') {
    const message = /^Bearer\s*$/i.test(header ?? '')
      ? `Missing access token; ${EXPECTED}`
      : 'Wrong authorization type; expected "Bearer"';
    throw new MockError(401, message, { headers: CHALLENGE });
  }
  const kind = classifySecret(bearer.value);
  if (kind === 'expired') {
    throw new MockError(401, DOCUMENTED[401] as string, {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
  if (kind === 'forbidden') throw new MockError(403, DOCUMENTED[403] as string);
  // The token names the account (inferred); `viewer` reads every report like any other token.
  return { credential: bearer.value, role: kind === 'viewer' ? 'viewer' : 'admin' };
}

/** Every error in the documented status envelope, with `type: "error"` and a message (inferred). */
function sendError(res: Response, error: MockError, { now }: { now: number }): void {
  // The router's 404 says which path it did not find; the vendor's wording goes first.
  const message = error.code === 'not_found' ? `${DOCUMENTED[404]}: ${error.message}` : error.message;
  res.status(error.status).json({
    timestamp: isoMs(now),
    status: { code: error.status, type: 'error', message },
  });
}

/** The ChatBot.com module. */
export const chatbotcom: ApiModule = {
  name: 'chatbotcom',
  title: 'ChatBot.com Reports API',
  sample,
  operationIds: OPERATION_IDS,
  handlers,
  authenticate,
  sendError,
  documentedError: documentedErrors(DOCUMENTED),
  probes,
};
