/**
 * Bucket sums of grouped hourly quantities: like core `bucketSums`, but one pass over the hours
 * fills every group, and only the hours that can hold data are visited.
 */
import { bucketsOf, MS_HOUR, type TimeUnit, type Window } from '../../core/time.js';

/** Adds a quantity to a group (named by its label values) in the hour being summed. */
export type AddToGroup = (labelValues: readonly string[], n: number) => void;

/** Bucket starts, and each group's label values with one sum per bucket. */
export interface GroupedSums {
  starts: number[];
  groups: Map<string, { labelValues: readonly string[]; values: number[] }>;
}

/**
 * Sums `perHour` into the window's buckets; an hour counts where its start lies (half-open).
 * Hours starting outside `live` are skipped: the caller guarantees they hold nothing.
 */
export function groupedBucketSums(
  window: Window,
  unit: TimeUnit,
  live: Window,
  perHour: (hour: number, add: AddToGroup) => void,
): GroupedSums {
  const buckets = bucketsOf(window, unit);
  const groups: GroupedSums['groups'] = new Map();
  let index = 0;
  const add: AddToGroup = (labelValues, n) => {
    const key = JSON.stringify(labelValues);
    let group = groups.get(key);
    if (!group) {
      group = { labelValues, values: new Array<number>(buckets.length).fill(0) };
      groups.set(key, group);
    }
    group.values[index] = (group.values[index] ?? 0) + n;
  };
  for (; index < buckets.length; index++) {
    const bucket = buckets[index] as (typeof buckets)[number];
    const from = Math.max(bucket.from, live.start);
    const to = Math.min(bucket.to, live.end);
    for (let h = Math.ceil(from / MS_HOUR), last = Math.ceil(to / MS_HOUR) - 1; h <= last; h++)
      perHour(h, add);
  }
  return { starts: buckets.map((b) => b.start), groups };
}
