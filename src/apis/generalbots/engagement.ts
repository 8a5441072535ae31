/** Engagement figures: users and sessions, weekly retention cohorts, satisfaction survey answers. */

import { Rng } from '../../core/rng.js';
import { percentOf, ratio, round2 } from '../../core/rounding.js';
import { sumBuckets, sumWindow, vectorAdds } from '../../core/series.js';
import { addUnit, MS_DAY, type Window } from '../../core/time.js';
import { calendarDate, sum, windowFields } from './figures.js';
import { type Scope, SURVEY_ANSWERS, vectorName } from './scope.js';
import { usageOf } from './usage.js';

/** GET /engagement: new + returning = active users, the same figures as /usage. */
export function engagementMetrics(scope: Scope, window: Window) {
  const usage = usageOf(scope, window);
  const returning = usage.activeUsers - usage.newUsers;
  return {
    ...windowFields(window),
    active_users: usage.activeUsers,
    new_users: usage.newUsers,
    returning_users: returning,
    total_sessions: usage.conversations,
    sessions_per_user: ratio(usage.conversations, usage.activeUsers),
    messages_per_session: ratio(usage.messages, usage.conversations),
    returning_users_percent: percentOf(returning, usage.activeUsers),
  };
}

/** Weeks after the cohort week that retention follows. */
const RETENTION_WEEKS = 12;

/**
 * GET /engagement/retention: one cohort per UTC week (Monday start) intersecting the window, the
 * users first seen in it (inside the window), and the share of them active in each later week
 * that starts before the window ends.
 */
export function retention(scope: Scope, window: Window) {
  const { seed, api, tenant } = scope.key;
  const { retentionBase, retentionDecay } = scope.traits;
  const weeks = sumBuckets(
    window,
    'week',
    vectorAdds((h) => [scope.users(h)[0] ?? 0], 1),
    {
      width: 1,
      name: vectorName(scope, 'first-time-users'),
    },
  );
  const firstTime = weeks.values[0] ?? [];
  const cohorts = weeks.starts.map((start, b) => {
    const users = firstTime[b] ?? 0;
    const values = [users > 0 ? 100 : 0];
    for (let k = 1; k <= RETENTION_WEEKS && addUnit(start, 'week', k) < window.end; k++) {
      const rng = Rng.derive(seed, api, tenant, ...scope.path, 'retention', start / MS_DAY, k);
      const active = rng.binomial(users, Math.min(1, retentionBase * k ** -retentionDecay));
      values.push(percentOf(active, users));
    }
    return { cohort_start: calendarDate(start), users, retention: values };
  });
  return { ...windowFields(window), cohorts };
}

/** The survey answers of the window: counts of scores 1..5 (the "no answer" count dropped). */
export function surveyOf(scope: Scope, window: Window): number[] {
  return sumWindow(
    window,
    vectorAdds((h) => scope.survey(h), SURVEY_ANSWERS),
    {
      width: SURVEY_ANSWERS,
      name: vectorName(scope, 'survey'),
    },
  ).slice(0, 5);
}

/** Satisfaction figures of a score distribution (1..5). */
export function satisfactionFigures(scores: readonly number[]) {
  const responses = sum(scores);
  const weighted = scores.reduce((acc, n, i) => acc + n * (i + 1), 0);
  return {
    average_score: responses === 0 ? null : round2(weighted / responses),
    responses,
    csat_percent: percentOf((scores[3] ?? 0) + (scores[4] ?? 0), responses),
  };
}

/** GET /engagement/satisfaction: the distribution sums to responses. */
export function satisfaction(scope: Scope, window: Window) {
  const scores = surveyOf(scope, window);
  const { average_score, responses, csat_percent } = satisfactionFigures(scores);
  return {
    ...windowFields(window),
    average_score,
    responses,
    distribution: Object.fromEntries(scores.map((n, i) => [String(i + 1), n])),
    csat_percent,
  };
}
