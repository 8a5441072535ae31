/** RFC 4180 CSV: quoting where needed, CRLF line ends. */

const NEEDS_QUOTES = /["\r\n]/;

// One test per field: a single-character delimiter joins the quote and line breaks in one class.
const needsQuotesWith = new Map<string, RegExp>();

function needsQuotes(value: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return NEEDS_QUOTES.test(value) || value.includes(delimiter);
  let test = needsQuotesWith.get(delimiter);
  if (!test) {
    test = new RegExp(`["\\r\\n${delimiter.replace(/[\\\]^-]/g, '\\$&')}]`);
    needsQuotesWith.set(delimiter, test);
  }
  return test.test(value);
}

// Fields that need quoting are mostly the same texts again (JSON columns of a catalog's articles,
// pages and dialogs): their quoted form is remembered, per delimiter, cleared when full.
const quoted = new Map<string, Map<string, string>>();
const QUOTED_LIMIT = 10_000;

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  if (!needsQuotes(value, delimiter)) return value;
  let known = quoted.get(delimiter);
  if (!known) {
    known = new Map();
    quoted.set(delimiter, known);
  }
  let field = known.get(value);
  if (field === undefined) {
    field = `"${value.replace(/"/g, '""')}"`;
    if (known.size >= QUOTED_LIMIT) known.clear();
    known.set(value, field);
  }
  return field;
}

/** One CSV record, with its CRLF. */
export function csvRecord(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(fields[i] ?? '', delimiter);
  }
  return `${line}\r\n`;
}
