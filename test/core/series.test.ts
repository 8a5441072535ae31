import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Groups,
  groupsOf,
  type HourAdds,
  startLabels,
  sumBuckets,
  sumWindow,
  vectorAdds,
} from '../../src/core/series.js';
import { bucketsOf, isoMs, MS_HOUR, type TimeUnit, type Window } from '../../src/core/time.js';

const perHour = (h: number) => [h % 7, (h * 13) % 5, 1];
const T0 = Date.UTC(2025, 0, 1);

/** The plain definition: per bucket, every hour starting in it (and in live), added in order. */
function reference(window: Window, unit: TimeUnit, width: number, f: (h: number) => number[], live = window) {
  return bucketsOf(window, unit).map((bucket) => {
    const sums = new Array<number>(width).fill(0);
    const from = Math.max(bucket.from, live.start);
    const to = Math.min(bucket.to, live.end);
    for (let h = Math.ceil(from / MS_HOUR); h < Math.ceil(to / MS_HOUR); h++)
      f(h).forEach((v, i) => {
        sums[i] = (sums[i] as number) + v;
      });
    return sums;
  });
}

/** `values[i][b]` turned into `[b][i]`. */
function byBucket(values: number[][], width: number, buckets: number): number[][] {
  return Array.from({ length: buckets }, (_, b) =>
    Array.from({ length: width }, (_, i) => values[i]?.[b] ?? 0),
  );
}

const windows = fc
  .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }))
  .map(([a, len]) => ({ start: T0 + a * 1_800_000 + 1, end: T0 + a * 1_800_000 + len * 3_600_000 }));
const units = fc.constantFrom<TimeUnit>('hour', 'day', 'week', 'month');

