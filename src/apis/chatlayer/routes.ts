/** Chatlayer handlers: thin glue between validated requests, the series and flow generators, and JSON. */
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { botOf, VERSIONS, type Version } from './bot.js';
import { conversationSeries, insightSeries, type SeriesQuery, type Stat } from './conversation-series.js';
import { conversationFlow } from './flow.js';
import { type Bucket, readBucket, readGroupBy, readList, readWindow } from './query.js';
import { teamBotIds } from './team.js';

const BOT_BUCKETS: readonly Bucket[] = ['1h', '1d', '1w'];
const TEAM_BUCKETS: readonly Bucket[] = ['1d', '1w', '1m'];

/** The query of a bot's series: one bot, one version, its filters. */
function botQuery(input: OperationInput): SeriesQuery {
  const { query } = input;
  const window = readWindow(query);
  const botId = input.path.bot_id as string;
  return {
    bots: [botOf(input.ctx.seed, botId)],
    teamId: '',
    window,
    unit: readBucket(window, query.bucket as Bucket, BOT_BUCKETS),
    versions: new Set([query.version as Version]),
    channels: readList(query.channel_type),
    languages: readList(query.language),
    groupBy: readGroupBy(query.group_by),
  };
}

const Analytics_GetConversations: OperationHandler = (input, res) => {
  res.json({ data: conversationSeries(botQuery(input), input.ctx.now, input.ctx.knobs) });
};

const Analytics_GetConversationsInsights: OperationHandler = (input, res) => {
  const stat = input.query.stat as Stat;
  res.json({ data: insightSeries(botQuery(input), stat, input.ctx.now, input.ctx.knobs) });
};

const Analytics_GetTeamConversationsUsage: OperationHandler = (input, res) => {
  const { query, ctx } = input;
  const teamId = input.path.team_id as string;
  const window = readWindow(query);
  const q: SeriesQuery = {
    bots: teamBotIds(ctx.seed, teamId).map((id) => botOf(ctx.seed, id)),
    teamId,
    window,
    unit: readBucket(window, query.bucket as Bucket, TEAM_BUCKETS),
    versions: new Set(VERSIONS),
    channels: undefined,
    languages: undefined,
    groupBy: readGroupBy(query.group_by),
  };
  res.json({ data: conversationSeries(q, ctx.now, ctx.knobs) });
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
    ctx.now,
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
};
