import { describe, expect, it } from 'vitest';
import { checkPoints, requestedWindow, resolveWindow } from '../../../src/apis/generalbots/window.js';
import { MockError } from '../../../src/core/errors.js';
import { RequestClock } from '../../../src/core/request-clock.js';
import { isoMs } from '../../../src/core/time.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function iso(input: Parameters<typeof resolveWindow>[0]): [string, string] {
  const w = resolveWindow(input, new RequestClock(NOW));
  return [isoMs(w.start), isoMs(w.end)];
}

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MockError);
    expect((error as MockError).status).toBe(400);
    return (error as MockError).message;
  }
  throw new Error('expected a 400');
}

describe('the General Bots window', () => {
  it('defaults to the last 30 UTC days ending now', () => {
    expect(iso({})).toEqual(['2025-01-31T00:00:00.000Z', '2025-03-01T12:00:00.000Z']);
  });

  it('reads days as the N UTC days ending today', () => {
    expect(iso({ days: 7 })).toEqual(['2025-02-23T00:00:00.000Z', '2025-03-01T12:00:00.000Z']);
    expect(iso({ days: 1 })).toEqual(['2025-03-01T00:00:00.000Z', '2025-03-01T12:00:00.000Z']);
  });

  it.each([
    ['today', '2025-03-01T00:00:00.000Z'],
    ['week', '2025-02-23T00:00:00.000Z'],
    ['month', '2025-01-31T00:00:00.000Z'],
    ['year', '2024-03-02T00:00:00.000Z'],
  ])('reads period=%s', (period, start) => {
    expect(iso({ period })).toEqual([start, '2025-03-01T12:00:00.000Z']);
  });

  it('prefers explicit dates over days, and days over period', () => {
    expect(iso({ start_date: '2025-01-01', end_date: '2025-01-31', days: 3, period: 'year' })).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
    ]);
    expect(iso({ days: 3, period: 'year' })).toEqual([
      '2025-02-27T00:00:00.000Z',
      '2025-03-01T12:00:00.000Z',
    ]);
  });

  it('reads a date-only end_date as that whole day, and an instant as exclusive', () => {
    expect(iso({ start_date: '2025-01-01', end_date: '2025-01-01' })[1]).toBe('2025-01-02T00:00:00.000Z');
    expect(iso({ start_date: '2025-01-01', end_date: '2025-01-01T06:30:00Z' })[1]).toBe(
      '2025-01-01T06:30:00.000Z',
    );
  });

  it('fills a missing end with now and a missing start with 30 days before the end', () => {
    expect(iso({ start_date: '2025-02-20T08:00:00+02:00' })).toEqual([
      '2025-02-20T06:00:00.000Z',
      '2025-03-01T12:00:00.000Z',
    ]);
    expect(iso({ end_date: '2025-01-31' })).toEqual(['2025-01-02T00:00:00.000Z', '2025-02-01T00:00:00.000Z']);
  });

  it('clamps the end to now and empties a window that starts later', () => {
    expect(iso({ start_date: '2025-02-01', end_date: '2026-01-01' })[1]).toBe('2025-03-01T12:00:00.000Z');
    expect(iso({ start_date: '2025-06-01', end_date: '2025-07-01' })).toEqual([
      '2025-06-01T00:00:00.000Z',
      '2025-06-01T00:00:00.000Z',
    ]);
  });

  it('keeps the window asked for, unclamped, for reports', () => {
    const w = requestedWindow({ start_date: '2025-02-01', end_date: '2026-01-01' }, () => NOW);
    expect(isoMs(w.end)).toBe('2026-01-02T00:00:00.000Z');
  });

  it('refuses an end_date not after start_date, naming both', () => {
    expect(
      message(() =>
        resolveWindow({ start_date: '2025-02-01', end_date: '2025-01-01' }, new RequestClock(NOW)),
      ),
    ).toBe("Invalid end_date: '2025-01-01' must be after start_date '2025-02-01'.");
  });

  it('refuses impossible calendar dates', () => {
    expect(message(() => resolveWindow({ start_date: '2025-02-30' }, new RequestClock(NOW)))).toMatch(
      /^Invalid start_date: '2025-02-30' is not a calendar date; send an ISO 8601 date/,
    );
  });

  it('refuses a window longer than 3650 days, naming the limit', () => {
    expect(
      message(() =>
        resolveWindow({ start_date: '2000-01-01', end_date: '2025-01-01' }, new RequestClock(NOW)),
      ),
    ).toMatch(/the limit is 3650 days\.$/);
  });

  it('refuses a window starting before the year 0000', () => {
    expect(
      message(() => resolveWindow({ days: 3650 }, new RequestClock(Date.parse('0005-01-01T00:00:00Z')))),
    ).toMatch(/dates must lie between 0000-01-01 and 9999-12-31/);
  });

  it('caps a series at 10000 points, naming the limit', () => {
    const window = resolveWindow({ days: 500 }, new RequestClock(NOW));
    expect(message(() => checkPoints(window, 'hour'))).toMatch(
      /gives 11988 points .* the limit is 10000 points/,
    );
    expect(() => checkPoints(window, 'day')).not.toThrow();
    expect(() => checkPoints(resolveWindow({ days: 400 }, new RequestClock(NOW)), 'hour')).not.toThrow();
  });
});
