/** Shared bits of the DigitalCX tests: URLs, auth and CSV reading. */
import { parse } from 'csv-parse/sync';
import request, { type Response } from 'supertest';
import type { TestMock } from '../../support/app.js';
import { send } from '../../support/contract.js';

/** A Saturday inside the data window of the suite's clock (2025-03-01T12:00Z). */
export const DAY = { startDate: '2025-02-28T00:00:00Z', endDate: '2025-03-01T00:00:00Z' };

/** The interactions URL for some query parameters. */
export function interactionsUrl(
  query: Record<string, string | number | boolean>,
  customer = 'acme',
  project = 'shop',
): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `/digitalcx/${customer}/projects/${project}/interactions?${qs}`;
}

/** GET with a bearer token (default: an ordinary accepted one), validated against the spec. */
export function get(mock: TestMock, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return send(
    request(mock)
      .get(url)
      .set({ Authorization: 'Bearer s3cret', ...headers }),
  );
}

/** Rows of a CSV body as objects keyed by the header. */
export function csvRows(text: string, delimiter = ','): Record<string, string>[] {
  return parse(text, { columns: true, delimiter, relax_quotes: false }) as Record<string, string>[];
}

/** The header fields of a CSV body. */
export function csvHeader(text: string): string[] {
  return (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
}
