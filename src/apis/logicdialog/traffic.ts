/**
 * What happens in one hour of a workspace, derived from the world model's conversations: users by
 * channel, new users, messages, typed vs button, NLP matches, topics, sentiment, languages,
 * countries, ratings and events. Every split is exact, so parts always add up to their whole.
 */
import { hashFrom, hashState, Rng, splitCount } from '../../core/rng.js';
import { conversationsInHour } from '../../core/world.js';
import type { Workspace } from './workspace.js';

// hourRng is asked for every hour and quantity: the key's prefix (seed, API, tenant, what) is hashed
// once per workspace and quantity.
const prefixes = new WeakMap<Workspace, Map<string, number>>();

/** A derived stream for one quantity of one hour of the workspace: Rng.derive(seed, api, tenant, what, hour). */
export function hourRng(ws: Workspace, what: string, hour: number): Rng {
  let own = prefixes.get(ws);
  if (!own) {
    own = new Map();
    prefixes.set(ws, own);
  }
  let state = own.get(what);
  if (state === undefined) {
    state = hashState(ws.key.seed, ws.key.api, ws.key.tenant, what);
    own.set(what, state);
  }
  return new Rng(hashFrom(state, hour));
}

/** The chain most reports start from: conversations, their channels, messages and NLP outcomes. */
interface HourBase {
  hour: number;
  conversations: number;
  usersByChannel: readonly number[];
  messagesByChannel: readonly number[];
  typed: number;
  buttons: number;
  matched: number;
  unmatched: number;
}

// Reports walk hours in order and ask several quantities of each: remember the last hour per workspace
// (the arrays are shared, hence readonly).
const lastBase = new WeakMap<Workspace, HourBase>();

function baseOf(ws: Workspace, hour: number): HourBase {
  const cached = lastBase.get(ws);
  if (cached?.hour === hour) return cached;
  const n = conversationsInHour(ws.key, hour, ws.knobs);
  const usersByChannel = splitCount(n, ws.channels.weights, hourRng(ws, 'split-channel', hour));
  const rng = hourRng(ws, 'messages', hour);
  const messagesByChannel = usersByChannel.map(
    (users, c) => users + rng.poisson(users * (ws.extraMessages[c] ?? 0)),
  );
  const total = messagesByChannel.reduce((a, b) => a + b, 0);
  const [typed = 0, buttons = 0] = splitCount(
    total,
    [ws.typedShare, 1 - ws.typedShare],
    hourRng(ws, 'split-input', hour),
  );
  const [matched = 0, unmatched = 0] = splitCount(
    typed,
    [ws.matchedShare, 1 - ws.matchedShare],
    hourRng(ws, 'split-nlp', hour),
  );
  const base = {
    hour,
    conversations: n,
    usersByChannel,
    messagesByChannel,
    typed,
    buttons,
    matched,
    unmatched,
  };
  lastBase.set(ws, base);
  return base;
}

/** Conversations that interacted with the bot in the hour: each is one active user. */
export function conversations(ws: Workspace, hour: number): number {
  return baseOf(ws, hour).conversations;
}

/** Splits the hour's conversations over some weights, exactly (`what` names the dimension). */
function splitConversations(ws: Workspace, what: string, weights: readonly number[], hour: number): number[] {
  return splitCount(conversations(ws, hour), weights, hourRng(ws, `split-${what}`, hour));
}

/** Active users per channel of the workspace. */
export function usersByChannel(ws: Workspace, hour: number): readonly number[] {
  return baseOf(ws, hour).usersByChannel;
}

/** Active users per language of the workspace. */
export function usersByLanguage(ws: Workspace, hour: number): number[] {
  return splitConversations(ws, 'language', ws.languages.weights, hour);
}

/** Active users per country (the last item is `unknown`). */
export function usersByCountry(ws: Workspace, hour: number): number[] {
  return splitConversations(ws, 'country', ws.countries.weights, hour);
}

/** Active users per rating given (the last item is `unrated`). */
export function usersByRating(ws: Workspace, hour: number): number[] {
  return splitConversations(ws, 'rating', ws.ratings.weights, hour);
}

/** Conversations per sentiment: positive, neutral, negative. */
export function conversationsBySentiment(ws: Workspace, hour: number): number[] {
  return splitConversations(ws, 'sentiment', ws.sentiments, hour);
}

/** Users created in the hour (conversations started by a user never seen before). */
export function newUsers(ws: Workspace, hour: number): number {
  return hourRng(ws, 'new-users', hour).binomial(conversations(ws, hour), ws.newUserShare);
}

/** Messages sent by users per channel: at least one per conversation. */
export function messagesByChannel(ws: Workspace, hour: number): readonly number[] {
  return baseOf(ws, hour).messagesByChannel;
}

/** Messages sent by users, all channels. */
export function messages(ws: Workspace, hour: number): number {
  const { typed, buttons } = baseOf(ws, hour);
  return typed + buttons;
}

/** The hour's messages as [typed (natural-language inputs), button presses]. */
export function typedAndButtons(ws: Workspace, hour: number): [number, number] {
  const { typed, buttons } = baseOf(ws, hour);
  return [typed, buttons];
}

/** Natural-language inputs as [matched an intent, not matched]. */
export function nlpOutcomes(ws: Workspace, hour: number): [number, number] {
  const { matched, unmatched } = baseOf(ws, hour);
  return [matched, unmatched];
}

/** Matched inputs per topic of the workspace (a topic is identified only when an intent matched). */
export function inputsByTopic(ws: Workspace, hour: number): number[] {
  return splitCount(nlpOutcomes(ws, hour)[0], ws.topics.weights, hourRng(ws, 'split-topic', hour));
}

/** Calls of each custom event of the workspace. */
export function customEventCalls(ws: Workspace, hour: number): number[] {
  const rng = hourRng(ws, 'custom-events', hour);
  const n = conversations(ws, hour);
  return ws.customEvents.map((event) => rng.binomial(n, event.perConversation));
}
