import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../src/core/csv.js';

describe('csv', () => {
  it.each([
    [['a', 'b'], ',', 'a,b\r\n'],
    [['a,b', 'c'], ',', '"a,b",c\r\n'],
    [['say "hi"', ''], ',', '"say ""hi""",\r\n'],
    [['line\nbreak', 'x'], ',', '"line\nbreak",x\r\n'],
    [['a,b', 'c|d'], '|', 'a,b|"c|d"\r\n'],
  ])('writes %j with %j as %j', (fields, delimiter, expected) => {
    expect(csvRecord(fields, delimiter)).toBe(expected);
  });
});

describe('csvField', () => {
  it('quotes exactly the fields that hold a quote, a line break or the delimiter, whatever it is', () => {
    const reference = (value: string, delimiter: string) =>
      /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
    const delimiter = fc.constantFrom(',', '|', ';', '\t', ']', '^', '-', '\\', '::', '');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ',', '|', ';', '\t', '"', '\r', '\n', ']', '^', '-', '\\', ':'),
        }),
        delimiter,
        (value, d) => {
          expect(csvField(value, d)).toBe(reference(value, d));
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });
});
