/** The ranked intent list of a window and its cursor pagination (first/after, last/before). */
import { MockError } from '../../core/errors.js';
import { showValue } from '../../core/show-value.js';
import type { LabelTotal } from './conversation-series.js';

/** One ranked item (doc shape IntentInfo). */
export interface IntentInfo {
  intent_id: string;
  count: number;
  rank: number;
}

/** A page of the list and where it sits (doc shape Pagination). */
export interface IntentsPage {
  data: IntentInfo[];
  pagination: { start_cursor: string; end_cursor: string; has_more: boolean };
}

/** Without first/last, a page holds this many (inferred). */
export const DEFAULT_PAGE = 10;

/** The ranking of intents by their window totals (those above 0): most first, ties by id; ranks from 1. */
export function rankIntents(totals: readonly LabelTotal[]): IntentInfo[] {
  return totals
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1))
    .map((t, index) => ({ intent_id: t.label, count: t.total, rank: index + 1 }));
}

/** A cursor names a rank: stateless, and opaque to clients (inferred format). */
export function cursorOf(rank: number): string {
  return Buffer.from(`rank:${rank}`).toString('base64url');
}

function rankOf(name: string, cursor: string): number {
  const match = /^rank:([1-9]\d{0,5})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${showValue(cursor)}' is not a cursor of this list; send a start_cursor or end_cursor from a previous answer.`,
    );
  }
  return Number(match[1]);
}

/** What a page request asks for. */
export interface PageRequest {
  after?: string;
  before?: string;
  first?: number;
  last?: number;
}

/**
 * One page: the items after `after` and before `before`; `last` takes the end of that range
 * (backward paging), else `first` (default 10) its start. `has_more`: items remain beyond the
 * page in the direction of paging.
 */
export function pageOf(ranked: readonly IntentInfo[], page: PageRequest): IntentsPage {
  const lo = page.after === undefined ? 1 : rankOf('after', page.after) + 1;
  const hi =
    page.before === undefined ? ranked.length : Math.min(ranked.length, rankOf('before', page.before) - 1);
  let from: number;
  let to: number;
  let hasMore: boolean;
  if (page.last !== undefined && page.first === undefined) {
    to = hi;
    from = Math.max(lo, hi - page.last + 1);
    hasMore = from > lo;
  } else {
    from = lo;
    to = Math.min(hi, lo + (page.first ?? DEFAULT_PAGE) - 1);
    hasMore = to < hi;
  }
  const data = from <= to ? ranked.slice(from - 1, to) : [];
  const first = data[0];
  const last = data.at(-1);
  return {
    data,
    pagination: {
      start_cursor: first ? cursorOf(first.rank) : '',
      end_cursor: last ? cursorOf(last.rank) : '',
      has_more: data.length > 0 && hasMore,
    },
  };
}
