/** Handlers of the Events family: streams, tracking, definitions, funnel and attribute values. */
import { type OperationHandler, type OperationInput, stateful } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { isoMs, parseInstant } from '../../core/time.js';
import { API, type Bot, botOf, VERSIONS, type Version } from './bot.js';
import { botDefinitions, definitionId } from './definitions.js';
import { type AttributeFilter, passesAll } from './event-filters.js';
import { computeFunnel, type FunnelStepInput } from './event-funnel.js';
import { type StreamQuery, streamPage, streamPager } from './event-stream.js';
import { channelId, conversationUser, type TrackingEvent } from './events.js';
import { habitsOf } from './habits.js';
import { pageOf, pageSizeOf } from './hourly-pager.js';
import { listPage } from './list-pages.js';
import type { OperationId } from './operations.js';
import { readWindow } from './query.js';
import { keep, writeShelf } from './store.js';
import { teamBotIds } from './team.js';

/** The stream filters a request may send (query or body). */
interface StreamFilters {
  event?: string;
  conversation_id?: string;
  user_id?: string;
  campaign_id?: string;
  filters?: AttributeFilter[];
}

function keepOf(f: StreamFilters): (e: TrackingEvent) => boolean {
  return (e) =>
    (f.event === undefined || e.event === f.event) &&
    (f.conversation_id === undefined || e.conversation_id === f.conversation_id) &&
    (f.user_id === undefined || e.user_id === f.user_id) &&
    (f.campaign_id === undefined || e.attributes.campaign_id === f.campaign_id) &&
    passesAll(e, f.filters);
}

function botStream(input: OperationInput, source: Record<string, unknown>): StreamQuery {
  const f = source as StreamFilters;
  const filters = {
    event: f.event || undefined,
    conversation_id: f.conversation_id || undefined,
    user_id: f.user_id || undefined,
    campaign_id: f.campaign_id || undefined,
    filters: f.filters,
  };
  return {
    seed: input.ctx.seed,
    bots: [botOf(input.ctx.seed, input.path.bot_id as string)],
    versions: new Set([source.version as string]),
    window: readWindow(source),
    keep: keepOf(filters),
    filterKey: JSON.stringify(filters),
    app: input.req.app,
    token: input.caller.credential,
  };
}

function sendStream(
  input: OperationInput,
  q: StreamQuery,
  source: Record<string, unknown>,
  res: Parameters<OperationHandler>[1],
) {
  const token = (source.page_token as string | undefined) || undefined;
  res.json(streamPage(q, input.ctx.now, input.ctx.knobs, pageSizeOf(source.page_size), token));
}

const Analytics_ListEvents: OperationHandler = (input, res) => {
  sendStream(input, botStream(input, input.query), input.query, res);
};

const Analytics_ListEventsWithFilters: OperationHandler = (input, res) => {
  const body = input.body as Record<string, unknown>;
  sendStream(input, botStream(input, body), body, res);
};

const Analytics_GetTeamEvents: OperationHandler = (input, res) => {
  const { ctx, query } = input;
  const userId = (query.user_id as string | undefined) || undefined;
  const q: StreamQuery = {
    seed: ctx.seed,
    bots: teamBotIds(ctx.seed, input.path.team_id as string).map((id) => botOf(ctx.seed, id)),
    versions: new Set(VERSIONS),
    window: readWindow(query),
    keep: keepOf({ user_id: userId }),
    filterKey: JSON.stringify({ team: input.path.team_id, user_id: userId }),
    app: input.req.app,
    token: input.caller.credential,
  };
  sendStream(input, q, query, res);
};

interface TrackBody {
  id?: string;
  version?: Version;
  user_id?: string;
  event?: string;
  attributes?: Record<string, string>;
  context?: { conversation_id?: string; campaign?: { id?: string } };
  timestamp?: string;
}

function required(value: string | undefined, name: string, what: string): string {
  if (!value) throw new MockError(400, `Invalid request body: '${name}' is required (${what}).`);
  return value;
}

const Analytics_TrackEvent: OperationHandler = (input, res) => {
  const { ctx } = input;
  const body = input.body as TrackBody;
  const bot = botOf(ctx.seed, input.path.bot_id as string);
  const event = required(body.event, 'event', 'the name of the event to track');
  const ms = body.timestamp ? (parseInstant(body.timestamp)?.ms ?? ctx.now) : ctx.now;
  const conversationId = body.context?.conversation_id ?? '';
  const id =
    body.id ||
    Rng.derive(ctx.seed, API, bot.id, 'tracked', input.caller.credential, JSON.stringify(body), ms).uuid();
  const attributes = { ...(body.attributes ?? {}) };
  if (body.context?.campaign?.id) attributes.campaign_id = body.context.campaign.id;
  const channel = 'API';
  const stored: TrackingEvent = {
    id,
    event,
    bot_id: bot.id,
    version: body.version ?? 'LIVE',
    user_id: body.user_id ?? (conversationId ? conversationUser(bot, conversationId) : ''),
    channel_id: channelId(bot, channel),
    channel_type: channel,
    conversation_id: conversationId,
    attributes,
    timestamp: isoMs(ms),
    ms,
  };
  keep(writeShelf(input.req.app, ctx.seed, input.caller.credential, bot.id).events, id, stored);
  res.json({ event_id: id });
};

