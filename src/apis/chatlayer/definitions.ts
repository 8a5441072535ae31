/**
 * Event definitions: one per event a bot tracks (created with the bot), plus those a client created
 * with the same token. `volume_30_day` is the stream's count of the event (LIVE and DRAFT) over the
 * 30 days before now, counted from the same hourly split the stream draws its events from.
 */
import type { Knobs } from '../../core/knobs.js';
import { Rng } from '../../core/rng.js';
import { isoMs, MS_DAY, MS_HOUR } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { API, type Bot, VERSIONS } from './bot.js';
import { cellEventCounts, eventCells, hourEvents } from './events.js';
import { habitsOf } from './habits.js';
import { readShelf } from './store.js';
import { cellsInHour } from './traffic.js';

/** The window of `volume_30_day`. */
export const VOLUME_DAYS = 30;

/** An event definition (vendor-spec EventDefinition). */
export interface EventDefinition {
  id: string;
  team_id: string;
  bot_id: string;
  event: string;
  description: string;
  created_at: string;
  last_seen_at: string;
  volume_30_day: number;
}

/** A definition's id: derived from the bot and event name, the same in every process (inferred). */
export function definitionId(bot: Bot, event: string): string {
  return Rng.derive(bot.key.seed, API, bot.id, 'definition', event).hex(24);
}

interface Volume {
  count: number;
  lastSeen: number;
}

/** Count and newest instant of each event name in [now − 30 days, now), generated and tracked. */
function volumes(bot: Bot, now: number, knobs: Knobs, app: object, token: string): Map<string, Volume> {
  const start = now - VOLUME_DAYS * MS_DAY;
  const out = new Map<string, Volume>();
  const add = (name: string, n: number, ms: number) => {
    const v = out.get(name) ?? { count: 0, lastSeen: Number.NEGATIVE_INFINITY };
    out.set(name, { count: v.count + n, lastSeen: Math.max(v.lastSeen, ms) });
  };
  const templates = habitsOf(bot).events.values;
  const cq = eventCells(new Set(VERSIONS));
  const firstHour = Math.max(
    Math.floor(start / MS_HOUR),
    Math.floor(tenantProfile(bot.key).createdAt / MS_HOUR),
  );
  const lastHour = Math.floor(now / MS_HOUR) - 1; // the hour in progress holds nothing yet
  for (let h = lastHour; h >= firstHour; h--) {
    if (h * MS_HOUR < start) {
      // The partial first hour: only its events from `start` on.
      for (const e of hourEvents([bot], h, knobs, cq)) if (e.ms >= start) add(e.event, 1, e.ms);
      continue;
    }
    const counts = new Array<number>(templates.length).fill(0);
    for (const cell of cellsInHour(bot, h, knobs, cq))
      cellEventCounts(bot, h, cell).forEach((n, i) => {
        counts[i] = (counts[i] ?? 0) + n;
      });
    counts.forEach((n, i) => {
      const name = templates[i]?.name ?? '';
      if (n === 0) return;
      // The newest event of a name is in the latest hour that has one: read its instant there.
      const seen = out.has(name)
        ? h * MS_HOUR
        : Math.max(
            ...hourEvents([bot], h, knobs, cq)
              .filter((e) => e.event === name)
              .map((e) => e.ms),
          );
      add(name, n, seen);
    });
  }
  for (const e of readShelf(app, bot.key.seed, token, bot.id)?.events.values() ?? [])
    if (e.ms >= start && e.ms < now) add(e.event, 1, e.ms);
  return out;
}

/** The bot's definitions: its own events', then the ones created with this token (by creation). */
export function botDefinitions(
  bot: Bot,
  teamId: string,
  now: number,
  knobs: Knobs,
  app: object,
  token: string,
): EventDefinition[] {
  const createdAt = tenantProfile(bot.key).createdAt;
  const seen = volumes(bot, now, knobs, app, token);
  const byEvent = new Map<string, { description: string; createdAt: number; teamId: string }>();
  for (const t of habitsOf(bot).events.values)
    byEvent.set(t.name, { description: t.description, createdAt, teamId });
  for (const d of readShelf(app, bot.key.seed, token, bot.id)?.definitions.values() ?? [])
    byEvent.set(d.event, { description: d.description, createdAt: d.createdAt, teamId: teamId || d.teamId });
  return [...byEvent].map(([event, d]) => {
    const v = seen.get(event);
    return {
      id: definitionId(bot, event),
      team_id: d.teamId,
      bot_id: bot.id,
      event,
      description: d.description,
      created_at: isoMs(d.createdAt),
      last_seen_at: isoMs(v ? v.lastSeen : d.createdAt),
      volume_30_day: Math.min(v?.count ?? 0, 2_147_483_647),
    };
  });
}
