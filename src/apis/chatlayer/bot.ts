/** A Chatlayer bot as the world model sees it: its tenant key and how its traffic splits. */
import { fakerFrom } from '../../core/fake.js';
import { Rng } from '../../core/rng.js';
import { categoryWeights } from '../../core/series.js';
import type { TenantKey } from '../../core/world.js';
import { CAMPAIGN_SOURCES, CHANNELS, LANGUAGES } from './catalog.js';

/** The API name in every key of the world model. */
export const API = 'chatlayer';

/** Bot versions (doc): DRAFT traffic is the bot builders' test conversations. */
export const VERSIONS = ['LIVE', 'DRAFT'] as const;
/** A bot version. */
export type Version = (typeof VERSIONS)[number];

/** One way an hour's conversations split: the categories and their stable weights. */
export interface Dimension {
  name: string;
  values: readonly string[];
  weights: readonly number[];
}

/** The split levels, outermost first: an hour splits by version, then channel, language, campaign. */
export const LEVEL = { version: 0, channel: 1, language: 2, campaign: 3 } as const;

/** A bot: its tenant key, its split dimensions (in LEVEL order) and its conversation habits. */
export interface Bot {
  id: string;
  key: TenantKey;
  dimensions: readonly [Dimension, Dimension, Dimension, Dimension];
  /** campaign_source by campaign_id; the empty id (no campaign) has the empty source. */
  campaignSources: ReadonlyMap<string, string>;
  /** Mean messages per conversation (at least 1). */
  meanMessages: number;
  /** Mean seconds a message adds to a conversation's duration. */
  secondsPerMessage: number;
}

function pickDistinct<T>(rng: Rng, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  return out;
}

function campaignIds(rng: Rng, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const faker = fakerFrom(rng);
    const slug = faker.helpers.slugify(`${faker.word.adjective()} ${faker.commerce.product()}`).toLowerCase();
    ids.push(ids.includes(slug) ? `${slug}-${i + 1}` : slug);
  }
  return ids;
}

const bots = new Map<string, Bot>();
const BOT_LIMIT = 10_000;

/**
 * The bot behind an id (a pure function of seed and id, memoised: it draws names with faker, and
 * its split tree — traffic.ts — lives as long as the object).
 */
export function botOf(seed: number, id: string): Bot {
  const memo = `${seed}\u0000${id}`;
  let bot = bots.get(memo);
  if (!bot) {
    bot = drawBot(seed, id);
    if (bots.size >= BOT_LIMIT) bots.clear();
    bots.set(memo, bot);
  }
  return bot;
}

function drawBot(seed: number, id: string): Bot {
  const key: TenantKey = { seed, api: API, tenant: id };
  const rng = Rng.derive(seed, API, id, 'bot');
  const draftShare = 0.02 + rng.next() * 0.06;
  // Nearly every bot has the web widget; some add messaging channels.
  const channels = ['WEB', ...pickDistinct(rng, CHANNELS.slice(1), rng.int(0, 3))];
  const languages = pickDistinct(rng, LANGUAGES, rng.int(1, 3));
  const ids = campaignIds(rng, rng.int(0, 3));
  const sources = ids.map(() => rng.pick(CAMPAIGN_SOURCES));
  const campaignWeights = [1, ...categoryWeights(key, 'campaign', ids).map((w) => w * 0.15)];
  return {
    id,
    key,
    dimensions: [
      { name: 'version', values: VERSIONS, weights: [1 - draftShare, draftShare] },
      { name: 'channel', values: channels, weights: categoryWeights(key, 'channel', channels) },
      { name: 'language', values: languages, weights: categoryWeights(key, 'language', languages) },
      { name: 'campaign', values: ['', ...ids], weights: campaignWeights },
    ],
    campaignSources: new Map([['', ''], ...ids.map((cid, i): [string, string] => [cid, sources[i] ?? ''])]),
    meanMessages: 3 + rng.next() * 7,
    secondsPerMessage: 8 + rng.next() * 30,
  };
}
