/** Logicdialog Analytics API: sixteen report endpoints behind `Bearer <prefix>_<apiKey>` keys. */
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ApiModule, Caller } from '../../core/api.js';
import { classifySecret, readBearer } from '../../core/credentials.js';
import { documentedErrors, MockError } from '../../core/errors.js';
import { OPERATION_IDS } from './operations.js';
import { probes } from './probes.js';
import { handlers } from './routes.js';
import { sample } from './sample.js';

/** The messages of the spec's examples, by status (the vendor publishes none). */
const DOCUMENTED: Record<number, string> = {
  400: 'Invalid query parameter: send dateFrom, dateTo and client, and a resolution of hour, day, week, month or quarter.',
  401: "Missing or malformed Authorization header: expected 'Bearer <prefix>_<apiKey>'.",
  403: 'The API key does not have the "Fetch Analytics" permission.',
  500: 'Internal server error.',
};

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="logicdialog"' };

/** Reads `Bearer <prefix>_<apiKey>`: the secret is everything after the first underscore. */
function authenticate(req: Request): Caller {
  const bearer = readBearer(req.headers.authorization);
  if (bearer.kind !== 'ok') throw new MockError(401, DOCUMENTED[401] as string, { headers: CHALLENGE });
  const underscore = bearer.value.indexOf('_');
  if (underscore <= 0 || underscore === bearer.value.length - 1) {
    throw new MockError(
      401,
      "Malformed API key: expected 'Bearer <prefix>_<apiKey>', the key's prefix and its secret joined by an underscore.",
      { headers: CHALLENGE },
    );
  }
  const secret = bearer.value.slice(underscore + 1);
  const kind = classifySecret(secret);
  if (kind === 'expired') {
    throw new MockError(401, 'The API key has expired. Create a new key in Edit Profile > API keys.', {
      headers: CHALLENGE,
    });
  }
  if (kind === 'forbidden') throw new MockError(403, DOCUMENTED[403] as string);
  // No role narrows what a key with "Fetch Analytics" may read.
  return { credential: secret, role: 'admin' };
}

/** Every failure as `{ statusCode, error, message }`. */
function sendError(res: Response, error: MockError): void {
  res.status(error.status).json({
    statusCode: error.status,
    error: STATUS_CODES[error.status] ?? 'Error',
    message: error.message,
  });
}

/** The Logicdialog API module. */
export const logicdialog: ApiModule = {
  name: 'logicdialog',
  title: 'Logicdialog Analytics API',
  sample,
  operationIds: OPERATION_IDS,
  handlers,
  authenticate,
  sendError,
  documentedError: documentedErrors(DOCUMENTED, (status) => STATUS_CODES[status] ?? `HTTP ${status}`),
  probes,
};
