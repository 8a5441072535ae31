/** Handlers of subscriptions (webhooks), app integration logs and the connectivity echo. */
import { type OperationHandler, stateful } from '../../core/api.js';
import { checkHourBudget } from '../../core/budget.js';
import { MockError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { isoMs, MS_HOUR } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { appLogsIn } from './app-logs.js';
import { API } from './bot.js';
import { pageOf, pageSizeOf } from './hourly-pager.js';
import { listPage } from './list-pages.js';
import type { OperationId } from './operations.js';
import { readWindow } from './query.js';
import { keep, readShelf, type StoredSubscription, writeShelf } from './store.js';

interface SubscriptionBody {
  bot_version?: string;
  target?: string;
  secret?: string;
  event_type?: string;
  event_names?: string[];
  version?: string;
}

const Analytics_CreateSubscription: OperationHandler = (input, res) => {
  const { ctx } = input;
  const body = input.body as SubscriptionBody;
  const botId = input.path.bot_id as string;
  for (const [name, what] of [
    ['target', 'the URL the events are sent to'],
    ['event_type', 'one of TRACKING_EVENT, FLOW_EVENT, MESSAGE_EVENT'],
  ] as const) {
    if (!body[name]) throw new MockError(400, `Invalid request body: '${name}' is required (${what}).`);
  }
  const { secret: _, ...shown } = body;
  const subscription: StoredSubscription = {
    id: Rng.derive(
      ctx.seed,
      API,
      botId,
      'subscription',
      input.caller.credential,
      JSON.stringify(shown),
      ctx.now,
    ).uuid(),
    bot_id: botId,
    bot_version: body.bot_version ?? 'LIVE',
    target: body.target as string,
    event_type: body.event_type as string,
    event_names: body.event_names ?? [],
    created_at: isoMs(ctx.now),
    version: body.version ?? 'v1',
    status: 'ACTIVE',
  };
  keep(
    writeShelf(input.req.app, ctx.seed, input.caller.credential, botId).subscriptions,
    subscription.id,
    subscription,
  );
  res.json({ subscription });
};

const Analytics_ListSubscriptions: OperationHandler = (input, res) => {
  const { ctx, query } = input;
  const botId = input.path.bot_id as string;
  const all = [
    ...(readShelf(input.req.app, ctx.seed, input.caller.credential, botId)?.subscriptions.values() ?? []),
  ];
  const page = listPage(
    all,
    [ctx.seed, botId, 'subscriptions'],
    pageSizeOf(query.page_size),
    (query.page_token as string | undefined) || undefined,
  );
  res.json({ subscriptions: page.items, next_page_token: page.next });
};

const Analytics_DeleteSubscription: OperationHandler = (input, res) => {
  const { ctx } = input;
  const botId = input.path.bot_id as string;
  const id = input.path.subscription_id as string;
  const shelf = readShelf(input.req.app, ctx.seed, input.caller.credential, botId);
  if (!shelf?.subscriptions.delete(id)) {
    throw new MockError(
      404,
      `subscription ${id} not found: bot ${botId} has no such subscription for this token (list them with GET /v1/bots/${botId}/subscriptions).`,
    );
  }
  res.json({});
};

const Analytics_ListAppIntegrationsLogs: OperationHandler = (input, res) => {
  const { ctx, query } = input;
  const appId = input.path.app_id as string;
  const window = readWindow(query);
  const text = ((query.query as string | undefined) ?? '').toLowerCase();
  const live = checkHourBudget(
    window,
    tenantProfile({ seed: ctx.seed, api: API, tenant: `app:${appId}` }).createdAt,
    Math.floor(ctx.now / MS_HOUR) * MS_HOUR,
    `The range [start_time, end_time) (${isoMs(window.start)} to ${isoMs(window.end)})`,
  );
  const first = Math.floor(live.start / MS_HOUR);
  const { items, next } = pageOf(
    {
      scope: [ctx.seed, 'logs', appId, window.start, window.end, text],
      window,
      first,
      last: live.end > live.start ? Math.ceil(live.end / MS_HOUR) - 1 : first - 1,
      extraHours: [],
      itemsIn: (hour) =>
        appLogsIn(ctx.seed, appId, hour, ctx.knobs).filter(
          (log) =>
            text === '' ||
            [log.log_message, log.log_type, log.event_command].some((f) => f.toLowerCase().includes(text)),
        ),
      pageSize: pageSizeOf(query.page_size),
    },
    (query.page_token as string | undefined) || undefined,
  );
  res.json({ logs: items.map(({ ms: _, ...log }) => log), next_page_token: next });
};

const Analytics_Echo: OperationHandler = (input, res) => {
  res.json({ message: (input.body as { message: string }).message });
};

/** The subscription, app-log and echo handlers by operationId; the list reads what clients created (store.ts). */
export const miscHandlers = {
  Analytics_CreateSubscription,
  Analytics_ListSubscriptions: stateful(Analytics_ListSubscriptions),
  Analytics_DeleteSubscription,
  Analytics_ListAppIntegrationsLogs,
  Analytics_Echo,
} satisfies Partial<Record<OperationId, OperationHandler>>;
