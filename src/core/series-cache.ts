/**
 * What the bucket summer (series.ts) remembers about named hourly quantities: each name's short id
 * and label tuples, the sums of whole UTC days, and whole answers. Bounded: days about 8 MB, answers
 * about 4 MB (weights are approximate bytes).
 */
import { BoundedCache } from './bounded-cache.js';
import type { BucketSums } from './series.js';

/**
 * Label tuples numbered as components (the groups of a grouped series), in order of first use: the
 * same tuple is always the same component of one Groups.
 */
export class Groups {
  private readonly byKey = new Map<string, number>();
  private readonly tuples: (readonly string[])[] = [];

  /** The component of a label tuple. */
  component(labels: readonly string[]): number {
    const key = JSON.stringify(labels);
    let component = this.byKey.get(key);
    if (component === undefined) {
      component = this.tuples.length;
      this.byKey.set(key, component);
      this.tuples.push([...labels]);
    }
    return component;
  }

  /** The label tuple of a component. */
  labels(component: number): readonly string[] {
    return this.tuples[component] ?? [];
  }
}

/** A name's cache identity: a short id for keys, and the Groups its components are numbered by. */
export interface NameEntry {
  id: string;
  groups: Groups;
}

// Names are long (they hold the knobs); keys use a short id per name instead, so a lookup hashes a
// few characters. Ids are never reused, so forgetting the names (when there are too many) only
// strands old entries until the caches evict them. Callers sum one name bucket after bucket: the
// last one is remembered.
const entries = new Map<string, NameEntry>();
const NAME_LIMIT = 10_000;
let nextId = 0;
let last: { name: string; entry: NameEntry } | undefined;

/** The entry of a name (created on first use). */
export function nameEntry(name: string): NameEntry {
  if (last?.name === name) return last.entry;
  let entry = entries.get(name);
  if (entry === undefined) {
    if (entries.size >= NAME_LIMIT) entries.clear();
    entry = { id: `${nextId++}:`, groups: new Groups() };
    entries.set(name, entry);
  }
  last = { name, entry };
  return entry;
}

/**
 * The Groups that number the components of a named series: pass it to the summer with the same
 * name (`{ name, groups }`) so that cached sums and fresh ones agree on what each component is.
 */
export function groupsOf(name: string): Groups {
  return nameEntry(name).groups;
}

/**
 * The sums of a run of hours (a whole UTC day, or a part of one) as (component, sum) pairs in order
 * of first addition, or null when an hour of it is not an integer (such runs are summed hour by
 * hour, never from here).
 */
export type DayRun = number[] | null;

const days = new BoundedCache<DayRun>(8_000_000);
const answers = new BoundedCache<BucketSums>(4_000_000);

/** The cached run of a name's hours [first, last], if any. */
export function runOf(entry: NameEntry, first: number, last: number): DayRun | undefined {
  return days.peek(`${entry.id}${first}:${last}`);
}

/** Remembers the run of a name's hours [first, last]. */
export function rememberRun(entry: NameEntry, first: number, last: number, run: DayRun): void {
  days.set(`${entry.id}${first}:${last}`, run, 160 + 8 * (run?.length ?? 0));
}

/** The cached sums of a name for a key (window, unit, live hours), if any. */
export function sumsOf(entry: NameEntry, key: string): BucketSums | undefined {
  return answers.peek(`${entry.id}${key}`);
}

/** Remembers a name's sums for a key (kept as given: callers get copies). */
export function rememberSums(entry: NameEntry, key: string, sums: BucketSums): void {
  let cells = 0;
  for (const row of sums.values) if (row) cells += row.length;
  answers.set(`${entry.id}${key}`, sums, 200 + 16 * sums.starts.length + 8 * cells);
}
