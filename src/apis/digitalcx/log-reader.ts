/** Reads the interaction log of a window hour by hour: pages by cursor, or the whole window as a stream. */
import { BoundedCache } from '../../core/bounded-cache.js';
import { type Knobs, knobsKey } from '../../core/knobs.js';
import { MS_HOUR } from '../../core/time.js';
import type { Cursor } from '../../core/tokens.js';
import { type Interaction, interactionsInHour } from './interactions.js';
import type { Project } from './project.js';
import { type InteractionsQuery, matches } from './query.js';

/** The rows of a page that come from one hour: the hour's rows (as cached) and their positions in it. */
export interface PagePart {
  hourRows: readonly Interaction[];
  indexes: number[];
}

/** One page of rows, hour by hour, and where the next page starts. */
export interface Page {
  rows: Interaction[];
  parts: PagePart[];
  next: Cursor;
}

/**
 * Hours recently read, bounded to about 10,000 rows (~15 MB): the next page, a deep page asked again
 * and a repeated window are served without regenerating their hours. Rows are never mutated.
 */
const recentHours = new BoundedCache<Interaction[]>(10_000);

/**
 * A stream stores the hours it reads while they add up to half the cache. A window bigger than the
 * cache cannot be answered from it again (a repeated scan longer than an LRU misses every time), and
 * storing its hours only carries tens of thousands of rows into the old generation: a third of the
 * time of a high-volume day went to that garbage collection. A default day (about 2,600 rows) is kept.
 */
const ROWS_A_STREAM_STORES = 5_000;

const weigh = (rows: Interaction[]) => rows.length + 1;

function hourKey(seed: number, project: Project, hour: number, knobs: Knobs): string {
  return `${seed}\u0000${project.customerKey}\u0000${project.projectKey}\u0000${hour}\u0000${knobsKey(knobs)}`;
}

function hourRows(seed: number, project: Project, hour: number, knobs: Knobs): Interaction[] {
  const compute = () => interactionsInHour(seed, project, hour, knobs);
  return recentHours.get(hourKey(seed, project, hour, knobs), compute, weigh);
}

function firstHour(q: InteractionsQuery): number {
  return Math.floor(q.window.start / MS_HOUR);
}

function lastHour(q: InteractionsQuery): number {
  return Math.ceil(q.cutoff / MS_HOUR) - 1;
}

/**
 * Up to `size` matching rows from a cursor. Cost depends on the page, not on its position: the
 * cursor names an hour, and hours are generated directly, never replayed from the start.
 */
export function readPage(
  seed: number,
  project: Project,
  q: InteractionsQuery,
  knobs: Knobs,
  from: Cursor | undefined,
  size: number,
): Page {
  const rows: Interaction[] = [];
  const parts: PagePart[] = [];
  let hour = from ? Math.max(from.unit, firstHour(q)) : firstHour(q);
  let index = from && from.unit === hour ? from.index : 0;
  const last = lastHour(q);
  for (; hour <= last; hour++, index = 0) {
    const all = hourRows(seed, project, hour, knobs);
    let part: PagePart | undefined;
    for (; index < all.length; index++) {
      const row = all[index] as Interaction;
      if (!matches(row, q)) continue;
      if (rows.length === size) return { rows, parts, next: { unit: hour, index } };
      rows.push(row);
      if (part === undefined) {
        part = { hourRows: all, indexes: [] };
        parts.push(part);
      }
      part.indexes.push(index);
    }
  }
  return { rows, parts, next: { unit: last + 1, index: 0 } };
}

/**
 * Every matching row of the window, one hour at a time (for streaming): the hour's rows and the
 * positions of those that match, as a page's parts; `kept` says whether the hour's rows are the
 * cached ones (what is derived from them may be kept with them).
 */
export function* readHours(
  seed: number,
  project: Project,
  q: InteractionsQuery,
  knobs: Knobs,
): Generator<PagePart & { kept: boolean }> {
  let stored = 0;
  for (let hour = firstHour(q), last = lastHour(q); hour <= last; hour++) {
    const key = hourKey(seed, project, hour, knobs);
    let rows = recentHours.peek(key);
    let kept = rows !== undefined;
    if (!rows) {
      const computed = interactionsInHour(seed, project, hour, knobs);
      if (stored + computed.length <= ROWS_A_STREAM_STORES) {
        stored += computed.length;
        recentHours.get(key, () => computed, weigh);
        kept = true;
      }
      rows = computed;
    }
    const indexes: number[] = [];
    for (let i = 0; i < rows.length; i++) if (matches(rows[i] as Interaction, q)) indexes.push(i);
    yield { hourRows: rows, indexes, kept };
  }
}
