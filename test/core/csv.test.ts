import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../src/core/csv.js';

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
