/**
 * What clients create through this server: tracked events, event definitions and webhook
 * subscriptions. Kept per app (one process in production), seed, API token id and bot; bounded in
 * shelves and in items per shelf (the oldest goes first), never grown by a read, and forgotten by
 * `forgetCreated` (startMockServer().reset()). Ids are derived from what was sent, so they are the
 * same in any process; only the lists need this memory.
 */

/** A tracked event as the stream shows it. */
export interface StoredEvent {
  id: string;
  event: string;
  bot_id: string;
  version: string;
  user_id: string;
  channel_id: string;
  channel_type: string;
  conversation_id: string;
  attributes: Record<string, string>;
  timestamp: string;
  /** The timestamp in ms, for ordering. */
  ms: number;
}

/** A definition a client created (or described anew). */
export interface StoredDefinition {
  event: string;
  description: string;
  teamId: string;
  createdAt: number;
}

/** A subscription as the API shows it. */
export interface StoredSubscription {
  id: string;
  bot_id: string;
  bot_version: string;
  target: string;
  event_type: string;
  event_names: string[];
  created_at: string;
  version: string;
  status: string;
}

/** One seed, token and bot's creations, in creation order. */
export interface Shelf {
  events: Map<string, StoredEvent>;
  definitions: Map<string, StoredDefinition>;
  subscriptions: Map<string, StoredSubscription>;
}

/** The most items of each kind a shelf keeps. */
export const ITEM_LIMIT = 1000;
/** The most shelves an app keeps: the least recently written goes first. */
export const SHELF_LIMIT = 1000;

const shelves = new WeakMap<object, Map<string, Shelf>>();

function keyOf(seed: number, token: string, bot: string): string {
  return JSON.stringify([seed, token, bot]);
}

/** The shelf of a seed, token and bot, for reading (undefined: nothing created). */
export function readShelf(app: object, seed: number, token: string, bot: string): Shelf | undefined {
  return shelves.get(app)?.get(keyOf(seed, token, bot));
}

/** The shelf to write to, made the most recent. */
export function writeShelf(app: object, seed: number, token: string, bot: string): Shelf {
  let byKey = shelves.get(app);
  if (!byKey) {
    byKey = new Map();
    shelves.set(app, byKey);
  }
  const key = keyOf(seed, token, bot);
  const shelf = byKey.get(key) ?? { events: new Map(), definitions: new Map(), subscriptions: new Map() };
  byKey.delete(key);
  byKey.set(key, shelf);
  if (byKey.size > SHELF_LIMIT) byKey.delete(byKey.keys().next().value as string);
  return shelf;
}

/** Puts an item last in its map, dropping the oldest beyond ITEM_LIMIT. */
export function keep<T>(items: Map<string, T>, id: string, item: T): void {
  items.delete(id);
  items.set(id, item);
  if (items.size > ITEM_LIMIT) items.delete(items.keys().next().value as string);
}

/** Forgets everything created through an app. */
export function forgetCreated(app: object): void {
  shelves.delete(app);
}
