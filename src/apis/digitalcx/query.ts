/** The interactions query: window, limits and filters, checked as the vendor documents them. */

import { MockError } from '../../core/errors.js';
import type { RequestClock } from '../../core/request-clock.js';
import { hashKey } from '../../core/rng.js';
import { isoMs, MS_DAY, parseInstant, type Window } from '../../core/time.js';
import { ALL_FLAGS } from './interaction-types.js';
import type { Environment, Interaction, SessionMode } from './interactions.js';

/** No data exists before this instant (vendor doc: "no data is available prior to December 15th 2024"). */
export const DATA_START = Date.UTC(2024, 11, 15);
/** The oldest start date allowed, counted back from now (vendor doc: "not more than 90 days back"). */
export const MAX_DAYS_BACK = 90;
/** The longest window (vendor doc: "not more than one day's worth of data at the same time"). */
export const MAX_WINDOW_MS = MS_DAY;

/** What a request asks for, after validation. */
export interface InteractionsQuery {
  window: Window;
  /** Rows must start before this (now): the log holds nothing from the future. */
  cutoff: number;
  culture: string | undefined;
  filterText: string | undefined;
  interactionTypes: number;
  mainInteractionType: number;
  environment: Environment;
  sessionMode: SessionMode;
  activeSessionOnly: boolean;
  includeUserInfo: boolean;
  paginate: boolean;
  continuationToken: string | undefined;
}

function flags(name: string, value: unknown): number {
  if (value === undefined) return ALL_FLAGS;
  if (value === 'All') return ALL_FLAGS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > ALL_FLAGS) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${String(value)}' must be a sum of interaction-type flags (Event 1, QA 2, FaqClick 4, Dialog 8, LinkClick 16, Feedback 32, FaqSearch 64, TransactionalDialog 128, DataRetrieval 256, GenerativeAI 512), from 1 to 1023, or All.`,
    );
  }
  return n;
}

function instant(name: string, value: unknown): number {
  const parsed = parseInstant(String(value));
  if (!parsed) {
    throw new MockError(
      400,
      `Invalid query parameter '${name}': '${String(value)}' is not a date; send an ISO 8601 date or timestamp such as 2025-03-01T00:00:00Z.`,
    );
  }
  return parsed.ms;
}

/** The documented 400 for an end before the start (vendor doc, exact text). */
export const END_BEFORE_START = 'End date cannot be earlier than start date.';

/** The documented 400 for keys that name no project (vendor doc, exact text with the keys substituted). */
export function unknownProjectMessage(customerKey: string, projectKey: string): string {
  return `Customer key ${customerKey} with project ${projectKey} does not exist.`;
}

/** The 400 for a start before the first day with data. */
export function beforeDataStartMessage(start: number): string {
  return `No data is available prior to December 15th 2024: startDate ${isoMs(start)} is earlier than ${isoMs(DATA_START)}.`;
}

/** The 400 for a start more than 90 days before now (`oldest` = now minus 90 days). */
export function tooFarBackMessage(start: number, oldest: number): string {
  return `You cannot request a date more than 90 days back: startDate ${isoMs(start)} is earlier than ${isoMs(oldest)} (90 days before now).`;
}

/** The 400 for a window longer than one day. */
export function windowTooLongMessage(start: number, end: number): string {
  const days = Math.round(((end - start) / MS_DAY) * 1000) / 1000;
  return `You cannot request more than one day's worth of data at the same time: the window from startDate to endDate is ${days} days; the limit is 1 day (24 hours).`;
}

/** The oldest start date allowed at a given now. */
export function oldestStart(now: number): number {
  return now - MAX_DAYS_BACK * MS_DAY;
}

/**
 * Reads the validated query and enforces the documented limits, in the order the vendor states them.
 * An answer holds until its start falls more than 90 days back, and, for a window reaching past now,
 * for this millisecond only (rows are timed to the millisecond and none lies in the future).
 */
export function readQuery(query: Record<string, unknown>, clock: RequestClock): InteractionsQuery {
  const start = instant('startDate', query.startDate);
  const end = instant('endDate', query.endDate);
  if (end < start) throw new MockError(400, END_BEFORE_START);
  if (start < DATA_START) throw new MockError(400, beforeDataStartMessage(start));
  // start < now − 90 days, as the clock moves: from start + 90 days + 1 ms on.
  if (clock.reached(start + MAX_DAYS_BACK * MS_DAY + 1)) {
    throw new MockError(400, tooFarBackMessage(start, oldestStart(clock.exact())));
  }
  if (end - start > MAX_WINDOW_MS) throw new MockError(400, windowTooLongMessage(start, end));
  return {
    window: { start, end },
    cutoff: clock.capped(end),
    culture: query.culture as string | undefined,
    filterText: query.filterText as string | undefined,
    interactionTypes: flags('interactionTypes', query.interactionTypes),
    mainInteractionType: flags('mainInteractionType', query.mainInteractionType),
    environment: (query.environment as Environment | undefined) ?? 'Production',
    sessionMode: (query.sessionMode as SessionMode | undefined) ?? 'Public',
    activeSessionOnly: query.activeSessionOnly === true,
    includeUserInfo: query.includeUserInfo === true,
    paginate: query.paginateData === true,
    continuationToken: query.continuationToken as string | undefined,
  };
}

/** Whether a row passes every filter of the query (interaction-type flags match on overlap). */
export function matches(row: Interaction, q: InteractionsQuery): boolean {
  return (
    row.timestampStart >= q.window.start &&
    row.timestampStart < q.cutoff &&
    row.environment === q.environment &&
    row.sessionMode === q.sessionMode &&
    (q.culture === undefined || row.culture === q.culture) &&
    (row.allMask & q.interactionTypes) !== 0 &&
    (row.mainMask & q.mainInteractionType) !== 0 &&
    (!q.activeSessionOnly || row.sessionIsActive) &&
    (q.filterText === undefined || (row.interactionValue ?? '').includes(q.filterText))
  );
}

/** A hash of everything that selects rows: a continuation token is only valid for the same hash. */
export function queryHash(customerKey: string, projectKey: string, q: InteractionsQuery): string {
  return hashKey(
    customerKey,
    projectKey,
    q.window.start,
    q.window.end,
    q.culture ?? '',
    q.filterText ?? '',
    q.interactionTypes,
    q.mainInteractionType,
    q.environment,
    q.sessionMode,
    String(q.activeSessionOnly),
  ).toString(36);
}
