import { describe, expect, it } from 'vitest';
import { COLUMNS, csvRow, jsonRow } from '../../../src/apis/digitalcx/columns.js';
import { interactionsInHour } from '../../../src/apis/digitalcx/interactions.js';
import { projectOf } from '../../../src/apis/digitalcx/project.js';
import { csvRecord } from '../../../src/core/csv.js';
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
  const hour = Date.UTC(2025, 1, 28, 10) / 3_600_000;
  const rows = interactionsInHour(7, projectOf('acme', 'shop'), hour, { ...DEFAULT_KNOBS, volume: 20 });

  it.each([',', '|', ';', '\t', 'e', '::', ''])(
    'are the generic record of jsonRow, delimiter %j',
    (delimiter) => {
      expect(rows.length).toBeGreaterThan(100);
      for (const userInfo of [false, true])
        for (const row of rows)
          expect(csvRow(row, userInfo, delimiter)).toBe(reference(row, userInfo, delimiter));
    },
  );
});
