/**
 * A bot's tracking events, hour by hour. Each (version, channel, language, campaign) cell of an
 * hour holds a Poisson number of events, split exactly by event name; counting needs only that
 * split, and the events themselves (ids, conversations, users, attributes, instants) are drawn
 * from the cell's own key when a page or a partial hour needs them.
 */
import type { Knobs } from '../../core/knobs.js';
import { Rng, splitCount } from '../../core/rng.js';
import { isoMs, MS_HOUR } from '../../core/time.js';
import { API, type Bot, LEVEL } from './bot.js';
import { habitsOf } from './habits.js';
import type { StoredEvent } from './store.js';
import { type Cell, type CellQuery, cellRng, cellsInHour } from './traffic.js';

/** A tracking event (vendor-spec TrackingEvent) and its instant for ordering. */
export type TrackingEvent = StoredEvent;

/** Which events of an hour: versions (channels and languages are free for events). */
export function eventCells(versions: ReadonlySet<string>): CellQuery {
  return { depth: LEVEL.campaign, keep: [versions, undefined, undefined, undefined] };
}

/** Events per name (aligned with the bot's event templates) of one cell and hour. */
export function cellEventCounts(bot: Bot, hour: number, cell: Cell): number[] {
  const habits = habitsOf(bot);
  const rng = cellRng(bot, 'events', cell, hour);
  return splitCount(rng.poisson(cell.count * habits.eventsPerConversation), habits.events.weights, rng);
}

/** The id of a bot's channel (inferred: its type and six hex digits stable per bot). */
export function channelId(bot: Bot, channelType: string): string {
  return `${channelType.toLowerCase()}-${Rng.derive(bot.key.seed, API, bot.id, 'channel', channelType).hex(6)}`;
}

/** The user of a conversation: the same id its flow shows (flow.ts). */
export function conversationUser(bot: Bot, conversationId: string): string {
  return Rng.derive(bot.key.seed, API, bot.id, 'user', conversationId).uuid();
}

/** The events of one cell and hour, unsorted. */
function cellEvents(bot: Bot, hour: number, cell: Cell, out: TrackingEvent[]): void {
  const counts = cellEventCounts(bot, hour, cell);
  const templates = habitsOf(bot).events.values;
  const [version = '', channel = '', , campaign = ''] = cell.path;
  const rng = cellRng(bot, 'event-details', cell, hour);
  const conversations = Array.from({ length: cell.count }, (_, j) =>
    Rng.derive(bot.key.seed, API, bot.id, 'conversation', ...cell.path, hour, j).uuid(),
  );
  counts.forEach((n, t) => {
    const template = templates[t];
    if (!template) return;
    for (let i = 0; i < n; i++) {
      const conversationId = conversations[rng.int(0, conversations.length - 1)] ?? '';
      const attributes: Record<string, string> = {};
      for (const [key, values] of Object.entries(template.attributes))
        attributes[key] = values[rng.int(0, values.length - 1)] ?? '';
      if (campaign !== '') attributes.campaign_id = campaign;
      const ms = hour * MS_HOUR + rng.int(0, MS_HOUR - 1);
      out.push({
        id: rng.uuid(),
        event: template.name,
        bot_id: bot.id,
        version,
        user_id: conversationUser(bot, conversationId),
        channel_id: channelId(bot, channel),
        channel_type: channel,
        conversation_id: conversationId,
        attributes,
        timestamp: isoMs(ms),
        ms,
      });
    }
  });
}

/** Orders events by instant, then id. */
export function byTime(a: TrackingEvent, b: TrackingEvent): number {
  return a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every generated event of the bots in one hour, in time order. */
export function hourEvents(bots: readonly Bot[], hour: number, knobs: Knobs, cq: CellQuery): TrackingEvent[] {
  const out: TrackingEvent[] = [];
  for (const bot of bots)
    for (const cell of cellsInHour(bot, hour, knobs, cq)) cellEvents(bot, hour, cell, out);
  return out.sort(byTime);
}
