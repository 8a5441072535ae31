/**
 * A workspace (the `client`): its channels, languages, countries, topics, responses, agents and
 * habits, all derived from (seed, client). Pure and stable: the same workspace every request.
 */
import { BoundedCache, cacheKey } from '../../core/bounded-cache.js';
import { fakerFrom } from '../../core/fake.js';
import { type Knobs, knobsKey } from '../../core/knobs.js';
import { Rng } from '../../core/rng.js';
import { categoryWeights } from '../../core/series.js';
import type { TenantKey } from '../../core/world.js';
import {
  type Category,
  CHANNELS,
  COUNTRIES,
  CUSTOM_EVENTS,
  LANGUAGES,
  RATINGS,
  RESPONSE_TITLES,
  TOPICS,
  UNKNOWN_COUNTRY,
} from './catalog.js';

/** The API's name in every derived key. */
export const API = 'logicdialog';

/** Categories with the share of the whole each one gets (weights, not normalised). */
export interface Weighted {
  items: Category[];
  weights: number[];
}

/** A response (content block) of the workspace, with the links it holds. */
export interface ContentBlock extends Category {
  /** Absolute URLs of the links inside the response (may be none). */
  links: string[];
}

/** A custom event and how often a conversation fires it. */
export interface CustomEvent {
  name: string;
  perConversation: number;
}

/** Everything stable about a workspace. */
export interface Workspace {
  key: TenantKey;
  /** Names the workspace in cache keys: its seed, client and knobs (what everything here derives from). */
  id: string;
  knobs: Knobs;
  channels: Weighted;
  languages: Weighted;
  countries: Weighted;
  ratings: Weighted;
  sentiments: number[];
  topics: Weighted;
  responses: ContentBlock[];
  /** Who a matched input / a button press shows, by response. */
  nlpWeights: number[];
  buttonWeights: number[];
  agents: Weighted;
  customEvents: CustomEvent[];
  /** Share of conversations started by a new user. */
  newUserShare: number;
  /** Mean messages per conversation beyond the first, by channel. */
  extraMessages: number[];
  /** Share of messages typed (the rest are button presses). */
  typedShare: number;
  /** Share of typed messages the NLP matches to an intent. */
  matchedShare: number;
  /** Share of conversations handed over to a live agent. */
  handoverShare: number;
  /** Per view: chance of a like, and of a dislike among the rest. */
  likeShare: number;
  dislikeShare: number;
  /** Per view of a response: chance each of its links is clicked. */
  clickShare: number[][];
}

/** `count` distinct items of a list, in a derived order. */
function pickSome<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  for (let i = 0; i < Math.min(count, copy.length); i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/** The first item of a list always, plus `extra` more drawn from the rest, weighted for this tenant. */
function firstPlus(key: TenantKey, rng: Rng, dimension: string, list: readonly Category[], extra: number) {
  const items = [list[0] as Category, ...pickSome(rng, list.slice(1), extra)];
  return {
    items,
    weights: categoryWeights(
      key,
      dimension,
      items.map((c) => c.key),
    ),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function contentBlocks(rng: Rng): ContentBlock[] {
  const domain = fakerFrom(rng).internet.domainName();
  const titles = pickSome(rng, RESPONSE_TITLES, rng.int(10, 18));
  return titles.map((title) => {
    const page = `https://www.${domain}/${slug(title)}`;
    const linkCount = rng.chance(0.45) ? rng.int(1, 2) : 0;
    const links = linkCount === 0 ? [] : linkCount === 1 ? [page] : [page, `${page}/help`];
    return { key: rng.hex(24), label: title, links };
  });
}

function agentsOf(key: TenantKey, rng: Rng): Weighted {
  const count = rng.int(3, 7);
  const items: Category[] = [];
  for (let i = 0; i < count; i++) {
    const name = fakerFrom(rng).person.fullName();
    items.push({ key: rng.hex(24), label: name });
  }
  return {
    items,
    weights: categoryWeights(
      key,
      'agents',
      items.map((a) => a.key),
    ),
  };
}

function ratingsOf(rng: Rng): Weighted {
  const rated = 0.15 + rng.next() * 0.2;
  const spread = [0.45, 0.25, 0.12, 0.07, 0.11].map((w) => w * (0.7 + rng.next() * 0.6));
  const sum = spread.reduce((a, b) => a + b, 0);
  return { items: [...RATINGS], weights: [...spread.map((w) => (rated * w) / sum), 1 - rated] };
}

/** Workspaces recently asked for: deriving one draws names with faker, every request. */
const workspaces = new BoundedCache<Workspace>(1_000);

/** The workspace `client` in the world of `seed` (cached: a pure function of its inputs; never mutated). */
export function workspaceOf(seed: number, client: string, knobs: Knobs): Workspace {
  const id = cacheKey(API, seed, client, knobsKey(knobs));
  return workspaces.get(
    id,
    () => deriveWorkspace(id, seed, client, knobs),
    () => 1,
  );
}

function deriveWorkspace(id: string, seed: number, client: string, knobs: Knobs): Workspace {
  const key: TenantKey = { seed, api: API, tenant: client };
  const rng = Rng.derive(seed, API, client, 'workspace');
  const channels = firstPlus(key, rng, 'channel', CHANNELS, rng.int(1, 4));
  const languages = firstPlus(key, rng, 'language', LANGUAGES, rng.int(0, 3));
  // English is the language most users of any workspace write in.
  languages.weights[0] = (languages.weights[0] ?? 0) * 2.5;
  const countryList = firstPlus(key, rng, 'country', COUNTRIES, rng.int(2, 6));
  // The home country dominates; a few users cannot be placed at all.
  countryList.weights[0] = (countryList.weights[0] ?? 0) * 6;
  const countries: Weighted = {
    items: [...countryList.items, UNKNOWN_COUNTRY],
    weights: [...countryList.weights, 0.3],
  };
  const topicNames = pickSome(rng, TOPICS, rng.int(6, 10));
  const topicItems = topicNames.map((name) => ({ key: slug(name), label: name }));
  const responses = contentBlocks(rng);
  const responseKeys = responses.map((r) => r.key);
  return {
    key,
    id,
    knobs,
    channels,
    languages,
    countries,
    ratings: ratingsOf(rng),
    sentiments: [0.35 + rng.next() * 0.2, 0.3 + rng.next() * 0.15, 0.08 + rng.next() * 0.12],
    topics: { items: topicItems, weights: categoryWeights(key, 'topic', topicNames) },
    responses,
    nlpWeights: categoryWeights(key, 'response-nlp', responseKeys),
    buttonWeights: categoryWeights(key, 'response-button', responseKeys),
    agents: agentsOf(key, rng),
    customEvents: pickSome(rng, CUSTOM_EVENTS, rng.int(2, 4)).map((name) => ({
      name,
      perConversation: 0.02 + rng.next() * 0.25,
    })),
    newUserShare: 0.55 + rng.next() * 0.3,
    extraMessages: channels.items.map(() => 1.5 + rng.next() * 2.5),
    typedShare: 0.45 + rng.next() * 0.3,
    matchedShare: 0.7 + rng.next() * 0.22,
    handoverShare: 0.02 + rng.next() * 0.06,
    likeShare: 0.05 + rng.next() * 0.1,
    dislikeShare: 0.01 + rng.next() * 0.04,
    clickShare: responses.map((r) => r.links.map(() => 0.05 + rng.next() * 0.2)),
  };
}
