import { describe, expect, it } from 'vitest';
import { checkHourBudget, hoursWalked, liveWindow, MAX_WALKED_HOURS } from '../../src/core/budget.js';
import { MockError } from '../../src/core/errors.js';
import { MS_HOUR } from '../../src/core/time.js';

const T2022 = Date.UTC(2022, 0, 1);
const at = (year: number) => Date.UTC(year, 0, 1);

describe('the hour budget', () => {
  it.each([
    ['inside the tenant and before now', { start: at(2023), end: at(2024) }, T2022, at(2025), 8760],
    ['cut at the tenant creation', { start: at(2000), end: at(2023) }, T2022, at(2025), 8760],
    ['cut at now', { start: at(2024), end: at(2100) }, T2022, at(2025), 8784],
    ['wholly after now', { start: at(2030), end: at(2040) }, T2022, at(2025), 0],
    ['wholly before the tenant', { start: at(2000), end: at(2010) }, T2022, at(2025), 0],
    [
      'partial hours: only hours starting inside count',
      { start: T2022 + 1, end: T2022 + MS_HOUR + 1 },
      0,
      at(2025),
      1,
    ],
  ])('counts the live hours of a window %s', (_name, window, createdAt, now, hours) => {
    expect(hoursWalked(liveWindow(window, createdAt, now))).toBe(hours);
    expect(checkHourBudget(window, createdAt, now)).toEqual(liveWindow(window, createdAt, now));
  });

  it('accepts exactly the limit and refuses one hour more, naming the window, the hours and the limit', () => {
    const window = { start: T2022, end: T2022 + MAX_WALKED_HOURS * MS_HOUR };
    expect(() => checkHourBudget(window, T2022, window.end)).not.toThrow();
    const over = { start: T2022, end: window.end + MS_HOUR };
    let error: unknown;
    try {
      checkHourBudget(over, T2022, over.end);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MockError);
    expect((error as MockError).status).toBe(400);
    expect((error as MockError).message).toMatch(
      /^The window from 2022-01-01T00:00:00.000Z to 2033-05-29T17:00:00.000Z holds 100001 hours .*at most 100000 hours are computed per request: narrow the window\.$/,
    );
  });

  it('lets the caller word the window', () => {
    const window = { start: at(2000), end: at(2100) };
    expect(() => checkHourBudget(window, T2022, at(2100), 'The range [a, b)')).toThrow(
      /^The range \[a, b\) holds 683\d\d\d hours/,
    );
  });
});
