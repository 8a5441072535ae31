import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanDuration, quantileDuration } from '../../../src/apis/generalbots/durations.js';
import { type Scope, scopeOf } from '../../../src/apis/generalbots/scope.js';
import { usageOf } from '../../../src/apis/generalbots/usage.js';
import { DEFAULT_KNOBS } from '../../../src/core/knobs.js';
import { drawWithoutReplacement, Rng } from '../../../src/core/rng.js';
import { MS_DAY, MS_HOUR } from '../../../src/core/time.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const BOT = '3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17';
const USER = '9b2e6c41-58a0-4f3d-b7e2-61c4d0a8f935';
const uuid = fc.uuid();

function account(): Scope {
  return scopeOf(1, 'model-token', DEFAULT_KNOBS);
}

/** Every hourly figure of a scope, flattened into one list of counts. */
function hourFigures(scope: Scope, hour: number): number[] {
  return [
    ...scope.users(hour),
    scope.messages(hour),
    ...scope.outcomes(hour),
    ...scope.durations(hour),
    ...scope.survey(hour),
    scope.starts(hour).length,
  ];
}

const someHour = fc.integer({ min: Math.floor(NOW / MS_HOUR) - 24 * 400, max: Math.floor(NOW / MS_HOUR) });

describe('the General Bots world model', () => {
  it('draws without replacement: never more than a category holds, always k in all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer(),
        (counts, wanted, seed) => {
          const all = counts.reduce((a, b) => a + b, 0);
          const k = wanted % (all + 1);
          const drawn = drawWithoutReplacement(counts, k, new Rng(seed));
          expect(drawn.reduce((a, b) => a + b, 0)).toBe(k);
          drawn.forEach((n, i) => {
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThanOrEqual(counts[i] as number);
          });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps every hourly figure of a bot within its account, and of a user within its bot', () => {
    fc.assert(
      fc.property(uuid, uuid, someHour, (bot, user, hour) => {
        const parent = account();
        const botScope = scopeOf(1, 'model-token', DEFAULT_KNOBS, { botId: bot });
        const userScope = scopeOf(1, 'model-token', DEFAULT_KNOBS, { botId: bot, userId: user });
        const [a, b, u] = [parent, botScope, userScope].map((s) => hourFigures(s, hour));
        for (const [i, n] of (b ?? []).entries()) expect(n).toBeLessThanOrEqual(a?.[i] as number);
        for (const [i, n] of (u ?? []).entries()) expect(n).toBeLessThanOrEqual(b?.[i] as number);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('gives every hour consistent vectors: outcomes, durations and survey answers add up to the conversations', () => {
    fc.assert(
      fc.property(someHour, fc.option(uuid, { nil: undefined }), (hour, bot) => {
        const scope = scopeOf(1, 'model-token', DEFAULT_KNOBS, { botId: bot });
        const conversations = scope.users(hour).reduce((a, b) => a + b, 0);
        for (const vector of [scope.outcomes(hour), scope.durations(hour), scope.survey(hour)])
          expect(vector.reduce((a, b) => a + b, 0)).toBe(conversations);
        expect(scope.messages(hour)).toBeGreaterThanOrEqual(2 * conversations);
        expect(scope.starts(hour)).toHaveLength(conversations);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('never counts more active users in a sub-window than in its window, nor more than conversations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 119 }),
        fc.integer({ min: 1, max: 120 }),
        fc.option(uuid, { nil: undefined }),
        (days, offset, length, bot) => {
          const scope = scopeOf(1, 'model-token', DEFAULT_KNOBS, { botId: bot });
          const outer = { start: NOW - days * MS_DAY, end: NOW };
          const innerStart = Math.min(outer.end, outer.start + (offset % days) * MS_DAY);
          const inner = { start: innerStart, end: Math.min(outer.end, innerStart + length * MS_HOUR) };
          const whole = usageOf(scope, outer);
          const part = usageOf(scope, inner);
          expect(part.activeUsers).toBeLessThanOrEqual(whole.activeUsers);
          expect(whole.activeUsers).toBeLessThanOrEqual(whole.conversations);
          expect(whole.newUsers).toBeLessThanOrEqual(whole.activeUsers);
          if (whole.conversations > 0) expect(whole.activeUsers).toBeGreaterThan(0);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('makes a user active at most once and new in exactly one hour of its life', () => {
    const scope = scopeOf(1, 'model-token', DEFAULT_KNOBS, { userId: USER });
    // Users are first seen within 1200 days of the account's creation (2022) and live at most a year.
    const life = usageOf(scope, { start: Date.UTC(2022, 0, 1), end: Date.UTC(2029, 0, 1) });
    expect(life.activeUsers).toBe(1);
    expect(life.newUsers).toBe(1);
    expect(life.conversations).toBeGreaterThan(0);
  });

  it('gives the same bot the same share whatever the case of its UUID', () => {
    const window = { start: NOW - 7 * MS_DAY, end: NOW };
    const lower = usageOf(scopeOf(1, 't', DEFAULT_KNOBS, { botId: BOT }), window);
    const upper = usageOf(scopeOf(1, 't', DEFAULT_KNOBS, { botId: BOT.toUpperCase() }), window);
    expect(upper).toEqual(lower);
  });

  it('reads the mean, median and 90th percentile of a duration histogram', () => {
    const bins = [0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(meanDuration(bins)).toBe(90);
    expect(quantileDuration(bins, 0.5)).toBe(90);
    expect(quantileDuration(bins, 0.9)).toBe(114);
    expect(quantileDuration(new Array(11).fill(0), 0.5)).toBe(0);
  });
});
