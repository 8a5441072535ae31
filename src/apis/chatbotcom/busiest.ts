/** The busiest-period report: the window's conversations in a week grid of local weekdays and hours. */
import type { Knobs } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { Rng, splitCount } from '../../core/rng.js';
import { percentOfMax } from '../../core/rounding.js';
import { MS_HOUR, type Window } from '../../core/time.js';
import { hoursIn } from '../../core/world.js';
import type { Account } from './account.js';
import { dataWindow, hourVector, planOf, type Selection } from './traffic.js';

/** One slot of the grid: weekday (0 = Sunday) and hour, local to the offset. */
export interface BusiestCell {
  day: number;
  hour: number;
  value: number;
  usage: number;
}

const MS_MINUTE = 60_000;

function slot(localMs: number): number {
  const d = new Date(localMs);
  return d.getUTCDay() * 24 + d.getUTCHours();
}

/**
 * 7 rows (days 0–6) of 24 cells (hours 0–23). Each hour's conversations land in the local slot its
 * start falls in (UTC + offset minutes); with an offset that is not whole hours, they are split
 * between the two local hours the UTC hour straddles, in proportion to the minutes of each (exactly,
 * so the grid still adds up to the window's conversations).
 */
export function busiestPeriod(
  account: Account,
  knobs: Knobs,
  window: Window,
  clock: RequestClock,
  selection: Selection,
  offsetMinutes: number,
): BusiestCell[][] {
  const values = new Array<number>(7 * 24).fill(0);
  const perHour = hourVector(account, knobs, planOf(account, selection), ['conversations']);
  const spill = ((offsetMinutes % 60) + 60) % 60; // minutes of the UTC hour that fall in the next local hour
  const { seed, api, tenant } = account.key;
  const { first, last } = hoursIn(dataWindow(account, window, clock));
  for (let h = first; h <= last; h++) {
    const count = perHour(h)[0] ?? 0;
    if (count === 0) continue;
    const local = h * MS_HOUR + offsetMinutes * MS_MINUTE;
    const [here, next] =
      spill === 0
        ? [count, 0]
        : splitCount(count, [60 - spill, spill], Rng.derive(seed, api, tenant, 'busiest', h, spill));
    values[slot(local)] = (values[slot(local)] ?? 0) + (here ?? 0);
    const later = slot(local + (60 - spill) * MS_MINUTE);
    values[later] = (values[later] ?? 0) + (next ?? 0);
  }
  const usage = percentOfMax(values);
  return Array.from({ length: 7 }, (_, day) =>
    Array.from({ length: 24 }, (_, hour) => {
      const i = day * 24 + hour;
      return { day, hour, value: values[i] ?? 0, usage: usage[i] ?? 0 };
    }),
  );
}
