/**
 * The body of a page, copied from its hours' rows as already written: an hour's rows are written
 * (CSV or JSON) once, the first time a page shows one of them, and kept with the cached rows
 * (log-reader.ts), so a page asked again, or the next page in the same hours, copies bytes instead
 * of writing 500 records again. The bytes are those bodyChunks (routes.ts) writes row by row.
 */
import { CsvChunk } from '../../core/csv-chunk.js';
import { Utf8Chunk } from '../../core/utf8-chunk.js';
import { csvHeader, jsonRow, writeCsvRow } from './columns.js';
import type { Interaction } from './interactions.js';
import type { Page } from './log-reader.js';

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

/** The page's body: the CSV header or `[`, its rows, and `]` for JSON. */
export function pageBody(page: Page, format: PageFormat): Buffer {
  const head = Buffer.from(format.json ? '[' : csvHeader(format.delimiter));
  const tail = format.json ? ']' : '';
  const runs: Run[] = [];
  let size = head.length + tail.length;
  for (const part of page.parts) {
    const hour = writtenHour(part.hourRows, format);
    // Consecutive rows are consecutive bytes: one run each.
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
