/** Reports: their figures, the seeded weekly schedule every account has, and this server's own. */
import { Rng } from '../../core/rng.js';
import { percentOf, ratio, round1 } from '../../core/rounding.js';
import { isoMs, MS_DAY, MS_HOUR, startOf, type Window } from '../../core/time.js';
import { durationsOf, outcomesOf } from './conversations.js';
import { meanDuration } from './durations.js';
import { satisfactionFigures, surveyOf } from './engagement.js';
import {
  encodeReportId,
  REPORT_FORMATS,
  REPORT_TYPES,
  type ReportRequest,
  type ReportType,
} from './report-id.js';
import type { Scope } from './scope.js';
import { usageOf } from './usage.js';
import { clampWindow } from './window.js';

type Summary = Record<string, number | null>;

function usageSummary(scope: Scope, window: Window): Summary {
  const u = usageOf(scope, window);
  return {
    total_conversations: u.conversations,
    total_messages: u.messages,
    active_users: u.activeUsers,
    new_users: u.newUsers,
  };
}

function conversationsSummary(scope: Scope, window: Window): Summary {
  const u = usageOf(scope, window);
  return {
    total_conversations: u.conversations,
    avg_messages_per_conversation: ratio(u.messages, u.conversations),
    avg_duration_seconds: round1(meanDuration(durationsOf(scope, window))),
    resolution_rate: percentOf(outcomesOf(scope, window).resolved, u.conversations),
  };
}

function engagementSummary(scope: Scope, window: Window): Summary {
  const u = usageOf(scope, window);
  return {
    active_users: u.activeUsers,
    sessions_per_user: ratio(u.conversations, u.activeUsers),
    messages_per_session: ratio(u.messages, u.conversations),
    returning_users_percent: percentOf(u.activeUsers - u.newUsers, u.activeUsers),
  };
}

function satisfactionSummary(scope: Scope, window: Window): Summary {
  return satisfactionFigures(surveyOf(scope, window));
}

const SUMMARIES: Record<Exclude<ReportType, 'custom'>, (scope: Scope, window: Window) => Summary> = {
  usage: usageSummary,
  conversations: conversationsSummary,
  engagement: engagementSummary,
  satisfaction: satisfactionSummary,
};

/** The key figures of a report type over a window, as the matching endpoints give them. */
export function reportSummary(scope: Scope, type: ReportType, window: Window): Summary {
  if (type !== 'custom') return SUMMARIES[type](scope, window);
  return Object.assign({}, ...Object.values(SUMMARIES).map((summarize) => summarize(scope, window)));
}

/** The report as the API shows it; its figures cover its window up to its creation instant. */
export function renderReport(scope: Scope, id: string, r: ReportRequest) {
  return {
    id,
    type: r.type,
    start_date: isoMs(r.start),
    end_date: isoMs(r.end),
    format: r.format,
    status: 'completed' as const,
    created_at: isoMs(r.createdAt),
    download_url: null,
    summary: reportSummary(scope, r.type, clampWindow(r, r.createdAt)),
  };
}

/** A rendered report. */
export type Report = ReturnType<typeof renderReport>;

/** How far back the seeded schedule is listed. */
export const SEEDED_DAYS = 90;

/**
 * The account's seeded reports: one a week, created on a seeded day and time, covering the seven
 * days before its creation day; listed when created in the 90 days before now. Pure function of
 * (seed, account, week), so the same week always has the same report.
 */
export function seededReports(scope: Scope, now: number): ReportRequest[] {
  const { seed, api, tenant } = scope.key;
  const out: ReportRequest[] = [];
  const oldest = now - SEEDED_DAYS * MS_DAY;
  for (let week = startOf(oldest, 'week'); week <= now; week += 7 * MS_DAY) {
    const rng = Rng.derive(seed, api, tenant, 'seeded-report', week / MS_DAY);
    const createdAt = week + rng.int(0, 6) * MS_DAY + rng.int(6, 18) * MS_HOUR + rng.int(0, 59) * 60_000;
    if (createdAt <= oldest || createdAt > now) continue;
    const day = startOf(createdAt, 'day');
    out.push({
      type: rng.pick(REPORT_TYPES),
      format: rng.pick(REPORT_FORMATS),
      start: day - 7 * MS_DAY,
      end: day,
      createdAt,
    });
  }
  return out;
}

/** The most reports this server remembers per seed and account. */
export const STORE_LIMIT = 100;
/** The most (seed, account) shelves it keeps: the least recently written goes first. */
export const ACCOUNT_LIMIT = 1000;

/**
 * Reports created through this server (one app = one process in production), per seed and
 * account, as rendered at creation. Only GET /reports reads it: ids stay stateless. Bounded in
 * accounts and reports, and never grown by a read.
 */
const stores = new WeakMap<object, Map<string, Map<string, Report>>>();

function shelfKey(seed: number, account: string): string {
  return `${seed}|${account}`;
}

/** Forgets every report created through an app. */
export function forgetReports(app: object): void {
  stores.delete(app);
}

/** Remembers a created report (the oldest one goes when the store is full). */
export function remember(app: object, scope: Scope, report: Report): void {
  let byAccount = stores.get(app);
  if (!byAccount) {
    byAccount = new Map();
    stores.set(app, byAccount);
  }
  const key = shelfKey(scope.key.seed, scope.key.tenant);
  const reports = byAccount.get(key) ?? new Map<string, Report>();
  byAccount.delete(key);
  byAccount.set(key, reports);
  if (byAccount.size > ACCOUNT_LIMIT) byAccount.delete(byAccount.keys().next().value as string);
  reports.delete(report.id);
  reports.set(report.id, report);
  if (reports.size > STORE_LIMIT) reports.delete(reports.keys().next().value as string);
}

/** The seeded reports plus this server's (those created by the clock), newest created_at first. */
export function listReports(app: object, scope: Scope, now: number): Report[] {
  const { seed, tenant } = scope.key;
  const byId = new Map<string, Report>();
  const created = stores.get(app)?.get(shelfKey(seed, tenant)) ?? new Map<string, Report>();
  for (const [id, report] of created) if (Date.parse(report.created_at) <= now) byId.set(id, report);
  for (const r of seededReports(scope, now)) {
    const id = encodeReportId(seed, tenant, r);
    byId.set(id, renderReport(scope, id, r));
  }
  return [...byId.values()].sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? 1 : -1,
  );
}
