/**
 * Who the figures are about: the caller's account, one of its bots, or one user. The account's
 * hours come from the world model; a bot's or a user's hours are exact sub-samples of their
 * parent's, so every figure filtered by bot_id or user_id is at most the unfiltered one.
 */
import { BoundedCache, cacheKey } from '../../core/bounded-cache.js';
import { type Knobs, knobsKey } from '../../core/knobs.js';
import { drawWithoutReplacement, hashKey, type KeyPart, Rng, splitCount } from '../../core/rng.js';
import { MS_DAY, MS_HOUR } from '../../core/time.js';
import { conversationsInHour, type TenantKey, tenantProfile } from '../../core/world.js';
import { DURATION_EDGES } from './durations.js';
import { sum } from './figures.js';
import { type Traits, traitsOf } from './traits.js';

export const API = 'generalbots';

/** Number of duration bins, outcomes (resolved, escalated, abandoned) and survey answers (1..5, none). */
export const DURATION_BINS = DURATION_EDGES.length - 1;
export const OUTCOMES = 3;
export const SURVEY_ANSWERS = 6;

/** The hourly figures of a scope: every one is a count or a count vector of that hour. */
export interface Scope {
  /** The world model's key: seed, API and the account tenant. */
  readonly key: TenantKey;
  /** Names the scope in cache keys: everything its figures derive from (seed, account, knobs, path). */
  readonly id: string;
  /** The key parts naming the scope inside the account ([] for the account itself). */
  readonly path: readonly KeyPart[];
  readonly traits: Traits;
  /** Share of the account's expected traffic the scope stands for (1 for the account). */
  readonly share: number;
  /** Conversations started in the hour: [by first-time users, by returning users]. */
  users(hour: number): readonly number[];
  /** Messages (user and bot) of the hour's conversations; at least two per conversation. */
  messages(hour: number): number;
  /** The hour's conversations by outcome: resolved, escalated, abandoned. */
  outcomes(hour: number): readonly number[];
  /** The hour's conversations by duration bin. */
  durations(hour: number): readonly number[];
  /** The hour's conversations by survey answer: scores 1..5, then no answer. */
  survey(hour: number): readonly number[];
  /** Start offsets (ms into the hour) of the hour's conversations. */
  starts(hour: number): readonly number[];
  /** Distinct users behind `fresh` first conversations and `returning` others over `hours` hours. */
  activeUsers(fresh: number, returning: number, hours: number): number;
}

/**
 * The name of a per-hour vector of a scope, for core/series.ts's cache of whole days: `what` names
 * the per-hour function (one name per distinct function).
 */
export function vectorName(scope: Scope, what: string): string {
  return cacheKey(scope.id, what);
}

/** How long (days) a returning-user pool takes to build up, and its size in days of traffic. */
const POOL_DAYS = 45;
const POOL_SIZE_DAYS = 60;

/**
 * Distinct returning users: `returning` conversations drawn from a pool that grows with the
 * window's length. Monotone in both, never above `returning`, and at least 1 when it is positive,
 * so a sub-window never has more users than its window.
 */
function distinctReturning(meanDaily: number, share: number, returning: number, hours: number): number {
  if (returning === 0) return 0;
  const pool = Math.max(1, meanDaily * POOL_SIZE_DAYS * share * (1 - Math.exp(-hours / (POOL_DAYS * 24))));
  return Math.round(pool * (1 - Math.exp(-returning / pool)));
}

function zeros(width: number): number[] {
  return new Array<number>(width).fill(0);
}

class AccountScope implements Scope {
  readonly share = 1;
  readonly path: readonly KeyPart[] = [];
  readonly traits: Traits;
  readonly id: string;

  constructor(
    readonly key: TenantKey,
    private readonly knobs: Knobs,
  ) {
    this.traits = traitsOf(key, knobs);
    this.id = cacheKey(key.api, key.seed, key.tenant, knobsKey(knobs));
  }

  private rng(what: string, hour: number): Rng {
    return Rng.derive(this.key.seed, this.key.api, this.key.tenant, what, hour);
  }

