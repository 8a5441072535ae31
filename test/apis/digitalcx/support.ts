/** Shared bits of the DigitalCX tests: a day in the data window, interactions paths and CSV reading. */
import { parse } from 'csv-parse/sync';

/** A Saturday inside the data window of the suite's clock (2025-03-01T12:00Z). */
export const DAY = { startDate: '2025-02-28T00:00:00Z', endDate: '2025-03-01T00:00:00Z' };

/** The interactions path (after the `/digitalcx` prefix) for some query parameters. */
export function interactionsPath(
  query: Record<string, string | number | boolean>,
  customer = 'acme',
  project = 'shop',
): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `/${customer}/projects/${project}/interactions?${qs}`;
}

/** Rows of a CSV body as objects keyed by the header. */
export function csvRows(text: string, delimiter = ','): Record<string, string>[] {
  return parse(text, { columns: true, delimiter, relax_quotes: false }) as Record<string, string>[];
}

/** The header fields of a CSV body. */
export function csvHeader(text: string): string[] {
  return (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
}
