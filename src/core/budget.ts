/**
 * The hour budget: the world is generated hour by hour, so a request that sums over its window
 * walks every hour of it that can hold data. Point and bucket caps do not bound that walk (a few
 * yearly points can span a century), so every API that walks hours checks this budget first.
 */
import { MockError } from './errors.js';
import { isoMs, MS_HOUR, type Window } from './time.js';

/** At most this many hours are walked per request (inferred: about 11.4 years, a few seconds of work). */
export const MAX_WALKED_HOURS = 100_000;

/** The part of a window that can hold data: from the tenant's creation up to now (empty if none). */
export function liveWindow(window: Window, createdAt: number, now: number): Window {
  const start = Math.max(window.start, createdAt);
  return { start, end: Math.max(start, Math.min(window.end, now)) };
}

/** How many hours start inside [start, end) — the hours a walk over the window visits. */
export function hoursWalked(window: Window): number {
  if (!(window.end > window.start)) return 0;
  return Math.ceil(window.end / MS_HOUR) - Math.ceil(window.start / MS_HOUR);
}

/**
 * Refuses a request whose live window holds more than MAX_WALKED_HOURS hours, with a 400 naming
 * the window (as `describe` words it, e.g. "The window from dateFrom … to dateTo …"), the hours,
 * the limit and the way out. Returns the live window for the caller's walk.
 */
export function checkHourBudget(
  window: Window,
  createdAt: number,
  now: number,
  describe = `The window from ${isoMs(window.start)} to ${isoMs(window.end)}`,
): Window {
  const live = liveWindow(window, createdAt, now);
  const hours = hoursWalked(live);
  if (hours > MAX_WALKED_HOURS) {
    throw new MockError(
      400,
      `${describe} holds ${hours} hours of data (from ${isoMs(live.start)}, when the data starts, up to ${isoMs(live.end)}, the earlier of its end and now); at most ${MAX_WALKED_HOURS} hours are computed per request: narrow the window.`,
    );
  }
  return live;
}
