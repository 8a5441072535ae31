/** A ChatBot.com account (the bearer token's): its stories, their interactions, and its stable traits. */
import { BoundedCache, cacheKey } from '../../core/bounded-cache.js';
import { fakerFrom } from '../../core/fake.js';
import { Rng } from '../../core/rng.js';
import { categoryWeights } from '../../core/series.js';
import { MS_DAY } from '../../core/time.js';
import { type TenantKey, tenantProfile } from '../../core/world.js';

/** The API name in every derived key. */
export const API = 'chatbotcom';

/** The documented sources, in the documented order (group and filter values). */
export const SOURCES = ['messenger', 'livechat', 'livechat3', 'slack', 'widget', 'app', 'custom'] as const;

/** One documented source. */
export type Source = (typeof SOURCES)[number];

// Most bots talk through the website widget; the legacy LiveChat integration is the long tail.
const SOURCES_BY_TRAFFIC: readonly Source[] = [
  'widget',
  'livechat',
  'messenger',
  'app',
  'slack',
  'custom',
  'livechat3',
];

/** An interaction of a story: what the bot answers when a user message matches it. */
export interface StoryInteraction {
  id: string;
  name: string;
  /** Whether it has a context fallback (the answer to a message it expected but did not understand). */
  contextFallback: boolean;
}

/** A story (a bot flow) with a stable 24-hex id. */
export interface Story {
  id: string;
  interactions: StoryInteraction[];
  /**
   * Relative weights of what a user message in this story reaches: each interaction, followed by its
   * context fallback when it has one, then the story's fallback.
   */
  entryWeights: number[];
}

/** Everything stable about an account: derived from (seed, token), never stored. */
export interface Account {
  key: TenantKey;
  /** No traffic before this instant. */
  createdAt: number;
  /** Stories in id order (ids start with their creation time, as Mongo ObjectIds do). */
  stories: Story[];
  /** Share of every hour's conversations per cell; cell = source index × stories + story index. */
  cellWeights: number[];
  /** Share of conversations that are paid (billable). */
  paidShare: number;
  /** Mean user messages per conversation, by source index (at least 1). */
  userMessagesMean: number[];
}

const INTERACTION_NAMES = [
  'Opening hours',
  'Pricing',
  'Track my order',
  'Return policy',
  'Shipping costs',
  'Talk to an agent',
  'Reset password',
  'Book a demo',
  'Payment methods',
  'Cancel subscription',
  'Store locations',
  'Contact details',
  'Product availability',
  'Discount codes',
  'Delivery time',
  'Warranty',
  'Newsletter signup',
  'Leave feedback',
  'Account settings',
  'Request an invoice',
];

/** A Mongo-style ObjectId: 8 hex digits of creation time in seconds, then 16 random hex digits. */
function objectId(createdMs: number, rng: Rng): string {
  return (
    Math.floor(createdMs / 1000)
      .toString(16)
      .padStart(8, '0')
      .slice(-8) + rng.hex(16)
  );
}

function storyOf(rng: Rng, createdMs: number): Story {
  const count = rng.int(3, 7);
  const faker = fakerFrom(rng);
  const names = faker.helpers.arrayElements(INTERACTION_NAMES, count - 1);
  names.push(`Questions about ${faker.commerce.product().toLowerCase()}`);
  const interactions: StoryInteraction[] = [];
  const entryWeights: number[] = [];
  names.forEach((name, i) => {
    const weight = (0.2 + rng.next()) / (1 + i * 0.4);
    const contextFallback = rng.chance(0.4);
    interactions.push({ id: objectId(createdMs + (i + 1) * 60_000, rng), name, contextFallback });
    entryWeights.push(weight);
    if (contextFallback) entryWeights.push(weight * 0.15);
  });
  entryWeights.push(0.25 + rng.next() * 0.3); // the story's fallback
  return { id: objectId(createdMs, rng), interactions, entryWeights };
}

/** Accounts recently asked for: deriving one draws its stories with faker, every request. */
const accounts = new BoundedCache<Account>(1_000);

/** The account a token names, under a seed (cached: a pure function of both; never mutated). */
export function accountOf(seed: number, token: string): Account {
  return accounts.get(
    cacheKey(seed, token),
    () => deriveAccount(seed, token),
    () => 1,
  );
}

function deriveAccount(seed: number, token: string): Account {
  const key: TenantKey = { seed, api: API, tenant: token };
  const { createdAt } = tenantProfile(key);
  const rng = Rng.derive(seed, API, token, 'account');
  // Stories were built in the days before the bot went live, so none is younger than its traffic.
  const created: number[] = [];
  for (let i = rng.int(2, 5), t = createdAt; i > 0; i--) {
    t -= rng.int(1, 20) * MS_DAY + rng.int(0, 86_399) * 1000;
    created.unshift(t);
  }
  const stories = created.map((t, i) => storyOf(Rng.derive(seed, API, token, 'story', i), t));
  const byTraffic = categoryWeights(key, 'source', SOURCES_BY_TRAFFIC);
  const sourceWeights = SOURCES.map((s) => byTraffic[SOURCES_BY_TRAFFIC.indexOf(s)] ?? 0);
  const storyWeights = categoryWeights(
    key,
    'story',
    stories.map((s) => s.id),
  );
  return {
    key,
    createdAt,
    stories,
    cellWeights: sourceWeights.flatMap((ws) => storyWeights.map((wt) => ws * wt)),
    paidShare: 0.55 + rng.next() * 0.4,
    userMessagesMean: SOURCES.map(() => 1.3 + rng.next() * 2.5),
  };
}