  private count(hour: number): number {
    return conversationsInHour(this.key, hour, this.knobs);
  }

  users(hour: number): readonly number[] {
    const c = this.count(hour);
    if (c === 0) return [0, 0];
    const fresh = this.rng('fresh', hour).binomial(c, this.traits.newShare);
    return [fresh, c - fresh];
  }

  messages(hour: number): number {
    const c = this.count(hour);
    return c === 0 ? 0 : 2 * c + this.rng('messages', hour).poisson(c * this.traits.extraMessages);
  }

  private split(what: string, hour: number, weights: readonly number[]): readonly number[] {
    const c = this.count(hour);
    return c === 0 ? zeros(weights.length) : splitCount(c, weights, this.rng(what, hour));
  }

  outcomes(hour: number): readonly number[] {
    return this.split('outcomes', hour, this.traits.outcomeWeights);
  }

  durations(hour: number): readonly number[] {
    return this.split('durations', hour, this.traits.durationWeights);
  }

  survey(hour: number): readonly number[] {
    return this.split('survey', hour, this.traits.surveyWeights);
  }

  starts(hour: number): readonly number[] {
    const c = this.count(hour);
    if (c === 0) return [];
    const rng = this.rng('starts', hour);
    return Array.from({ length: c }, () => rng.int(0, MS_HOUR - 1));
  }

  activeUsers(fresh: number, returning: number, hours: number): number {
    return fresh + distinctReturning(this.traits.meanDaily, this.share, returning, hours);
  }
}

/** Picks a sub-scope's [fresh, returning] conversations of an hour out of its parent's. */
type Pick = (hour: number, parent: readonly number[]) => readonly number[];

/** A bot or a user: every hourly figure is drawn out of the parent's same-hour figure. */
class SubScope implements Scope {
  readonly key: TenantKey;
  readonly traits: Traits;
  readonly id: string;

  constructor(
    private readonly parent: Scope,
    readonly path: readonly KeyPart[],
    readonly share: number,
    private readonly pick: Pick,
    /** One person: active users are 0 or 1. */
    private readonly individual: boolean,
  ) {
    this.key = parent.key;
    this.traits = parent.traits;
    this.id = cacheKey(parent.id, ...path);
  }

  private rng(what: string, hour: number): Rng {
    return Rng.derive(this.key.seed, this.key.api, this.key.tenant, ...this.path, what, hour);
  }

  private count(hour: number): number {
    return sum(this.users(hour));
  }

  users(hour: number): readonly number[] {
    return this.pick(hour, this.parent.users(hour));
  }

  messages(hour: number): number {
    const k = this.count(hour);
    if (k === 0) return 0;
    const c = sum(this.parent.users(hour));
    const extra = this.parent.messages(hour) - 2 * c;
    return 2 * k + this.rng('messages', hour).binomial(extra, k / c);
  }

  private draw(what: string, hour: number, parent: readonly number[]): readonly number[] {
    const k = this.count(hour);
    return k === 0 ? zeros(parent.length) : drawWithoutReplacement(parent, k, this.rng(what, hour));
  }

  outcomes(hour: number): readonly number[] {
    return this.draw('outcomes', hour, this.parent.outcomes(hour));
  }

  durations(hour: number): readonly number[] {
    return this.draw('durations', hour, this.parent.durations(hour));
  }

  survey(hour: number): readonly number[] {
    return this.draw('survey', hour, this.parent.survey(hour));
  }

  starts(hour: number): readonly number[] {
    // The parent's starts are in draw order (uniform), so any prefix is a uniform subset.
    return this.parent.starts(hour).slice(0, this.count(hour));
  }

  activeUsers(fresh: number, returning: number, hours: number): number {
    if (this.individual) return fresh + returning > 0 ? 1 : 0;
    return fresh + distinctReturning(this.traits.meanDaily, this.share, returning, hours);
  }
}