function definitionsOf(input: OperationInput, bots: readonly Bot[], teamId: string) {
  const { ctx, query } = input;
  const all = bots.flatMap((bot) =>
    botDefinitions(bot, teamId, ctx.now, ctx.knobs, input.req.app, input.caller.credential),
  );
  const page = listPage(
    all,
    [ctx.seed, ...bots.map((b) => b.id), teamId],
    pageSizeOf(query.page_size),
    (query.page_token as string | undefined) || undefined,
  );
  return { event_definitions: page.items, next_page_token: page.next };
}

const Analytics_ListEventDefinitions: OperationHandler = (input, res) => {
  const bot = botOf(input.ctx.seed, input.path.bot_id as string);
  res.json(definitionsOf(input, [bot], (input.query.team_id as string | undefined) ?? ''));
};

const Analytics_ListTeamEventDefinitions: OperationHandler = (input, res) => {
  const { seed } = input.ctx;
  const teamId = input.path.team_id as string;
  const only = (input.query.bot_id as string | undefined) || undefined;
  const bots = teamBotIds(seed, teamId)
    .filter((id) => only === undefined || id === only)
    .map((id) => botOf(seed, id));
  res.json(definitionsOf(input, bots, teamId));
};

const Analytics_CreateEventDefinition: OperationHandler = (input, res) => {
  const { ctx } = input;
  const body = input.body as { event?: string; description?: string; team_id?: string };
  const bot = botOf(ctx.seed, input.path.bot_id as string);
  const event = required(body.event, 'event', 'the name of the event to define');
  keep(writeShelf(input.req.app, ctx.seed, input.caller.credential, bot.id).definitions, event, {
    event,
    description: body.description ?? '',
    teamId: body.team_id ?? '',
    createdAt: ctx.now,
  });
  const listed = botDefinitions(
    bot,
    body.team_id ?? '',
    ctx.now,
    ctx.knobs,
    input.req.app,
    input.caller.credential,
  );
  const created = listed.find((d) => d.id === definitionId(bot, event));
  res.json({ event_definition: created });
};

interface EventsFunnelBody {
  version: Version;
  start_time: string;
  end_time: string;
  steps: FunnelStepInput[];
  breakdown_property?: string;
  order_type?: 'strict' | 'sequential';
  properties?: AttributeFilter[];
}

/** Every event of a stream query, in time order (every page of it). */
function* allEvents(input: OperationInput, q: StreamQuery): Generator<TrackingEvent> {
  const pager = streamPager(q, input.ctx.now, input.ctx.knobs, Number.MAX_SAFE_INTEGER);
  let token: string | undefined;
  do {
    const { items, next } = pageOf(pager, token);
    yield* items;
    token = next || undefined;
  } while (token);
}

const Analytics_ComputeEventsFunnel: OperationHandler = (input, res) => {
  const body = input.body as EventsFunnelBody;
  const q = botStream(input, {
    version: body.version,
    start_time: body.start_time,
    end_time: body.end_time,
    filters: body.properties,
  });
  const result = computeFunnel(
    allEvents(input, q),
    body.steps,
    body.order_type === 'strict',
    body.breakdown_property || undefined,
  );
  res.json({ result });
};

/** At most this many attribute values are listed (inferred). */
const MAX_VALUES = 100;

const Analytics_GetEventAttributeValues: OperationHandler = (input, res) => {
  const bot = botOf(input.ctx.seed, input.path.bot_id as string);
  const key = input.path.attribute_key as string;
  const query = ((input.body as { query?: string } | undefined)?.query ?? '').toLowerCase();
  const values = new Set<string>();
  for (const t of habitsOf(bot).events.values) for (const v of t.attributes[key] ?? []) values.add(v);
  if (key === 'campaign_id') for (const id of bot.dimensions[3].values) if (id !== '') values.add(id);
  if (key === 'channel_type') for (const c of bot.dimensions[1].values) values.add(c);
  const attributes = [...values]
    .filter((v) => v.toLowerCase().includes(query))
    .sort()
    .slice(0, MAX_VALUES)
    .map((value) => ({ key, value }));
  res.json({ attributes });
};

/** The Events handlers by operationId; the lists read what clients tracked and defined (store.ts). */
export const eventHandlers = {
  Analytics_ListEvents: stateful(Analytics_ListEvents),
  Analytics_ListEventsWithFilters,
  Analytics_GetTeamEvents: stateful(Analytics_GetTeamEvents),
  Analytics_TrackEvent,
  Analytics_ListEventDefinitions: stateful(Analytics_ListEventDefinitions),
  Analytics_ListTeamEventDefinitions: stateful(Analytics_ListTeamEventDefinitions),
  Analytics_CreateEventDefinition,
  Analytics_ComputeEventsFunnel,
  Analytics_GetEventAttributeValues,
} satisfies Partial<Record<OperationId, OperationHandler>>;
