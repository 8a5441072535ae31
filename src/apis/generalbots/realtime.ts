/** Real-time figures at the clock: sessions of the last 30 minutes, messages of the last 5. */
import { Rng } from '../../core/rng.js';
import { round1 } from '../../core/rounding.js';
import { isoMs, MS_HOUR } from '../../core/time.js';
import type { Scope } from './scope.js';

/** A session is active if it started this recently. */
const ACTIVE_MS = 30 * 60_000;
/** Messages per minute are averaged over this span. */
const RATE_MINUTES = 5;
/** Share of active sessions that are a second session of an already active user. */
const REPEAT_SHARE = 0.03;

/** Conversations that started in [from, now), with the messages they carry on average. */
function startedSince(scope: Scope, from: number, now: number): { sessions: number; messages: number } {
  let sessions = 0;
  let messages = 0;
  for (let h = Math.floor(from / MS_HOUR); h * MS_HOUR < now; h++) {
    const base = h * MS_HOUR;
    const starts = scope.starts(h);
    const inside = starts.filter((offset) => base + offset >= from && base + offset < now).length;
    sessions += inside;
    if (inside > 0) messages += (inside * scope.messages(h)) / starts.length;
  }
  return { sessions, messages };
}

/** Sessions active at the clock: started in the 30 minutes before it. */
export function activeSessions(scope: Scope, now: number): number {
  return startedSince(scope, now - ACTIVE_MS, now).sessions;
}

/** GET /realtime. */
export function realtimeMetrics(scope: Scope, now: number) {
  const sessions = activeSessions(scope, now);
  const minute = Math.floor(now / 60_000);
  const { seed, api, tenant } = scope.key;
  const repeats = Rng.derive(seed, api, tenant, ...scope.path, 'realtime-users', minute).binomial(
    Math.max(0, sessions - 1),
    REPEAT_SHARE,
  );
  const recent = startedSince(scope, now - RATE_MINUTES * 60_000, now);
  return {
    timestamp: isoMs(now),
    active_sessions: sessions,
    active_users: sessions - repeats,
    messages_per_minute: round1(recent.messages / RATE_MINUTES),
  };
}

/** GET /realtime/active: the same count as /realtime at the same clock. */
export function activeSessionsCount(scope: Scope, now: number) {
  return { active_sessions: activeSessions(scope, now), timestamp: isoMs(now) };
}