/** A bot of the account: a stable share (3%–60%) of each hour's conversations, by either kind of user. */
function botScope(parent: Scope, botId: string): Scope {
  const { seed, api, tenant } = parent.key;
  const botPath = [...parent.path, 'bot', botId.toLowerCase()];
  const share = 0.03 * 20 ** Rng.derive(seed, api, tenant, ...botPath, 'share').next();
  const pick: Pick = (hour, [fresh = 0, returning = 0]) => {
    if (fresh + returning === 0) return [0, 0];
    const rng = Rng.derive(seed, api, tenant, ...botPath, 'users', hour);
    return [rng.binomial(fresh, share), rng.binomial(returning, share)];
  };
  return new SubScope(parent, botPath, share, pick, false);
}

/** First-seen instants of users spread over this many days after the account was created. */
const FIRST_SEEN_SPREAD_DAYS = 1200;
/** How far (hours) a user's first visit may move to reach an hour with a first-time conversation. */
const FIRST_SEEN_SCAN_HOURS = 30 * 24;

/**
 * One user: first seen in one hour (as one of the parent's first-time conversations there), then
 * returning now and then (0.5–4 times a week) during a lifetime of 7–365 days.
 */
function userScope(parent: Scope, userId: string): Scope {
  const { seed, api, tenant } = parent.key;
  const userPath = [...parent.path, 'user', userId.toLowerCase()];
  const rng = Rng.derive(seed, api, tenant, ...userPath, 'profile');
  const created = Math.ceil(tenantProfile(parent.key).createdAt / MS_HOUR);
  const from = created + rng.int(0, FIRST_SEEN_SPREAD_DAYS * 24);
  let first = Number.POSITIVE_INFINITY;
  for (let h = from; h < from + FIRST_SEEN_SCAN_HOURS; h++) {
    if ((parent.users(h)[0] ?? 0) > 0) {
      first = h;
      break;
    }
  }
  const last = first + Math.round((7 * (365 / 7) ** rng.next() * MS_DAY) / MS_HOUR);
  const perWeek = 0.5 + rng.next() * 3.5;
  const returningPerWeek = parent.traits.meanDaily * 7 * (1 - parent.traits.newShare) * parent.share;
  const visit = Math.min(1, perWeek / Math.max(1, returningPerWeek));
  const pick: Pick = (hour, [, returning = 0]) => {
    if (hour < first || hour > last) return [0, 0];
    if (hour === first) return [1, 0];
    if (returning === 0) return [0, 0];
    return [0, Rng.derive(seed, api, tenant, ...userPath, 'visits', hour).binomial(returning, visit)];
  };
  return new SubScope(parent, userPath, parent.share * visit, pick, true);
}

/** The account tenant of a credential: each token sees its own account. */
export function accountOf(credential: string): string {
  return `account-${hashKey(API, 'account', credential).toString(36)}`;
}

/** Scopes recently asked for: an account's traits and a user's first visit take hundreds of hours to find. */
const scopes = new BoundedCache<Scope>(1_000);

/** The scope a request asks about: the caller's account, narrowed to a bot and/or a user (cached). */
export function scopeOf(
  seed: number,
  credential: string,
  knobs: Knobs,
  filters: { botId?: string | undefined; userId?: string | undefined } = {},
): Scope {
  const { botId, userId } = filters;
  const key = cacheKey(
    seed,
    credential,
    knobsKey(knobs),
    botId === undefined ? '' : `bot ${botId}`,
    userId === undefined ? '' : `user ${userId}`,
  );
  return scopes.get(
    key,
    () => deriveScope(seed, credential, knobs, filters),
    () => 1,
  );
}

function deriveScope(
  seed: number,
  credential: string,
  knobs: Knobs,
  filters: { botId?: string | undefined; userId?: string | undefined },
): Scope {
  let scope: Scope = new AccountScope({ seed, api: API, tenant: accountOf(credential) }, knobs);
  if (filters.botId !== undefined) scope = botScope(scope, filters.botId);
  if (filters.userId !== undefined) scope = userScope(scope, filters.userId);
  return scope;
}
