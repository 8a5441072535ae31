import { describe, expect, it } from 'vitest';
import { requestContext } from '../../src/core/api.js';
import { DEFAULT_KNOBS } from '../../src/core/knobs.js';
import { RequestClock } from '../../src/core/request-clock.js';
import { DEFAULT_SCENARIO } from '../../src/core/scenario.js';

const at = Date.parse;
const NOW = at('2025-03-01T12:10:00Z');

describe('RequestClock', () => {
  it('holds for good when nothing reads it', () => {
    expect(new RequestClock(NOW).validUntil).toBe(Number.POSITIVE_INFINITY);
  });

  it('holds for the millisecond when the instant itself is read, also through a context plain now', () => {
    const clock = new RequestClock(NOW);
    expect(clock.exact()).toBe(NOW);
    expect(clock.validUntil).toBe(NOW + 1);
    const ctx = requestContext(1, NOW, DEFAULT_SCENARIO, DEFAULT_KNOBS);
    expect(ctx.clock.validUntil).toBe(Number.POSITIVE_INFINITY);
    expect(ctx.now).toBe(NOW);
    expect(ctx.clock.validUntil).toBe(NOW + 1);
  });

  it('caps at complete hours: holds until the hour completes while the window reaches it, else for good', () => {
    const reaching = new RequestClock(NOW);
    expect(reaching.cappedToCompleteHours(at('2025-03-02T00:00:00Z'))).toBe(at('2025-03-01T12:00:00Z'));
    expect(reaching.validUntil).toBe(at('2025-03-01T13:00:00Z'));
    const past = new RequestClock(NOW);
    expect(past.cappedToCompleteHours(at('2025-03-01T11:00:00Z'))).toBe(at('2025-03-01T11:00:00Z'));
    expect(past.validUntil).toBe(Number.POSITIVE_INFINITY);
  });

  it('caps at now counting started hours: holds until just after the next hour begins', () => {
    const clock = new RequestClock(NOW);
    expect(clock.cappedToStartedHours(Number.POSITIVE_INFINITY)).toBe(NOW);
    expect(clock.validUntil).toBe(at('2025-03-01T13:00:00.001Z'));
    // At an hour's first millisecond that hour has not begun before now: it does one millisecond later.
    const onTheHour = new RequestClock(at('2025-03-01T13:00:00Z'));
    onTheHour.cappedToStartedHours(Number.POSITIVE_INFINITY);
    expect(onTheHour.validUntil).toBe(at('2025-03-01T13:00:00.001Z'));
  });

  it('holds a unit start until the unit ends, and a limit not yet reached until it is', () => {
    const clock = new RequestClock(NOW);
    expect(clock.startOf('month')).toBe(at('2025-03-01T00:00:00Z'));
    expect(clock.validUntil).toBe(at('2025-04-01T00:00:00Z'));
    expect(clock.startOf('day')).toBe(at('2025-03-01T00:00:00Z'));
    expect(clock.validUntil).toBe(at('2025-03-02T00:00:00Z'));
    expect(clock.reached(at('2025-03-01T12:20:00Z'))).toBe(false);
    expect(clock.validUntil).toBe(at('2025-03-01T12:20:00Z'));
    expect(clock.reached(NOW)).toBe(true);
    expect(clock.validUntil).toBe(at('2025-03-01T12:20:00Z'));
  });

  it('never says an answer holds less than its own millisecond', () => {
    const clock = new RequestClock(NOW);
    clock.until(NOW - 5);
    expect(clock.validUntil).toBe(NOW + 1);
  });
});
