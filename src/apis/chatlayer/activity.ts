/** Users by UTC day of week and hour of day over a window: seven series of 24 hours. */
import type { Knobs } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { MS_HOUR } from '../../core/time.js';
import { LEVEL } from './bot.js';
import { cellQuery, liveHours, type SeriesQuery } from './conversation-series.js';
import { cellUsers } from './measures.js';
import { type SeriesData, serieOf } from './series-data.js';
import { cellsInHour } from './traffic.js';

/** Day names, Monday first (labels inferred; the vendor's enum names are not published). */
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** The window's users (hours starting inside it, as /users counts them) by day of week and hour. */
export function userActivity(q: SeriesQuery, clock: RequestClock, knobs: Knobs): SeriesData {
  const grid = DAYS.map(() => HOURS.map(() => 0));
  const live = liveHours(q, clock);
  const cq = cellQuery(q, LEVEL.language);
  for (let h = Math.ceil(live.start / MS_HOUR), last = Math.ceil(live.end / MS_HOUR) - 1; h <= last; h++) {
    const date = new Date(h * MS_HOUR);
    const row = grid[(date.getUTCDay() + 6) % 7] as number[];
    const hourOfDay = date.getUTCHours();
    for (const bot of q.bots)
      for (const cell of cellsInHour(bot, h, knobs, cq))
        row[hourOfDay] = (row[hourOfDay] ?? 0) + cellUsers(bot, h, cell);
  }
  return {
    series: grid.map((values, i) => serieOf(values, { day_of_week: DAYS[i] as string })),
    series_labels: ['day_of_week'],
    x_values: HOURS,
  };
}
