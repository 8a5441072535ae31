/** The interaction-log columns, in the documented order, and how a row is written as CSV or JSON. */
import { csvRecord } from '../../core/csv.js';
import type { CsvChunk } from '../../core/csv-chunk.js';
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

// Rows share one list per combination of types (texts.ts): its JSON is remembered by the list.
const typesJson = new WeakMap<readonly string[], string>();

function typesText(types: readonly string[]): string {
  let json = typesJson.get(types);
  if (json === undefined) {
    json = JSON.stringify(types);
    typesJson.set(types, json);
  }
  return json;
}

/**
 * One CSV record, written into the chunk: nulls are empty fields, booleans True/False as the API
 * writes them. The fields of jsonRow in column order, written straight from the row (a day is tens
 * of thousands of rows); ids, numbers and timestamps need no quoting test (see CsvChunk.plainText).
 */
export function writeCsvRow(out: CsvChunk, row: Interaction, withUserInfo: boolean): void {
  const info = withUserInfo ? row.userInfo() : undefined;
  out.integer(row.logId);
  out.plainText(row.interactionUuid);
  out.plainText(row.originatingInteractionUuid ?? '');
  out.plainText(row.sessionUuid);
  out.plainText(row.sessionIsActive ? 'True' : 'False');
  out.isoMs(row.timestampStart);
  out.isoMs(row.timestampEnd);
  out.field(row.culture);
  out.field(row.mainInteractionType);
  out.field(typesText(row.allInteractionTypes));
  out.field(row.interactionValue ?? '');
  out.field(row.outputText ?? '');
  out.field(row.outputMetadata ?? '');
  out.field(row.articleIds);
  out.field(row.dialogPaths);
  out.field(row.tDialogStatus);
  out.field(row.recognitionType);
  out.plainText(row.recognitionQuality === null ? '' : String(row.recognitionQuality));
  out.field(row.recognitionDetails);
  out.field(row.generativeAISources);
  out.field(row.articles);
  out.field(row.faqsFound);
  out.field(row.contexts);
  out.field(row.pages);
  out.field(row.linkclickInfo);
  // Names the rated interaction, so no two are alike: not worth remembering.
  out.text(row.feedbackInfo);
  out.text(info?.additional ?? '');
  out.text(info?.variables ?? '');
  out.endRecord();
}
