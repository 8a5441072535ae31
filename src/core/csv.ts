/** RFC 4180 CSV: quoting where needed, CRLF line ends. */

const NEEDS_QUOTES = /["\r\n]/;

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  if (NEEDS_QUOTES.test(value) || value.includes(delimiter)) return `"${value.replace(/"/g, '""')}"`;
  return value;
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
