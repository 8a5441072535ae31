/** Logicdialog handlers: every endpoint reads the same query and answers its window plus its report. */
import type { Response } from 'express';
import type { OperationHandler, OperationInput } from '../../core/api.js';
import type { OperationId } from './operations.js';
import { type AnalyticsQuery, readQuery } from './query.js';
import { blocksReport, responseReport, urlTrackingReport } from './reports-content.js';
import {
  eventsReport,
  messageGroupsReport,
  messageReport,
  nlpReport,
  sentimentReport,
} from './reports-conversations.js';
import {
  interventionAverageTimeByAgentReport,
  interventionAverageTimeReport,
  interventionDetailReport,
  interventionReport,
} from './reports-interventions.js';
import {
  activeChannelReport,
  activeUserLanguageReport,
  userDetailReport,
  userReport,
} from './reports-users.js';
import { windowOf } from './shapes.js';
import type { Workspace } from './workspace.js';

type Report = (ws: Workspace, q: AnalyticsQuery) => object;

/** A handler answering `{ dateFrom, dateTo, resolution, client, ...report }`. */
function serve(report: Report): OperationHandler {
  return (input: OperationInput, res: Response) => {
    const { q, ws } = readQuery(input);
    res.status(200).json({ ...windowOf(q), ...report(ws, q) });
  };
}

/** Handlers by operationId. */
export const handlers = {
  getUserAnalytics: serve(userReport),
  getNlpAnalytics: serve(nlpReport),
  getMessageAnalytics: serve(messageReport),
  getActiveChannelAnalytics: serve(activeChannelReport),
  getMessageGroupsAnalytics: serve(messageGroupsReport),
  getSentimentAnalytics: serve(sentimentReport),
  getEventsAnalytics: serve(eventsReport),
  getUserDetailAnalytics: serve(userDetailReport),
  getResponseAnalytics: serve(responseReport),
  getUrlTrackingAnalytics: serve(urlTrackingReport),
  getBlocksAnalytics: serve(blocksReport),
  getInterventionAnalytics: serve(interventionReport),
  getInterventionAverageTimeByAgentSeriesAnalytics: serve(interventionAverageTimeByAgentReport),
  getInterventionDetailAnalytics: serve(interventionDetailReport),
  getInterventionAverageTimeAnalytics: serve(interventionAverageTimeReport),
  getActiveUserLanguageAnalytics: serve(activeUserLanguageReport),
} satisfies Record<OperationId, OperationHandler>;
