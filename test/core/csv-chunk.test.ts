import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/core/csv.js';
import { CsvChunk } from '../../src/core/csv-chunk.js';
import { isoMs } from '../../src/core/time.js';

const DELIMITERS = [',', '|', ';', '\t', 'e', '::'];

/** The text of one record written by `write` into a fresh chunk. */
function record(delimiter: string, write: (chunk: CsvChunk) => void): string {
  const chunk = new CsvChunk(delimiter, 16);
  write(chunk);
  chunk.endRecord();
  return chunk.bytes().toString('utf8');
}

function each<T>(items: readonly T[], write: (item: T) => void): void {
  for (const item of items) write(item);
}

describe('CsvChunk', () => {
  it('writes recurring and one-off texts as csvField does, quoted where needed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...DELIMITERS),
        (texts, d) => {
          const expected = `${texts.map((t) => csvField(t, d)).join(d)}\r\n`;
          expect(record(d, (c) => each(texts, (t) => c.field(t)))).toBe(expected);
          expect(record(d, (c) => each(texts, (t) => c.text(t)))).toBe(expected);
        },
      ),
    );
  });

  it('writes whole numbers as String does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer(), fc.double()),
        fc.constantFrom(...DELIMITERS),
        (n, d) => {
          expect(record(d, (c) => c.integer(n))).toBe(`${csvField(String(n), d)}\r\n`);
        },
      ),
    );
  });

  it('writes instants as isoMs does, across hours, days and years', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 253_402_300_799_999 }),
        fc.constantFrom(...DELIMITERS),
        (others, ms, d) => {
          // Nearby instants share the cached hour prefix; far ones replace it.
          const instants = [ms, ms + 1, ms + 3_599_999, ms + 86_400_000, ...others, ms - 1];
          const expected = `${instants.map((t) => csvField(isoMs(t), d)).join(d)}\r\n`;
          expect(record(d, (c) => each(instants, (t) => c.isoMs(t)))).toBe(expected);
        },
      ),
    );
  });

  it('starts every record without a delimiter and grows past its expected size', () => {
    const chunk = new CsvChunk(';', 1);
    for (let i = 0; i < 300; i++) {
      chunk.plainText('id');
      chunk.field('a;b');
      chunk.integer(i);
      chunk.endRecord();
    }
    const lines = chunk.bytes().toString('utf8').split('\r\n');
    expect(lines).toHaveLength(301);
    expect(lines[299]).toBe('id;"a;b";299');
  });
});
