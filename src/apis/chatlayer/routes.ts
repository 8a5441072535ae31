/** Chatlayer handlers: the Conversations family here, the others from their files, by operationId. */
import type { OperationHandler } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { sendJsonText } from '../../core/json-text.js';
import { botOf } from './bot.js';
import { conversationSeries, insightSeries, type Stat } from './conversation-series.js';
import { eventHandlers } from './event-routes.js';
import { conversationFlow } from './flow.js';
import { flowHandlers } from './flow-routes.js';
import { miscHandlers } from './misc-routes.js';
import type { OperationId } from './operations.js';
import { readWindow } from './query.js';
import { seriesDataJson } from './series-data.js';
import { botQuery, TEAM_BUCKETS, teamQuery } from './series-query.js';
import { seriesHandlers } from './series-routes.js';

const Analytics_GetConversations: OperationHandler = (input, res) => {
  sendJsonText(res, seriesDataJson(conversationSeries(botQuery(input), input.ctx.clock, input.ctx.knobs)));
};

const Analytics_GetConversationsInsights: OperationHandler = (input, res) => {
  const stat = input.query.stat as Stat;
  sendJsonText(res, seriesDataJson(insightSeries(botQuery(input), stat, input.ctx.clock, input.ctx.knobs)));
};

const Analytics_GetTeamConversationsUsage: OperationHandler = (input, res) => {
  const q = { ...teamQuery(input, TEAM_BUCKETS), channels: undefined, languages: undefined };
  sendJsonText(res, seriesDataJson(conversationSeries(q, input.ctx.clock, input.ctx.knobs)));
};

const Analytics_GetConversationFlow: OperationHandler = (input, res) => {
  const { ctx, query } = input;
  const botId = input.path.bot_id as string;
  const conversationId = input.path.conversation_id as string;
  const window = readWindow(query);
  const messageId = query.message_id as string | undefined;
  const flow = conversationFlow(
    botOf(ctx.seed, botId),
    conversationId,
    window,
    ctx.clock,
    ctx.knobs,
    messageId,
  );
  if (!flow) {
    throw new MockError(
      404,
      `conversation ${conversationId} not found: bot ${botId} has no conversations in [start_time, end_time) (the range is after now, before the bot existed, or the world is empty).`,
    );
  }
  res.json(flow);
};

/** Handlers by operationId (the vendor's ids). */
export const handlers = {
  Analytics_GetConversations,
  Analytics_GetConversationsInsights,
  Analytics_GetConversationFlow,
  Analytics_GetTeamConversationsUsage,
  ...seriesHandlers,
  ...flowHandlers,
  ...eventHandlers,
  ...miscHandlers,
} satisfies Record<OperationId, OperationHandler>;
