/** The interaction-log columns, in the documented order, and how a row is written as CSV or JSON. */
import { csvField, csvRecord } from '../../core/csv.js';
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
    AllInteractionTypes: typesText(row.allInteractionTypes),
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

// A handful of type lists recur in every row: their JSON is remembered by their names.
const typesJson = new Map<string, string>();

function typesText(types: readonly string[]): string {
  const key = types.join(',');
  let json = typesJson.get(key);
  if (json === undefined) {
    json = JSON.stringify(types);
    typesJson.set(key, json);
  }
  return json;
}

/**
 * Ids, timestamps, booleans, numbers, culture codes and type names never hold a quote, a line break
 * or one of these delimiters: with one of them, those fields need no quoting test.
 */
const PLAIN_DELIMITERS = new Set([',', '|', ';', '\t']);

/**
 * One CSV record: nulls are empty fields, booleans True/False as the API writes them. The fields of
 * jsonRow in column order, written straight from the row (a day is tens of thousands of rows).
 */
export function csvRow(row: Interaction, withUserInfo: boolean, delimiter: string): string {
  const info = withUserInfo ? row.userInfo() : undefined;
  const d = delimiter;
  const f = (value: string | null) => csvField(value ?? '', d);
  const p = PLAIN_DELIMITERS.has(d) ? (value: string | null) => value ?? '' : f;
  return `${p(String(row.logId))}${d}${p(row.interactionUuid)}${d}${p(row.originatingInteractionUuid)}${d}${p(row.sessionUuid)}${d}${p(row.sessionIsActive ? 'True' : 'False')}${d}${p(isoMs(row.timestampStart))}${d}${p(isoMs(row.timestampEnd))}${d}${p(row.culture)}${d}${p(row.mainInteractionType)}${d}${f(typesText(row.allInteractionTypes))}${d}${f(row.interactionValue)}${d}${f(row.outputText)}${d}${f(row.outputMetadata)}${d}${f(row.articleIds)}${d}${f(row.dialogPaths)}${d}${p(row.tDialogStatus)}${d}${p(row.recognitionType)}${d}${p(row.recognitionQuality === null ? null : String(row.recognitionQuality))}${d}${f(row.recognitionDetails)}${d}${f(row.generativeAISources)}${d}${f(row.articles)}${d}${f(row.faqsFound)}${d}${f(row.contexts)}${d}${f(row.pages)}${d}${f(row.linkclickInfo)}${d}${f(row.feedbackInfo)}${d}${f(info?.additional ?? '')}${d}${f(info?.variables ?? '')}\r\n`;
}
