/**
 * Stateless pages over items generated hour by hour (tracking events, app logs), oldest first.
 * A page token names the query it belongs to and the last item sent (hour, instant, id), so any
 * process with the same seed resumes it; a page scans at most SCAN_HOURS hours, and may then come
 * back short with a token (the vendor: "the service may return fewer than this value").
 */
import { MockError } from '../../core/errors.js';
import { hashKey } from '../../core/rng.js';
import { showValue } from '../../core/show-value.js';
import type { Window } from '../../core/time.js';

/** An item with its instant and a unique id. */
export interface Timed {
  id: string;
  ms: number;
}

/** What a page walks. */
export interface PagerQuery<T extends Timed> {
  /** Everything that makes the stream what it is (seed, scope, window, filters): a token belongs to it. */
  scope: readonly (string | number)[];
  window: Window;
  /** Hours (inclusive) that can hold generated items; empty when first > last. */
  first: number;
  last: number;
  /** Sorted hours outside [first, last] that hold other items (a client's tracked events). */
  extraHours: readonly number[];
  /** The items of an hour that pass the filters, sorted by instant then id. */
  itemsIn(hour: number): T[];
  pageSize: number;
}

/** The most hours one page scans (a month): a narrow filter over years still answers quickly. */
export const SCAN_HOURS = 744;
/** The page size when none (or 0 or less) is asked for (inferred). */
export const DEFAULT_PAGE_SIZE = 50;
/** Above this the vendor coerces page_size to it. */
export const MAX_PAGE_SIZE = 100;

/** The vendor's page_size rule: above 100 → 100; absent or not positive → 50 (inferred). */
export function pageSizeOf(value: unknown): number {
  const n = typeof value === 'number' ? value : 0;
  if (!(n > 0)) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

interface Position {
  hour: number;
  ms: number;
  id: string;
}

function hashOf(scope: readonly (string | number)[]): string {
  return hashKey(...scope).toString(36);
}

function encode(hash: string, p: Position): string {
  return Buffer.from(JSON.stringify([hash, p.hour, p.ms, p.id])).toString('base64url');
}

function decode(token: string, hash: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const bad = (why: string) =>
    new MockError(
      400,
      `Invalid page_token '${showValue(token)}': ${why}; send the next_page_token of the previous page with the same query, or no page_token for the first page.`,
    );
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[0] !== 'string' ||
    !Number.isSafeInteger(parsed[1]) ||
    !Number.isSafeInteger(parsed[2]) ||
    typeof parsed[3] !== 'string'
  )
    throw bad('it is not a page token of this API');
  if (parsed[0] !== hash) throw bad('it belongs to another query');
  return { hour: parsed[1], ms: parsed[2], id: parsed[3] };
}

/** The next hour to visit after `h` (a live hour or an extra one), or undefined past the last. */
function nextHour<T extends Timed>(q: PagerQuery<T>, h: number): number | undefined {
  const next = h + 1;
  const extra = q.extraHours.find((x) => x >= next);
  const live = q.first <= q.last && next <= q.last ? Math.max(next, q.first) : undefined;
  if (live === undefined) return extra;
  return extra === undefined ? live : Math.min(live, extra);
}

function firstHour<T extends Timed>(q: PagerQuery<T>): number | undefined {
  const candidates = [...(q.first <= q.last ? [q.first] : []), ...q.extraHours.slice(0, 1)];
  return candidates.length === 0 ? undefined : Math.min(...candidates);
}

/** One page of items and the token of the next ("" on the last). */
export function pageOf<T extends Timed>(
  q: PagerQuery<T>,
  token: string | undefined,
): { items: T[]; next: string } {
  const hash = hashOf(q.scope);
  const from = token ? decode(token, hash) : undefined;
  const items: T[] = [];
  let hour = from ? from.hour : firstHour(q);
  for (let scanned = 0; hour !== undefined; scanned++) {
    if (scanned >= SCAN_HOURS) return { items, next: encode(hash, { hour, ms: -1, id: '' }) };
    for (const item of q.itemsIn(hour)) {
      if (item.ms < q.window.start || item.ms >= q.window.end) continue;
      if (from && hour === from.hour && (item.ms < from.ms || (item.ms === from.ms && item.id <= from.id)))
        continue;
      items.push(item);
      if (items.length === q.pageSize)
        return { items, next: encode(hash, { hour, ms: item.ms, id: item.id }) };
    }
    hour = nextHour(q, hour);
  }
  return { items, next: '' };
}
