/** Stable traits of a General Bots account: how its conversations split and how its users behave. */
import type { Knobs } from '../../core/knobs.js';
import { Rng } from '../../core/rng.js';
import { MS_HOUR } from '../../core/time.js';
import { expectedPerHour, type TenantKey, tenantProfile } from '../../core/world.js';
import { DURATION_EDGES } from './durations.js';

/** Everything about an account that does not change with time. */
export interface Traits {
  /** Share of conversations that are a user's first one. */
  newShare: number;
  /** Mean messages per conversation beyond the first exchange (user + bot). */
  extraMessages: number;
  /** Weights of how conversations end: resolved, escalated, abandoned. */
  outcomeWeights: number[];
  /** Weights of the duration bins (see DURATION_EDGES). */
  durationWeights: number[];
  /** Weights of the survey answers: scores 1..5, then "no answer". */
  surveyWeights: number[];
  /** Share of a weekly cohort still active one week later. */
  retentionBase: number;
  /** How fast that share decays with the weeks (retention ≈ base · week^-decay). */
  retentionDecay: number;
  /** Mean conversations per day, at the scenario's volume (sizes the pool of returning users). */
  meanDaily: number;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Log-normal mass of each duration bin, for a median and a spread. */
function durationWeights(median: number, sigma: number): number[] {
  const cdf = (s: number) => (s <= 0 ? 0 : normalCdf((Math.log(s) - Math.log(median)) / sigma));
  const weights: number[] = [];
  for (let i = 0; i < DURATION_EDGES.length - 1; i++) {
    const last = i === DURATION_EDGES.length - 2;
    // The last bin takes the whole tail, so long outliers are not lost.
    const upper = last ? 1 : cdf(DURATION_EDGES[i + 1] as number);
    weights.push(Math.max(1e-6, upper - cdf(DURATION_EDGES[i] as number)));
  }
  return weights;
}

/** Mean conversations per day over the tenant's first week (traffic curve × volume knob). */
function meanDailyOf(key: TenantKey, knobs: Knobs): number {
  const first = Math.ceil(tenantProfile(key).createdAt / MS_HOUR);
  let sum = 0;
  for (let h = first; h < first + 168; h++) sum += expectedPerHour(key, h, knobs);
  return sum / 7;
}

/** The traits of the account behind a key. */
export function traitsOf(key: TenantKey, knobs: Knobs): Traits {
  const rng = Rng.derive(key.seed, key.api, key.tenant, 'traits');
  const resolved = 0.55 + rng.next() * 0.25;
  const escalated = 0.08 + rng.next() * 0.12;
  const responseRate = 0.12 + rng.next() * 0.18;
  const scores = [
    0.04 + rng.next() * 0.06,
    0.04 + rng.next() * 0.06,
    0.1 + rng.next() * 0.1,
    0.25 + rng.next() * 0.1,
    0.3 + rng.next() * 0.2,
  ];
  const scoreTotal = scores.reduce((a, b) => a + b, 0);
  return {
    newShare: 0.2 + rng.next() * 0.2,
    extraMessages: 3 + rng.next() * 6,
    outcomeWeights: [resolved, escalated, Math.max(0.02, 1 - resolved - escalated)],
    durationWeights: durationWeights(90 + rng.next() * 270, 0.8 + rng.next() * 0.3),
    surveyWeights: [...scores.map((s) => (s / scoreTotal) * responseRate), 1 - responseRate],
    retentionBase: 0.25 + rng.next() * 0.2,
    retentionDecay: 0.3 + rng.next() * 0.3,
    meanDaily: meanDailyOf(key, knobs),
  };
}
