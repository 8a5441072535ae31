/** ChatBot.com handlers: thin glue between the validated query, the report generators and JSON. */
import type { Response } from 'express';
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { distinct, listItems } from '../../core/list-values.js';
import { type Account, accountOf, SOURCES } from './account.js';
import { busiestPeriod } from './busiest.js';
import type { OperationId } from './operations.js';
import { interactionsPopularity } from './popularity.js';
import { averageReport, countReport, type SeriesRequest } from './series-report.js';
import type { Metric, Selection } from './traffic.js';
import { checkPoints, type Dimension, reportWindow, resolveDimension } from './window.js';

function accountFor(input: OperationInput): Account {
  return accountOf(input.ctx.seed, input.caller.credential);
}

/** A filter given once (a string) or several times (an array), duplicates removed; undefined if not given. */
function listOf(value: unknown): string[] | undefined {
  return value === undefined ? undefined : distinct(listItems(value));
}

/** The filters and, with `group`, the group values: those requested, else every source or story. */
function selectionOf(query: Record<string, unknown>, account: Account): Selection {
  const sources = listOf(query.source);
  const storyIds = listOf(query.storyId);
  const selection: Selection = { sources, storyIds };
  if (query.group === 'source') selection.group = { by: 'source', values: sources ?? [...SOURCES] };
  if (query.group === 'storyId')
    selection.group = { by: 'storyId', values: storyIds ?? account.stories.map((s) => s.id) };
  return selection;
}

function seriesRequest(input: OperationInput): SeriesRequest {
  const { query, ctx } = input;
  const account = accountFor(input);
  const window = reportWindow(query, ctx.clock);
  const unit = resolveDimension(query.dimension as Dimension, window, ctx.clock);
  checkPoints(window, unit);
  return {
    account,
    knobs: ctx.knobs,
    clock: ctx.clock,
    window,
    unit,
    selection: selectionOf(query, account),
  };
}

function countHandler(metric: Metric): OperationHandler {
  return (input, res: Response) => {
    res.json(countReport(seriesRequest(input), metric));
  };
}

const getAverageConversationsReport: OperationHandler = (input, res: Response) => {
  res.json(averageReport(seriesRequest(input)));
};

const getBusiestPeriodReport: OperationHandler = (input, res: Response) => {
  const { query, ctx } = input;
  const account = accountFor(input);
  const window = reportWindow(query, ctx.clock);
  const grid = busiestPeriod(
    account,
    ctx.knobs,
    window,
    ctx.clock,
    selectionOf(query, account),
    query.offset as number,
  );
  res.json(grid);
};

const getInteractionsPopularityReport: OperationHandler = (input, res: Response) => {
  const { query, ctx } = input;
  const window = reportWindow(query, ctx.clock);
  const storyId = query.storyId as string | undefined;
  res.json(interactionsPopularity(accountFor(input), ctx.knobs, window, ctx.clock, storyId));
};

/** Handlers by operationId. */
export const handlers = {
  getConversationsReport: countHandler('conversations'),
  getPaidConversationsReport: countHandler('paid'),
  getConversationsMessagesReport: countHandler('messages'),
  getAverageConversationsReport,
  getBusiestPeriodReport,
  getInteractionsPopularityReport,
} satisfies Record<OperationId, OperationHandler>;
