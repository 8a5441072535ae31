/**
 * What a bot does beyond counting conversations: the intents it recognises, its knowledge-base
 * tags, the events it tracks, and the shares that turn an hour's conversations and messages into
 * users, intents, answers, events and voice minutes. A pure function of (seed, bot id), drawn from
 * its own key so that the conversation split of `botOf` is untouched.
 */
import { Rng } from '../../core/rng.js';
import { categoryWeights } from '../../core/series.js';
import { API, type Bot } from './bot.js';
import { EVENTS, type EventTemplate, INTENTS, KB_TAGS } from './catalog.js';

/** Named categories with stable weights, aligned. */
export interface Weighted<T> {
  values: readonly T[];
  weights: readonly number[];
}

/** A bot's habits. */
export interface Habits {
  intents: Weighted<string>;
  tags: Weighted<string>;
  events: Weighted<EventTemplate>;
  /** Share of an hour's conversations started by a user who already started one in that cell. */
  returningShare: number;
  /** Share of messages that the NLP matched to an intent. */
  recognisedShare: number;
  /** Share of messages answered from the knowledge base. */
  knowledgeShare: number;
  /** Tracking events per conversation, on average. */
  eventsPerConversation: number;
  /** Mean voice minutes per conversation (0: the bot takes no calls). */
  voiceMinutes: number;
}

function pickSome<T>(rng: Rng, from: readonly T[], min: number, max: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  for (let n = rng.int(min, max); n > 0 && pool.length > 0; n--)
    out.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  return out;
}

const cache = new Map<string, Habits>();
const CACHE_LIMIT = 10_000;

/** The habits of a bot (memoised: a pure function of its key). */
export function habitsOf(bot: Bot): Habits {
  const id = `${bot.key.seed}|${bot.id}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const rng = Rng.derive(bot.key.seed, API, bot.id, 'habits');
  const intents = pickSome(rng, INTENTS, 8, 18);
  const tags = pickSome(rng, KB_TAGS, 3, 8);
  const events = pickSome(rng, EVENTS, 3, 6);
  const habits: Habits = {
    intents: { values: intents, weights: categoryWeights(bot.key, 'intent', intents) },
    tags: { values: tags, weights: categoryWeights(bot.key, 'kb-tag', tags) },
    events: {
      values: events,
      weights: categoryWeights(
        bot.key,
        'event',
        events.map((e) => e.name),
      ),
    },
    returningShare: 0.05 + rng.next() * 0.2,
    recognisedShare: 0.25 + rng.next() * 0.2,
    knowledgeShare: 0.05 + rng.next() * 0.15,
    eventsPerConversation: 0.3 + rng.next() * 1.2,
    voiceMinutes: rng.chance(0.4) ? 1 + rng.next() * 5 : 0,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, habits);
  return habits;
}
