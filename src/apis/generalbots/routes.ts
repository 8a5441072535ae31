/** General Bots handlers: read the validated query, ask the generators, answer in the envelope. */
import type { Response } from 'express';
import { type OperationHandler, type OperationInput, stateful } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { showValue } from '../../core/show-value.js';
import type { TimeUnit, Window } from '../../core/time.js';
import {
  conversationDuration,
  conversationMetrics,
  conversationResolution,
  conversationVolume,
} from './conversations.js';
import { engagementMetrics, retention, satisfaction } from './engagement.js';
import type { OperationId } from './operations.js';
import { activeSessionsCount, realtimeMetrics } from './realtime.js';
import { decodeReportId, encodeReportId, type ReportFormat, type ReportType } from './report-id.js';
import { listReports, remember, renderReport } from './reports.js';
import { type Scope, scopeOf } from './scope.js';
import { dailyUsage, monthlyUsage, usageStats } from './usage.js';
import { checkPoints, checkStatable, requestedWindow, resolveWindow } from './window.js';

/** Sends a body in the project's envelope. */
function ok(res: Response, data: unknown, status = 200): void {
  res.status(status).json({ success: true, data, error: null });
}

/** The caller's account, narrowed by the bot_id and user_id filters when given. */
function scopeFor(input: OperationInput): Scope {
  const { bot_id, user_id } = input.query as { bot_id?: string; user_id?: string };
  return scopeOf(input.ctx.seed, input.caller.credential, input.ctx.knobs, {
    botId: bot_id,
    userId: user_id,
  });
}

/** A handler answering figures of the query's window. */
function windowed(figures: (scope: Scope, window: Window) => unknown): OperationHandler {
  return (input, res) => ok(res, figures(scopeFor(input), resolveWindow(input.query, input.ctx.clock)));
}

/** A handler answering a series of the query's window, bucketed by group_by. */
function series(figures: (scope: Scope, window: Window, unit: TimeUnit) => unknown): OperationHandler {
  return (input, res) => {
    const window = resolveWindow(input.query, input.ctx.clock);
    const unit = input.query.group_by as TimeUnit;
    checkPoints(window, unit);
    ok(res, figures(scopeFor(input), window, unit));
  };
}

/** What POST /reports accepts (validated against the spec before the handler runs). */
interface ReportBody {
  type: ReportType;
  start_date?: string;
  end_date?: string;
  format?: ReportFormat;
}

const createReport: OperationHandler = (input, res) => {
  const body = input.body as ReportBody;
  const { seed, now } = input.ctx;
  const window = checkStatable(
    requestedWindow({ start_date: body.start_date, end_date: body.end_date }, () => now),
  );
  const request = { type: body.type, format: body.format ?? 'json', ...window, createdAt: now };
  const scope = scopeFor(input);
  const report = renderReport(scope, encodeReportId(seed, scope.key.tenant, request), request);
  remember(input.req.app, scope, report);
  ok(res, report, 201);
};

const getReport: OperationHandler = (input, res) => {
  const id = input.path.report_id as string;
  const scope = scopeFor(input);
  const request = decodeReportId(input.ctx.seed, scope.key.tenant, id);
  if (!request) {
    throw new MockError(
      404,
      `Report not found: no report with id '${showValue(id)}' for this account and seed. Use an id from POST or GET /reports.`,
      { code: 'not_found' },
    );
  }
  ok(res, renderReport(scope, id, request));
};

const getReports: OperationHandler = (input, res) => {
  const reports = listReports(input.req.app, scopeFor(input), input.ctx.now);
  ok(res, { reports, total: reports.length });
};

/** Handlers by operationId. */
export const handlers = {
  getUsage: windowed(usageStats),
  getDailyUsage: windowed(dailyUsage),
  getMonthlyUsage: windowed(monthlyUsage),
  getConversationMetrics: windowed(conversationMetrics),
  getConversationVolume: series(conversationVolume),
  getConversationDuration: series(conversationDuration),
  getConversationResolution: windowed(conversationResolution),
  getEngagement: windowed(engagementMetrics),
  getRetention: windowed(retention),
  getSatisfaction: windowed(satisfaction),
  createReport,
  // GET /reports lists the reports created in this process.
  listReports: stateful(getReports),
  getReport,
  getRealtimeMetrics: (input, res) => ok(res, realtimeMetrics(scopeFor(input), input.ctx.now)),
  getActiveSessions: (input, res) => ok(res, activeSessionsCount(scopeFor(input), input.ctx.now)),
} satisfies Record<OperationId, OperationHandler>;
