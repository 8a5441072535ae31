/** Bodies of the conversation endpoints: `message`, `nlp`, `message-groups`, `sentiment`, `events`. */

import { seriesSums, totalSums } from './buckets.js';
import { FEEDBACK_EVENT, HANDOVER_EVENT, SENTIMENTS, WELCOME_EVENT } from './catalog.js';
import { interventionCount } from './interventions.js';
import type { AnalyticsQuery } from './query.js';
import { breakdownOf, categorySeries, rankedSeries, seriesOf } from './shapes.js';
import {
  conversations,
  conversationsBySentiment,
  customEventCalls,
  inputsByTopic,
  messages,
  nlpOutcomes,
  usersByRating,
} from './traffic.js';
import type { Workspace } from './workspace.js';

/** `/message`: messages sent by users per bucket. */
export function messageReport(ws: Workspace, q: AnalyticsQuery) {
  const [values = []] = seriesSums(ws, 'messages', q, 1, (h) => [messages(ws, h)]);
  const series = seriesOf(q, { key: 'messages', label: 'Messages' }, values);
  return { series: [series], total: series.total };
}

/** `/nlp`: natural-language inputs matched to an intent and not matched, per bucket. */
export function nlpReport(ws: Workspace, q: AnalyticsQuery) {
  const [matched = [], unmatched = []] = seriesSums(ws, 'nlp-outcomes', q, 2, (h) => nlpOutcomes(ws, h));
  const series = [
    seriesOf(q, { key: 'matched', label: 'Matched' }, matched),
    seriesOf(q, { key: 'unmatched', label: 'Not matched' }, unmatched),
  ];
  return { series, total: series.reduce((a, s) => a + s.total, 0) };
}

/** `/message-groups`: matched inputs per identified topic, per bucket. */
export function messageGroupsReport(ws: Workspace, q: AnalyticsQuery) {
  const items = ws.topics.items;
  const { series, total } = rankedSeries(
    q,
    items,
    seriesSums(ws, 'inputs-by-topic', q, items.length, (h) => inputsByTopic(ws, h)),
  );
  return { series, total };
}

/** `/sentiment`: conversations per sentiment, always the three of them. */
export function sentimentReport(ws: Workspace, q: AnalyticsQuery) {
  const series = categorySeries(
    q,
    SENTIMENTS,
    seriesSums(ws, 'by-sentiment', q, SENTIMENTS.length, (h) => conversationsBySentiment(ws, h)),
  );
  const totals = series.map((s) => s.total);
  return {
    series,
    breakdown: breakdownOf(SENTIMENTS, totals, true),
    total: totals.reduce((a, b) => a + b, 0),
  };
}

/** `/events`: calls of each event: a welcome per conversation, hand-over requests, ratings, custom events. */
export function eventsReport(ws: Workspace, q: AnalyticsQuery) {
  const names = [WELCOME_EVENT, HANDOVER_EVENT, FEEDBACK_EVENT, ...ws.customEvents.map((e) => e.name)];
  const calls = totalSums(ws, 'event-calls', q, names.length, (h) => {
    const byRating = usersByRating(ws, h);
    const unrated = byRating[byRating.length - 1] ?? 0;
    const n = conversations(ws, h);
    return [n, interventionCount(ws, h), n - unrated, ...customEventCalls(ws, h)];
  });
  const breakdown = breakdownOf(
    names.map((name) => ({ key: name, label: name })),
    calls,
  );
  return { breakdown, total: calls.reduce((a, b) => a + b, 0) };
}
