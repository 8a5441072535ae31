import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addUnit,
  bucketStartLabels,
  bucketsOf,
  countBuckets,
  isoMs,
  isoSeconds,
  MS_DAY,
  parseInstant,
  startOf,
  type TimeUnit,
} from '../../src/core/time.js';

describe('time', () => {
  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z', true],
    ['2025-03-01T10:57', '2025-03-01T10:57:00.000Z', false],
    ['2025-03-01T10:57:12.873Z', '2025-03-01T10:57:12.873Z', false],
    ['2025-03-01T10:57:12.8731234Z', '2025-03-01T10:57:12.873Z', false],
    ['2025-03-01T12:00:00+02:00', '2025-03-01T10:00:00.000Z', false],
    ['2025-03-01T12:00:00-0130', '2025-03-01T13:30:00.000Z', false],
    ['2025-03-01 12:00:00', '2025-03-01T12:00:00.000Z', false],
  ])('parses %s as %s', (text, iso, dateOnly) => {
    const parsed = parseInstant(text);
    expect(parsed && isoMs(parsed.ms)).toBe(iso);
    expect(parsed?.dateOnly).toBe(dateOnly);
  });

  it.each([
    '2025-02-30',
    '2025-13-01',
    '2025-03-01T24:00',
    'yesterday',
    '',
    '2025-3-1',
    '2025-03-01T10:00:00+25:00',
  ])('rejects %s', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it.each<[string, TimeUnit, string]>([
    ['2024-04-16T10:57:12.873Z', 'month', '2024-04-01T00:00:00.000Z'],
    ['2024-04-16T10:57:12.873Z', 'hour', '2024-04-16T10:00:00.000Z'],
    ['2024-04-16T10:57:12.873Z', 'day', '2024-04-16T00:00:00.000Z'],
    ['2024-04-16T10:57:12.873Z', 'week', '2024-04-15T00:00:00.000Z'],
    ['2024-04-14T23:59:59.999Z', 'week', '2024-04-08T00:00:00.000Z'],
    ['2024-04-15T00:00:00.000Z', 'week', '2024-04-15T00:00:00.000Z'],
    ['2024-06-30T23:59:59.999Z', 'quarter', '2024-04-01T00:00:00.000Z'],
    ['2024-07-01T00:00:00.000Z', 'quarter', '2024-07-01T00:00:00.000Z'],
    ['2024-12-31T23:59:59.999Z', 'year', '2024-01-01T00:00:00.000Z'],
  ])('snaps %s to the start of its %s: %s', (text, unit, expected) => {
    expect(isoMs(startOf(Date.parse(text), unit))).toBe(expected);
  });

  it('cuts a window into aligned buckets with partial first and last buckets', () => {
    const buckets = bucketsOf(
      { start: Date.parse('2025-01-30T12:00:00Z'), end: Date.parse('2025-03-02T00:00:00Z') },
      'month',
    );
    expect(buckets.map((b) => isoMs(b.start))).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
      '2025-03-01T00:00:00.000Z',
    ]);
    expect(isoMs(buckets[0]?.from ?? 0)).toBe('2025-01-30T12:00:00.000Z');
    expect(isoMs(buckets[2]?.to ?? 0)).toBe('2025-03-02T00:00:00.000Z');
  });
});

describe('time edges', () => {
  it('has no bucket for an empty window', () => {
    const at = Date.parse('2025-01-30T12:00:00Z');
    expect(bucketsOf({ start: at, end: at }, 'day')).toEqual([]);
  });

  it.each([
    ['0050-06-15T10:00:00Z', 'month', '0050-06-01T00:00:00.000Z'],
    ['0099-12-31T23:00:00Z', 'year', '0099-01-01T00:00:00.000Z'],
    ['0001-03-31T00:00:00Z', 'quarter', '0001-01-01T00:00:00.000Z'],
  ] as const)(
    'parses and snaps years below 100 without turning them into 19xx: %s',
    (text, unit, expected) => {
      const parsed = parseInstant(text);
      expect(parsed && isoMs(parsed.ms)).toBe(new Date(text).toISOString());
      expect(isoMs(startOf(parsed?.ms ?? 0, unit))).toBe(expected);
    },
  );

  it('adds months across a year below 100', () => {
    expect(isoMs(addUnit(Date.parse('0099-12-01T00:00:00Z'), 'month'))).toBe('0100-01-01T00:00:00.000Z');
    expect(isoMs(addUnit(Date.parse('0050-01-01T00:00:00Z'), 'year'))).toBe('0051-01-01T00:00:00.000Z');
  });
});

describe('countBuckets', () => {
  it('counts exactly the buckets bucketsOf lists, for every unit, without listing them', () => {
    const units: TimeUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 0, 1) }),
        fc.integer({ min: -MS_DAY, max: 800 * MS_DAY }),
        fc.constantFrom(...units),
        (start, length, unit) => {
          const window = { start, end: start + length };
          expect(countBuckets(window, unit)).toBe(bucketsOf(window, unit).length);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('counts a long window of a fine unit at once', () => {
    expect(countBuckets({ start: Date.UTC(1970, 0, 1), end: Date.UTC(2100, 0, 1) }, 'hour')).toBe(1_139_568);
  });
});

describe('isoMs', () => {
  it('formats instants of four-digit years as Date#toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(isoMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { seed: 6, numRuns: 20_000 },
    );
    for (const ms of [0, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, 253_402_300_799_999])
      expect(isoMs(ms)).toBe(new Date(ms).toISOString());
  });

  it('formats as Date#toISOString does, first time and remembered', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(isoMs(ms)).toBe(iso);
        expect(isoMs(ms)).toBe(iso);
        expect(isoSeconds(ms)).toBe(iso.replace(/\.\d{3}Z$/, 'Z'));
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('remembered parses and labels', () => {
  it('parses a text the same the first time and again, and its answer cannot be changed', () => {
    const first = parseInstant('2025-02-28T10:00:00+01:00');
    expect(first).toEqual({ ms: Date.UTC(2025, 1, 28, 9), dateOnly: false });
    expect(parseInstant('2025-02-28T10:00:00+01:00')).toEqual(first);
    expect(() => {
      (first as { ms: number }).ms = 0;
    }).toThrow(TypeError);
    expect(parseInstant('2025-02-30')).toBeUndefined();
    expect(parseInstant('2025-02-30')).toBeUndefined();
  });

  it('labels the buckets bucketsOf lists, in order, with the given format, first time and remembered', () => {
    const units: TimeUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
    const date = (ms: number) => isoMs(ms).slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 0, max: 400 * MS_DAY }),
        fc.constantFrom(...units),
        (start, length, unit) => {
          const window = { start, end: start + length };
          if (countBuckets(window, unit) > 2000) return;
          const expected = bucketsOf(window, unit).map((b) => isoMs(b.start));
          expect(bucketStartLabels(window, unit, isoMs)).toEqual(expected);
          expect(bucketStartLabels(window, unit, isoMs)).toEqual(expected);
          expect(bucketStartLabels(window, unit, date)).toEqual(expected.map((iso) => iso.slice(0, 10)));
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });
});