describe('series', () => {
  it('sums every component of every bucket as the hour-by-hour definition does', () => {
    fc.assert(
      fc.property(windows, units, (window, unit) => {
        const sums = sumBuckets(window, unit, vectorAdds(perHour, 3), { width: 3 });
        expect(sums.starts).toEqual(bucketsOf(window, unit).map((b) => b.start));
        expect(byBucket(sums.values, 3, sums.starts.length)).toEqual(reference(window, unit, 3, perHour));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('visits only the live hours, keeping the buckets of the whole window', () => {
    const window = { start: T0, end: T0 + 72 * MS_HOUR };
    const live = { start: T0 + 30 * MS_HOUR, end: T0 + 50 * MS_HOUR };
    const visited: number[] = [];
    const adds: HourAdds = (h, sink) => {
      visited.push(h);
      sink.add(0, 1);
    };
    const result = sumBuckets(window, 'day', adds, { live, width: 1 });
    expect(result.starts).toHaveLength(3);
    expect(result.values[0]).toEqual([0, 18, 2]);
    expect(result.hours).toEqual([24, 24, 24]);
    expect(Math.min(...visited)).toBe(T0 / MS_HOUR + 30);
    expect(Math.max(...visited)).toBe(T0 / MS_HOUR + 49);
  });

  it('sums a named source from cached days and windows exactly as hour by hour, warm or cold', () => {
    let calls = 0;
    const counted = (h: number) => {
      calls++;
      return perHour(h);
    };
    fc.assert(
      fc.property(windows, units, (window, unit) => {
        const plain = sumBuckets(window, unit, vectorAdds(perHour, 3), { width: 3 });
        const options = { width: 3, name: 'test-vector' };
        expect(sumBuckets(window, unit, vectorAdds(counted, 3), options)).toEqual(plain);
        expect(sumBuckets(window, unit, vectorAdds(counted, 3), options)).toEqual(plain);
        const total = sumWindow(window, vectorAdds(perHour, 3), { width: 3 });
        expect(sumWindow(window, vectorAdds(counted, 3), options)).toEqual(total);
      }),
      { seed: 11, numRuns: 200 },
    );
    // Whole days are summed once: far fewer calls than hours asked for.
    expect(calls).toBeLessThan(200 * 3 * 1500);
  });

  it('answers windows and live spans ending anywhere in one hour from one cached entry, exactly as fresh sums', () => {
    // As under the real clock: a window ending now, a new millisecond each request, over a few hours
    // (and on their boundaries): an entry answers within its hour and never another hour's.
    const withinHour = fc.oneof(
      fc.integer({ min: 0, max: 3 * MS_HOUR - 1 }),
      fc.constantFrom(0, MS_HOUR - 2, MS_HOUR - 1, MS_HOUR, 2 * MS_HOUR - 1),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 900 }),
        fc.array(fc.tuple(withinHour, withinHour), { minLength: 1, maxLength: 6 }),
        units,
        fc.boolean(),
        (a, len, ends, unit, liveEnds) => {
          const start = T0 + a * 1_800_000;
          const hourEnd = Math.floor(start / MS_HOUR) * MS_HOUR + len * MS_HOUR;
          const options = { width: 3, name: `within-hour-${a}-${len}` };
          for (const [end, liveEnd] of ends) {
            const window = { start, end: hourEnd + end + 1 };
            const live = { start: start - MS_HOUR, end: liveEnds ? hourEnd + liveEnd + 1 : window.end };
            const fresh = sumBuckets(window, unit, vectorAdds(perHour, 3), { width: 3, live });
            expect(sumBuckets(window, unit, vectorAdds(perHour, 3), { ...options, live })).toEqual(fresh);
            expect(sumWindow(window, vectorAdds(perHour, 3), { ...options, live })).toEqual(
              sumWindow(window, vectorAdds(perHour, 3), { width: 3, live }),
            );
          }
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });

  it('sums fractions hour by hour, in order, even when named', () => {
    const fractions = (h: number) => [0.1 * (h % 3), 1];
    const window = { start: T0 + 5 * MS_HOUR, end: T0 + 30 * 24 * MS_HOUR };
    const expected = reference(window, 'week', 2, fractions);
    for (let i = 0; i < 2; i++) {
      const sums = sumBuckets(window, 'week', vectorAdds(fractions, 2), { width: 2, name: 'test-fractions' });
      expect(byBucket(sums.values, 2, sums.starts.length)).toEqual(expected);
    }
    const total = reference({ start: 0, end: 1 }, 'hour', 2, () => [0, 0])[0] as number[];
    for (let h = Math.ceil(window.start / MS_HOUR); h < Math.ceil(window.end / MS_HOUR); h++)
      fractions(h).forEach((v, i) => {
        total[i] = (total[i] as number) + v;
      });
    expect(sumWindow(window, vectorAdds(fractions, 2), { width: 2, name: 'test-fractions' })).toEqual(total);
  });

  it('gives each caller of a named series its own copy of the cached values, and read-only starts', () => {
    const window = { start: T0, end: T0 + 10 * 24 * MS_HOUR };
    const options = { width: 3, name: 'test-copy' };
    const first = sumBuckets(window, 'day', vectorAdds(perHour, 3), options);
    (first.values[0] as number[])[0] = -1;
    expect(() => (first.starts as number[]).pop()).toThrow(TypeError);
    expect(() => (first.hours as number[]).pop()).toThrow(TypeError);
    const second = sumBuckets(window, 'day', vectorAdds(perHour, 3), options);
    expect(second).toEqual(sumBuckets(window, 'day', vectorAdds(perHour, 3), { width: 3 }));
  });

  it('labels the starts of sums by a format, the same for every copy of a cached answer', () => {
    const window = { start: T0, end: T0 + 5 * 24 * MS_HOUR };
    const options = { width: 3, name: 'test-labels' };
    const first = sumBuckets(window, 'day', vectorAdds(perHour, 3), options);
    const expected = bucketsOf(window, 'day').map((b) => isoMs(b.start));
    expect(startLabels(first, isoMs)).toEqual(expected);
    const again = sumBuckets(window, 'day', vectorAdds(perHour, 3), options);
    expect(startLabels(again, isoMs)).toBe(startLabels(first, isoMs));
    const date = (ms: number) => isoMs(ms).slice(0, 10);
    expect(startLabels(again, date)).toEqual(expected.map((iso) => iso.slice(0, 10)));
    const unnamed = sumBuckets(window, 'day', vectorAdds(perHour, 3), { width: 3 });
    expect(startLabels(unnamed, isoMs)).toEqual(expected);
  });

  it('sums a whole window, hours counted where they start', () => {
    expect(sumWindow({ start: T0 + 1, end: T0 + 3 * MS_HOUR }, (_, sink) => sink.add(0, 1))).toEqual([2]);
  });

  it('keeps a row only for the components an hour added to, even adding 0, beyond the width', () => {
    const window = { start: T0, end: T0 + 48 * MS_HOUR };
    const adds: HourAdds = (h, sink) => {
      if (h % 24 === 3) sink.add(5, 0);
      if (h % 2 === 0) sink.add(2, 1);
    };
    const { values } = sumBuckets(window, 'day', adds, { width: 1 });
    expect(Object.keys(values)).toEqual(['0', '2', '5']);
    expect(values[0]).toEqual([0, 0]);
    expect(values[2]).toEqual([12, 12]);
    expect(values[5]).toEqual([0, 0]);
  });

  it('numbers the groups of a name the same way in every request, so cached sums keep their labels', () => {
    const name = 'test-groups';
    const window = { start: T0, end: T0 + 3 * 24 * MS_HOUR };
    const adds = (groups: Groups): HourAdds => {
      return (h, sink) => {
        sink.add(groups.component([h % 2 === 0 ? 'even' : 'odd']), 1);
        if (h % 24 === 0) sink.add(groups.component(['midnight']), 1);
      };
    };
    const labelled = (groups: Groups, values: number[][]) =>
      Object.fromEntries(
        Object.keys(values).map((c) => [groups.labels(Number(c)).join(), values[Number(c)]]),
      );
    const expected = { even: [12, 12, 12], odd: [12, 12, 12], midnight: [1, 1, 1] };
    expect(groupsOf(name)).toBe(groupsOf(name));
    const cold = sumBuckets(window, 'day', adds(groupsOf(name)), { name, groups: groupsOf(name) });
    expect(labelled(groupsOf(name), cold.values)).toEqual(expected);
    // A Groups of its own numbers the same labels differently: never served the name's cached sums.
    const own = new Groups();
    own.component(['midnight']);
    const fresh = sumBuckets(window, 'day', adds(own), { name, groups: own });
    expect(labelled(own, fresh.values)).toEqual(expected);
  });
});
