import { describe, expect, it } from 'vitest';
import { COLUMNS, jsonRow, writeCsvRow } from '../../../src/apis/digitalcx/columns.js';
import { interactionsInHour } from '../../../src/apis/digitalcx/interactions.js';
import { projectOf } from '../../../src/apis/digitalcx/project.js';
import { csvRecord } from '../../../src/core/csv.js';
import { CsvChunk } from '../../../src/core/csv-chunk.js';
import { DEFAULT_KNOBS } from '../../../src/core/knobs.js';

/** A CSV record written the generic way: jsonRow's values in column order through csvRecord. */
function reference(row: Parameters<typeof jsonRow>[0], userInfo: boolean, delimiter: string): string {
  const values = jsonRow(row, userInfo);
  return csvRecord(
    COLUMNS.map((column) => {
      const v = values[column];
      if (v === null) return '';
      if (typeof v === 'boolean') return v ? 'True' : 'False';
      return String(v);
    }),
    delimiter,
  );
}

describe('DigitalCX CSV rows', () => {
  const knobs = { ...DEFAULT_KNOBS, volume: 20 };
  // A busy morning hour, and the last hour of a day, whose sessions run into the next day.
  const rows = [Date.UTC(2025, 1, 28, 10), Date.UTC(2025, 1, 27, 23)].flatMap((start) =>
    interactionsInHour(7, projectOf('acme', 'shop'), start / 3_600_000, knobs),
  );

  it.each([',', '|', ';', '\t', 'e', '::', ''])(
    'are the generic record of jsonRow, delimiter %j',
    (delimiter) => {
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.some((row) => row.timestampEnd >= Date.UTC(2025, 1, 28))).toBe(true);
      for (const userInfo of [false, true]) {
        const chunk = new CsvChunk(delimiter, 1024);
        for (const row of rows) writeCsvRow(chunk, row, userInfo);
        const expected = rows.map((row) => reference(row, userInfo, delimiter));
        expect(
          chunk
            .bytes()
            .toString('utf8')
            .split(/(?<=\r\n)/),
        ).toEqual(expected);
      }
    },
  );
});
