/** The requests `verify` sends to ChatBot.com: every report over the last 7 days, and its documented errors. */
import type { Probe, ProbeSet } from '../../core/probe.js';
import { MS_DAY, startOf } from '../../core/time.js';

/** The six reports, by operationId and path; each takes `period` (the average and counts also `dimension`). */
const REPORTS: readonly [string, string][] = [
  ['getConversationsReport', '/reports/conversations'],
  ['getPaidConversationsReport', '/reports/conversations.paid'],
  ['getConversationsMessagesReport', '/reports/conversations.messages'],
  ['getAverageConversationsReport', '/reports/conversations.average'],
  ['getBusiestPeriodReport', '/reports/conversations.busiestPeriod'],
  ['getInteractionsPopularityReport', '/reports/interactions.popularity'],
];

const SERIES = new Set(REPORTS.slice(0, 4).map(([id]) => id));

function build({ now }: { now: number }): Probe[] {
  const probes: Probe[] = REPORTS.map(([operationId, path]): Probe => {
    const query: Record<string, string> = { period: 'last7days' };
    if (SERIES.has(operationId)) query.dimension = 'day';
    return { name: `${operationId} last7days`, operationId, method: 'GET', path, query };
  });
  // Explicit dates (date-only, as the docs' examples) and a group: the other documented form.
  const today = startOf(now, 'day');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  probes.push({
    name: 'getConversationsReport from/to by source',
    operationId: 'getConversationsReport',
    method: 'GET',
    path: '/reports/conversations',
    query: { from: day(today - 14 * MS_DAY), to: day(today - MS_DAY), dimension: 'day', group: 'source' },
  });
  probes.push({
    name: 'getConversationsReport unknown period (400)',
    operationId: 'getConversationsReport',
    method: 'GET',
    path: '/reports/conversations',
    query: { period: 'fortnight' },
    expectStatus: 400,
  });
  probes.push({
    name: 'getConversationsReport without token (401)',
    operationId: 'getConversationsReport',
    method: 'GET',
    path: '/reports/conversations',
    query: { period: 'last7days' },
    anonymous: true,
    expectStatus: 401,
  });
  return probes;
}

/** ChatBot.com's probes: the developer access token goes in `Authorization: Bearer`. */
export const probes: ProbeSet = {
  build,
  params: {},
  example:
    "verify chatbotcom --target https://api.chatbot.com --header 'Authorization: Bearer $CHATBOT_TOKEN'",
};
