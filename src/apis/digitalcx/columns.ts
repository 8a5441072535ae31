/** The interaction-log columns, in the documented order, and how a row is written as CSV or JSON. */
import { csvRecord } from '../../core/csv.js';
import { isoMs } from '../../core/time.js';
import type { Interaction } from './interactions.js';

/** The documented columns first, then those public clients read, user-info columns last. */
export const COLUMNS = [
  'LogId',
  'InteractionUuid',
  'OriginatingInteractionUuid',
  'SessionUuid',
  'SessionIsActive',
  'TimestampStart',
  'TimestampEnd',
  'Culture',
  'MainInteractionType',
  'AllInteractionTypes',
  'InteractionValue',
  'OutputText',
  'OutputMetadata',
  'ArticleIds',
  'DialogPaths',
  'TDialogStatus',
  'RecognitionType',
  'RecognitionQuality',
  'RecognitionDetails',
  'GenerativeAISources',
  'Articles',
  'FaqsFound',
  'Contexts',
  'Pages',
  'LinkclickInfo',
  'FeedbackInfo',
  'AdditionalSessionInfo',
  'Variables',
] as const;

/** A row as the JSON form sends it: keyed by the CSV column names. */
export type JsonRow = Record<(typeof COLUMNS)[number], string | number | boolean | null>;

/** The row's values in column order, typed for JSON (nullable columns are null, booleans are booleans). */
export function jsonRow(row: Interaction, withUserInfo: boolean): JsonRow {
  const info = withUserInfo ? row.userInfo() : undefined;
  return {
    LogId: row.logId,
    InteractionUuid: row.interactionUuid,
    OriginatingInteractionUuid: row.originatingInteractionUuid,
    SessionUuid: row.sessionUuid,
    SessionIsActive: row.sessionIsActive,
    TimestampStart: isoMs(row.timestampStart),
    TimestampEnd: isoMs(row.timestampEnd),
    Culture: row.culture,
    MainInteractionType: row.mainInteractionType,
    AllInteractionTypes: JSON.stringify(row.allInteractionTypes),
    InteractionValue: row.interactionValue,
    OutputText: row.outputText,
    OutputMetadata: row.outputMetadata,
    ArticleIds: row.articleIds,
    DialogPaths: row.dialogPaths,
    TDialogStatus: row.tDialogStatus,
    RecognitionType: row.recognitionType,
    RecognitionQuality: row.recognitionQuality,
    RecognitionDetails: row.recognitionDetails,
    GenerativeAISources: row.generativeAISources,
    Articles: row.articles,
    FaqsFound: row.faqsFound,
    Contexts: row.contexts,
    Pages: row.pages,
    LinkclickInfo: row.linkclickInfo,
    FeedbackInfo: row.feedbackInfo,
    // Empty strings unless asked for and the caller has the role (vendor doc).
    AdditionalSessionInfo: info?.additional ?? '',
    Variables: info?.variables ?? '',
  };
}

/** The CSV header record. */
export function csvHeader(delimiter: string): string {
  return csvRecord(COLUMNS, delimiter);
}

/** One CSV record: nulls are empty fields, booleans True/False as the API writes them. */
export function csvRow(row: Interaction, withUserInfo: boolean, delimiter: string): string {
  const values = jsonRow(row, withUserInfo);
  const fields = COLUMNS.map((column) => {
    const v = values[column];
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    return String(v);
  });
  return csvRecord(fields, delimiter);
}
