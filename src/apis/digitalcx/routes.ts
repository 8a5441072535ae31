/** DigitalCX handlers: thin glue between validated requests, the log reader and the wire format. */
import type { Response } from 'express';
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { hashKey } from '../../core/rng.js';
import { streamChunks } from '../../core/stream.js';
import { decodeToken, encodeToken } from '../../core/tokens.js';
import type { Interaction } from './interactions.js';
import { type PagePart, readHours, readPage } from './log-reader.js';
import type { OperationId } from './operations.js';
import { bodyHead, bodyTail, type PageFormat, pageBody, partSlices, writeRows } from './page-bytes.js';
import { projectOf } from './project.js';
import { type InteractionsQuery, queryHash, readQuery, unknownProjectMessage } from './query.js';

/** The magic key that names no customer or project (vendor's documented 400). */
export const UNKNOWN_KEY = 'unknown';

function wantsJson(input: OperationInput): boolean {
  return /\bapplication\/json\b/i.test(String(input.req.headers.accept ?? ''));
}

/**
 * Records per chunk at most: a busy hour's rows go out in several chunks of about 150 KB, so that
 * each of many concurrent streams holds one small chunk, not a megabyte, while the socket drains.
 */
const CHUNK_ROWS = 256;

/**
 * The body, hour by hour: an hour whose rows are cached goes out as slices of its rows as written
 * once (page-bytes.ts), any other is written afresh, at most CHUNK_ROWS rows a chunk.
 */
function* bodyChunks(hours: Iterable<PagePart & { kept: boolean }>, format: PageFormat): Generator<Buffer> {
  yield bodyHead(format);
  let first = true;
  for (const part of hours) {
    if (part.indexes.length === 0) continue;
    if (part.kept) yield* partSlices(part, format, first);
    else {
      const rows = part.indexes.map((i) => part.hourRows[i] as Interaction);
      for (let at = 0; at < rows.length; at += CHUNK_ROWS)
        yield writeRows(rows.slice(at, at + CHUNK_ROWS), format, first && at === 0);
    }
    first = false;
  }
  const tail = bodyTail(format);
  if (tail !== '') yield Buffer.from(tail);
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
  const format: PageFormat = { json, userInfo, delimiter: knobs.csvDelimiter };
  res.status(200).type(json ? 'application/json' : 'text/csv');

  if (!q.paginate) {
    await streamChunks(res, bodyChunks(readHours(seed, project, q, knobs), format));
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
  res.send(pageBody(page, format));
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
