/** Stateless pages of a short list (definitions, subscriptions): the token names the query and an offset. */
import { MockError } from '../../core/errors.js';
import { hashKey } from '../../core/rng.js';
import { showValue } from '../../core/show-value.js';

/** A page of `items` after the token's offset, and the token of the next page ("" on the last). */
export function listPage<T>(
  items: readonly T[],
  scope: readonly (string | number)[],
  pageSize: number,
  token: string | undefined,
): { items: T[]; next: string } {
  const hash = hashKey('list', ...scope).toString(36);
  let offset = 0;
  if (token) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed[0] !== hash || !Number.isSafeInteger(parsed[1]) || parsed[1] < 0) {
      throw new MockError(
        400,
        `Invalid page_token '${showValue(token)}': it is not a page token of this list and query; send the next_page_token of the previous page, or no page_token for the first page.`,
      );
    }
    offset = parsed[1] as number;
  }
  const page = items.slice(offset, offset + pageSize);
  const end = offset + page.length;
  return {
    items: page,
    next: end < items.length ? Buffer.from(JSON.stringify([hash, end])).toString('base64url') : '',
  };
}
