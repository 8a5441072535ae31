/** Handlers of the series families: messages, users, intents, knowledge base, voice minutes. */
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { sendJsonText } from '../../core/json-text.js';
import { userActivity } from './activity.js';
import { type CellMeasure, cellSeries, cellTotals, insightSeries } from './conversation-series.js';
import { habitsOf } from './habits.js';
import { pageOf, rankIntents } from './intents.js';
import { cellAnswers, cellIntents, cellUsers, cellVoiceMinutes } from './measures.js';
import type { OperationId } from './operations.js';
import { type SeriesData, seriesDataJson } from './series-data.js';
import { botQuery, TEAM_BUCKETS, teamQuery } from './series-query.js';

/** Recognised intents, one serie per intent. */
const INTENTS: CellMeasure & { field: string } = {
  what: 'intents',
  field: 'intent_id',
  perCell: (bot, hour, cell, add) => {
    const names = habitsOf(bot).intents.values;
    cellIntents(bot, hour, cell).forEach((n, i) => {
      if (n > 0) add(n, names[i] as string);
    });
  },
};

/** Intent series of a request, one per recognised intent. */
function intentSeries(input: OperationInput): SeriesData {
  return cellSeries(botQuery(input), input.ctx.clock, input.ctx.knobs, INTENTS);
}

/** Knowledge-base answers: by tag, or all tags in one serie. */
function answers(byTag: boolean): CellMeasure {
  return {
    what: 'answers',
    ...(byTag ? { field: 'tag' } : {}),
    perCell: (bot, hour, cell, add) => {
      const tags = habitsOf(bot).tags.values;
      cellAnswers(bot, hour, cell).forEach((n, i) => {
        if (n > 0) add(n, byTag ? (tags[i] as string) : undefined);
      });
    },
  };
}

/** Knowledge-base series of a query: by tag, or all tags in one serie. */
function answerSeries(input: OperationInput, team: boolean, byTag: boolean): SeriesData {
  const q = team ? teamQuery(input, TEAM_BUCKETS) : botQuery(input, !byTag);
  return cellSeries(q, input.ctx.clock, input.ctx.knobs, answers(byTag));
}

const Analytics_GetMessages: OperationHandler = (input, res) => {
  sendJsonText(
    res,
    seriesDataJson(insightSeries(botQuery(input), 'num_messages', input.ctx.clock, input.ctx.knobs)),
  );
};

const Analytics_GetUsers: OperationHandler = (input, res) => {
  const data = cellSeries(botQuery(input), input.ctx.clock, input.ctx.knobs, {
    what: 'users',
    perCell: (bot, hour, cell, add) => add(cellUsers(bot, hour, cell)),
  });
  sendJsonText(res, seriesDataJson(data));
};

const Analytics_GetUserActivity: OperationHandler = (input, res) => {
  sendJsonText(res, seriesDataJson(userActivity(botQuery(input, false), input.ctx.clock, input.ctx.knobs)));
};

const Analytics_GetIntents: OperationHandler = (input, res) => {
  const { after, before, first, last } = input.query as {
    after?: string;
    before?: string;
    first?: number;
    last?: number;
  };
  // Only each intent's total is shown: summed over the window, not bucket by bucket.
  const totals = cellTotals(botQuery(input), input.ctx.clock, input.ctx.knobs, INTENTS);
  res.json(pageOf(rankIntents(totals), { after, before, first, last }));
};

const Analytics_GetIntentInsights: OperationHandler = (input, res) => {
  sendJsonText(res, seriesDataJson(intentSeries(input)));
};

const Analytics_GetKnowledgeBaseUsage: OperationHandler = (input, res) => {
  sendJsonText(res, seriesDataJson(answerSeries(input, false, false)));
};

const Analytics_GetKnowledgeBaseTagsInsights: OperationHandler = (input, res) => {
  const totals = cellTotals(botQuery(input, false), input.ctx.clock, input.ctx.knobs, {
    ...answers(true),
    field: 'tag',
  });
  const data = totals
    .map((t) => ({ tag: t.label, count: t.total, rank: 0 }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1))
    .map((t, i) => ({ ...t, rank: i + 1 }));
  res.json({ data });
};

const Analytics_GetTeamKnowledgeBaseUsage: OperationHandler = (input, res) => {
  sendJsonText(res, seriesDataJson(answerSeries(input, true, false)));
};

const Analytics_GetVoiceAnalytics: OperationHandler = (input, res) => {
  const q = teamQuery(input, ['1h', '1d', '1w']);
  const data = cellSeries(q, input.ctx.clock, input.ctx.knobs, {
    what: 'voice-minutes',
    perCell: (bot, hour, cell, add) => add(cellVoiceMinutes(bot, hour, cell)),
  });
  sendJsonText(res, seriesDataJson(data));
};

/** The series families' handlers by operationId. */
export const seriesHandlers = {
  Analytics_GetMessages,
  Analytics_GetUsers,
  Analytics_GetUserActivity,
  Analytics_GetIntents,
  Analytics_GetIntentInsights,
  Analytics_GetKnowledgeBaseUsage,
  Analytics_GetKnowledgeBaseTagsInsights,
  Analytics_GetTeamKnowledgeBaseUsage,
  Analytics_GetVoiceAnalytics,
} satisfies Partial<Record<OperationId, OperationHandler>>;
