/**
 * Bodies copied from their hours' rows as already written: an hour's rows are written (CSV or JSON)
 * once, the first time a page or a stream shows one of them, and kept with the cached rows
 * (log-reader.ts), so a page asked again, the next page in the same hours or a day streamed again
 * copies bytes instead of writing its records again. The bytes are those writeRows writes.
 */
import { CsvChunk } from '../../core/csv-chunk.js';
import { Utf8Chunk } from '../../core/utf8-chunk.js';
import { csvHeader, jsonRow, writeCsvRow } from './columns.js';
import type { Interaction } from './interactions.js';
import type { Page, PagePart } from './log-reader.js';

/** How a page is written: JSON or CSV with its delimiter, with or without user info. */
export interface PageFormat {
  json: boolean;
  userInfo: boolean;
  delimiter: string;
}

/**
 * An hour's rows written one after the other: row i is `bytes[ends[i - 1] … ends[i])` (from 0 for
 * the first). JSON rows each start with their separating comma.
 */
interface WrittenHour {
  bytes: Buffer;
  ends: Uint32Array;
}

/** Bytes a record takes, about. */
const RECORD_BYTES = 600;

// Kept as long as the hour's rows are (the rows cache bounds both), one per format asked.
const written = new WeakMap<readonly Interaction[], Map<string, WrittenHour>>();

function formatKey(format: PageFormat): string {
  return `${format.json ? 'json' : `csv:${format.delimiter}`}:${format.userInfo}`;
}

function writeHour(rows: readonly Interaction[], format: PageFormat): WrittenHour {
  const chunk = format.json
    ? new Utf8Chunk(rows.length * RECORD_BYTES)
    : new CsvChunk(format.delimiter, rows.length * RECORD_BYTES);
  const ends = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Interaction;
    if (format.json) chunk.add(`,${JSON.stringify(jsonRow(row, format.userInfo))}`);
    else writeCsvRow(chunk as CsvChunk, row, format.userInfo);
    ends[i] = chunk.byteLength;
  }
  // A copy of the exact size: the chunk was sized for the rows up front.
  return { bytes: Buffer.from(chunk.bytes()), ends };
}

function writtenHour(rows: readonly Interaction[], format: PageFormat): WrittenHour {
  let byFormat = written.get(rows);
  if (byFormat === undefined) {
    byFormat = new Map();
    written.set(rows, byFormat);
  }
  const key = formatKey(format);
  let hour = byFormat.get(key);
  if (hour === undefined) {
    hour = writeHour(rows, format);
    byFormat.set(key, hour);
  }
  return hour;
}

/** A run of bytes to copy. */
interface Run {
  bytes: Buffer;
  from: number;
  to: number;
}

/** The runs of consecutive rows of a part, as bytes of its written hour, added to `runs`. */
function addRuns(part: PagePart, format: PageFormat, runs: Run[]): void {
  const hour = writtenHour(part.hourRows, format);
  let run: Run | undefined;
  let previous = -2;
  for (const index of part.indexes) {
    const from = index === 0 ? 0 : (hour.ends[index - 1] as number);
    const to = hour.ends[index] as number;
    if (run !== undefined && index === previous + 1) run.to = to;
    else {
      run = { bytes: hour.bytes, from, to };
      runs.push(run);
    }
    previous = index;
  }
}

/** The head of a body: the CSV header or `[`. */
export function bodyHead(format: PageFormat): Buffer {
  return Buffer.from(format.json ? '[' : csvHeader(format.delimiter));
}

/** The tail of a body: `]` for JSON. */
export function bodyTail(format: PageFormat): string {
  return format.json ? ']' : '';
}

/**
 * Rows written afresh, as a stream's chunk (the bytes of the same rows in a written hour): JSON
 * rows each after a comma but the body's first (`first`).
 */
export function writeRows(rows: readonly Interaction[], format: PageFormat, first: boolean): Buffer {
  const chunk = format.json
    ? new Utf8Chunk(rows.length * RECORD_BYTES)
    : new CsvChunk(format.delimiter, rows.length * RECORD_BYTES);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Interaction;
    if (format.json) {
      if (!first || i > 0) chunk.add(',');
      chunk.add(JSON.stringify(jsonRow(row, format.userInfo)));
    } else writeCsvRow(chunk as CsvChunk, row, format.userInfo);
  }
  return chunk.bytes();
}

/**
 * A part's rows as slices of its written hour, for a stream: no copy (the bytes never change). JSON:
 * the body's first row (`first`) without its comma.
 */
export function* partSlices(part: PagePart, format: PageFormat, first: boolean): Generator<Buffer> {
  const runs: Run[] = [];
  addRuns(part, format, runs);
  if (format.json && first && runs[0] !== undefined) runs[0].from++;
  for (const run of runs) yield run.bytes.subarray(run.from, run.to);
}

/** The page's body: the CSV header or `[`, its rows, and `]` for JSON. */
export function pageBody(page: Page, format: PageFormat): Buffer {
  const head = bodyHead(format);
  const tail = bodyTail(format);
  const runs: Run[] = [];
  let size = head.length + tail.length;
  // Consecutive rows are consecutive bytes: one run each.
  for (const part of page.parts) addRuns(part, format, runs);
  // JSON: the first row's separating comma is not written.
  const first = runs[0];
  if (format.json && first !== undefined) first.from++;
  for (const run of runs) size += run.to - run.from;
  const body = Buffer.allocUnsafe(size);
  let at = head.copy(body, 0);
  for (const run of runs) at += run.bytes.copy(body, at, run.from, run.to);
  body.write(tail, at, 'latin1');
  return body;
}
