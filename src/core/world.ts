/**
 * The world model: per tenant, an hourly traffic curve from which every count and row is derived.
 * Any hour is computed directly from (seed, API, tenant, hour), so no history is ever replayed.
 */
import type { Knobs } from './knobs.js';
import { hashFrom, hashState, Rng } from './rng.js';
import { MS_DAY, MS_HOUR, type Window } from './time.js';

/** Who a series belongs to: the seed, the API and the tenant (workspace, bot, account, project…). */
export interface TenantKey {
  seed: number;
  api: string;
  tenant: string;
}

/** Stable traits of a tenant, derived from its key. */
export interface TenantProfile {
  /** Mean conversations per hour at the daily peak on a weekday. */
  peakPerHour: number;
  /** Hours east of UTC of the tenant's audience (moves its daily rhythm). */
  utcOffset: number;
  /** Weekend traffic as a share of weekday traffic. */
  weekendFactor: number;
  /** Traffic starts at this instant: before it the tenant did not exist. */
  createdAt: number;
}

// Relative traffic by local hour of day: quiet nights, a morning peak, a lunch dip, an evening tail.
const DAY_CURVE = [
  0.08, 0.05, 0.04, 0.03, 0.04, 0.08, 0.2, 0.42, 0.7, 0.92, 1.0, 0.97, 0.82, 0.88, 0.95, 0.9, 0.8, 0.66, 0.55,
  0.5, 0.45, 0.36, 0.24, 0.14,
];

/** What is derived once per tenant: its profile, and the hash states its day and hour keys start from. */
interface Tenant {
  profile: TenantProfile;
  /** hashState(seed, api, tenant, 'day') and (…, 'hour'): a key's shared prefix, hashed once. */
  day: number;
  hour: number;
}

// Callers walk hours with the same key object, so the WeakMap answers almost every lookup without
// building the string id; the Map serves new key objects of a known tenant.
const byKey = new WeakMap<TenantKey, Tenant>();
const byId = new Map<string, Tenant>();
const TENANT_CACHE_LIMIT = 10_000;

function profileOf(key: TenantKey): TenantProfile {
  const rng = Rng.derive(key.seed, key.api, key.tenant, 'profile');
  // Log-uniform size: most tenants are small, a few are big.
  const peakPerHour = Math.round(4 * 10 ** (rng.next() * 1.3) * 10) / 10;
  return {
    peakPerHour,
    utcOffset: rng.int(-5, 3),
    weekendFactor: 0.35 + rng.next() * 0.3,
    createdAt: Date.UTC(2022, 0, 1) + rng.int(0, 364) * MS_DAY,
  };
}

/** The tenant of a key (cached: it is a pure function of the key). */
function tenantOf(key: TenantKey): Tenant {
  const known = byKey.get(key);
  if (known) return known;
  const id = `${key.seed}\u0000${key.api}\u0000${key.tenant}`;
  let tenant = byId.get(id);
  if (!tenant) {
    tenant = {
      profile: profileOf(key),
      day: hashState(key.seed, key.api, key.tenant, 'day'),
      hour: hashState(key.seed, key.api, key.tenant, 'hour'),
    };
    if (byId.size >= TENANT_CACHE_LIMIT) byId.clear();
    byId.set(id, tenant);
  }
  byKey.set(key, tenant);
  return tenant;
}

/** The profile of a tenant (cached: it is a pure function of the key). */
export function tenantProfile(key: TenantKey): TenantProfile {
  return tenantOf(key).profile;
}

function expected(tenant: Tenant, hourIndex: number, knobs: Knobs): number {
  if (knobs.empty) return 0;
  const { profile } = tenant;
  const start = hourIndex * MS_HOUR;
  if (start < profile.createdAt) return 0;
  const localHour = (((hourIndex + profile.utcOffset) % 24) + 24) % 24;
  const dayIndex = Math.floor((start + profile.utcOffset * MS_HOUR) / MS_DAY);
  const dow = (dayIndex + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const weekend = dow === 0 || dow === 6 ? profile.weekendFactor : 1;
  // A day-level swing (campaigns, news) shared by every hour of that day.
  const daySwing = 0.75 + (hashFrom(tenant.day, dayIndex) / 4294967296) * 0.5;
  return profile.peakPerHour * (DAY_CURVE[localHour] ?? 0) * weekend * daySwing * knobs.volume;
}

/** The expected (mean) number of conversations in an hour, before noise. */
export function expectedPerHour(key: TenantKey, hourIndex: number, knobs: Knobs): number {
  return expected(tenantOf(key), hourIndex, knobs);
}

/** The number of conversations that started in an hour (hourIndex = epoch ms / 1 h). */
export function conversationsInHour(key: TenantKey, hourIndex: number, knobs: Knobs): number {
  const tenant = tenantOf(key);
  const lambda = expected(tenant, hourIndex, knobs);
  if (lambda === 0) return 0;
  // Rng.derive(seed, api, tenant, 'hour', hourIndex), from the prefix hashed once.
  return new Rng(hashFrom(tenant.hour, hourIndex)).poisson(lambda);
}

/** The hour indexes whose start lies in [start, end) — hours are the world's atoms. */
export function hoursIn(window: Window): { first: number; last: number } {
  return { first: Math.ceil(window.start / MS_HOUR), last: Math.ceil(window.end / MS_HOUR) - 1 };
}
