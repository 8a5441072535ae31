/** DigitalCX handlers: thin glue between validated requests, the log reader and the wire format. */
import type { Response } from 'express';
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { CsvChunk } from '../../core/csv-chunk.js';
import { MockError } from '../../core/errors.js';
import { hashKey } from '../../core/rng.js';
import { streamChunks } from '../../core/stream.js';
import { decodeToken, encodeToken } from '../../core/tokens.js';
import { Utf8Chunk } from '../../core/utf8-chunk.js';
import { csvHeader, jsonRow, writeCsvRow } from './columns.js';
import type { Interaction } from './interactions.js';
import { readHours, readPage } from './log-reader.js';
import type { OperationId } from './operations.js';
import { pageBody } from './page-bytes.js';
import { projectOf } from './project.js';
import { type InteractionsQuery, queryHash, readQuery, unknownProjectMessage } from './query.js';

/** The magic key that names no customer or project (vendor's documented 400). */
export const UNKNOWN_KEY = 'unknown';

function wantsJson(input: OperationInput): boolean {
  return /\bapplication\/json\b/i.test(String(input.req.headers.accept ?? ''));
}

/** Bytes a record takes, about: a chunk is sized for its rows up front. */
const RECORD_BYTES = 600;
/**
 * Records per chunk at most: a busy hour's rows go out in several chunks of about 150 KB, so that
 * each of many concurrent streams holds one small chunk, not a megabyte, while the socket drains.
 */
const CHUNK_ROWS = 256;

/** Slices of at most CHUNK_ROWS rows, hour after hour. */
function* slices(rowGroups: Iterable<Interaction[]>): Generator<Interaction[]> {
  for (const rows of rowGroups) {
    if (rows.length <= CHUNK_ROWS) yield rows;
    else for (let at = 0; at < rows.length; at += CHUNK_ROWS) yield rows.slice(at, at + CHUNK_ROWS);
  }
}

/** The body, a chunk of at most CHUNK_ROWS rows at a time, as UTF-8 bytes (see core/utf8-chunk.ts). */
function* bodyChunks(
  rowGroups: Iterable<Interaction[]>,
  json: boolean,
  userInfo: boolean,
  delimiter: string,
): Generator<Buffer> {
  if (json) {
    yield Buffer.from('[');
    let first = true;
    for (const rows of slices(rowGroups)) {
      if (rows.length === 0) continue;
      const chunk = new Utf8Chunk(rows.length * RECORD_BYTES);
      for (const row of rows) {
        if (!first) chunk.add(',');
        chunk.add(JSON.stringify(jsonRow(row, userInfo)));
        first = false;
      }
      yield chunk.bytes();
    }
    yield Buffer.from(']');
    return;
  }
  yield Buffer.from(csvHeader(delimiter));
  for (const rows of slices(rowGroups)) {
    if (rows.length === 0) continue;
    const chunk = new CsvChunk(delimiter, rows.length * RECORD_BYTES);
    for (const row of rows) writeCsvRow(chunk, row, userInfo);
    yield chunk.bytes();
  }
}

const getInteractions: OperationHandler = async (input, res: Response) => {
  const { customerKey, projectKey } = input.path as { customerKey: string; projectKey: string };
  if (customerKey === UNKNOWN_KEY || projectKey === UNKNOWN_KEY) {
    throw new MockError(400, unknownProjectMessage(customerKey, projectKey));
  }
  const { seed, clock, knobs } = input.ctx;
  const q: InteractionsQuery = readQuery(input.query, clock);
  const project = projectOf(customerKey, projectKey);
  const json = wantsJson(input);
  // Only admins and content engineers see user info; the magic `viewer` is neither (vendor doc).
  const userInfo = q.includeUserInfo && input.caller.role === 'admin';
  res.status(200).type(json ? 'application/json' : 'text/csv');

  if (!q.paginate) {
    await streamChunks(
      res,
      bodyChunks(readHours(seed, project, q, knobs), json, userInfo, knobs.csvDelimiter),
    );
    return;
  }
  const hash = queryHash(customerKey, projectKey, q);
  const from =
    q.continuationToken === undefined
      ? undefined
      : decodeToken(seed, hash, q.continuationToken, 'continuationToken');
  const page = readPage(seed, project, q, knobs, from, Math.max(1, Math.floor(knobs.pageSize)));
  if (from && page.rows.length === 0) {
    // A 204 has no body, so nothing for a Content-Type to describe.
    res.removeHeader('Content-Type');
    res.status(204).end();
    return;
  }
  res.setHeader('continuationToken', encodeToken(seed, hash, page.next));
  res.send(pageBody(page, { json, userInfo, delimiter: knobs.csvDelimiter }));
};

/** Access tokens: magic client secrets pass through as the magic token of the same name. */
const MAGIC_SECRETS = new Set(['viewer', 'forbidden']);

const postToken: OperationHandler = (input, res: Response) => {
  const body = (input.body ?? {}) as Record<string, string | undefined>;
  if (body.grant_type !== 'client_credentials') {
    throw new MockError(
      400,
      `AADSTS70003: The grant_type '${body.grant_type ?? ''}' is not supported; send grant_type=client_credentials.`,
      {
        code: 'unsupported_grant_type',
      },
    );
  }
  const clientId = body.client_id ?? '';
  const secret = body.client_secret ?? '';
  if (secret === 'expired') {
    throw new MockError(401, 'AADSTS7000222: The provided client secret keys are expired.', {
      code: 'invalid_client',
    });
  }
  const accessToken = MAGIC_SECRETS.has(secret)
    ? secret
    : `mock.${Buffer.from(clientId).toString('base64url')}.${hashKey(input.ctx.seed, clientId, secret).toString(36)}`;
  const expiresOn = Math.floor(input.ctx.now / 1000) + 3599;
  res.status(200).json({
    token_type: 'Bearer',
    expires_in: '3599',
    ext_expires_in: '3599',
    expires_on: String(expiresOn),
    not_before: String(expiresOn - 3599),
    resource: body.resource ?? 'https://digitalcx.onmicrosoft.com/external-api',
    access_token: accessToken,
  });
};

/** Handlers by operationId: the token at the mock's own path and at the vendor's tenant path. */
export const handlers = {
  getInteractions,
  postToken,
  postTenantToken: postToken,
} satisfies Record<OperationId, OperationHandler>;
