/**
 * Compares a live answer with the mock's answer to the same request: status, content type, the
 * headers the vendor documents, the body's shape (JSON) or columns (CSV), and documented messages
 * verbatim. Values are not compared.
 */
import type { ProbeAnswer } from '../core/probe.js';
import { csvColumns } from './csv-header.js';
import { type Difference, valueAt } from './difference.js';
import { mediaTypeOf } from './http.js';
import { shapeDifferences } from './shape.js';

/** What to compare besides status, type and shape. */
export interface MockCompareOptions {
  /** Response headers the spec documents for this status (`continuationToken`), lower-cased. */
  documentedHeaders: readonly string[];
  /** Pointers of documented messages, compared verbatim (`''` = the whole text body). */
  verbatim: readonly string[];
}

function mock(where: Difference['where'], pointer: string, rule: string, message: string): Difference {
  return { against: 'mock', where, pointer, rule, message };
}

function columnDifferences(live: string, mocked: string): Difference[] {
  const a = csvColumns(live).columns;
  const b = csvColumns(mocked).columns;
  if (a.join('\u0000') === b.join('\u0000')) return [];
  const out: Difference[] = [];
  for (const name of a.filter((c) => !b.includes(c)))
    out.push(mock('body', '', 'columns', `column '${name}' is in the live CSV, not in the mock's`));
  for (const name of b.filter((c) => !a.includes(c)))
    out.push(mock('body', '', 'columns', `column '${name}' is in the mock's CSV, not in the live one`));
  const order = (cols: string[], other: string[]) => cols.filter((c) => other.includes(c));
  const liveOrder = order(a, b);
  const mockOrder = order(b, a);
  const first = liveOrder.findIndex((c, i) => c !== mockOrder[i]);
  if (first >= 0)
    out.push(
      mock(
        'body',
        '',
        'column order',
        `column ${first + 1} is '${liveOrder[first]}' live, '${mockOrder[first]}' in the mock (live order: ${a.join(', ')})`,
      ),
    );
  return out;
}

/** Every difference between the live answer and the mock's. */
export function mockDifferences(
  live: ProbeAnswer,
  mocked: ProbeAnswer,
  options: MockCompareOptions,
): Difference[] {
  if (live.status !== mocked.status)
    return [mock('status', '', 'status', `live answered ${live.status}, the mock ${mocked.status}`)];
  const out: Difference[] = [];
  const liveType = mediaTypeOf(live.headers['content-type']);
  const mockType = mediaTypeOf(mocked.headers['content-type']);
  const bothEmpty = live.body === '' && mocked.body === '';
  if (liveType !== mockType && !bothEmpty)
    out.push(
      mock(
        'content-type',
        '',
        'content-type',
        `live is ${liveType || 'untyped'}, the mock's is ${mockType || 'untyped'}`,
      ),
    );
  for (const name of options.documentedHeaders) {
    const inLive = live.headers[name] !== undefined;
    const inMock = mocked.headers[name] !== undefined;
    if (inLive !== inMock)
      out.push(
        mock('header', name, 'header', inLive ? 'sent live, not by the mock' : 'sent by the mock, not live'),
      );
  }
  for (const pointer of options.verbatim) {
    const a = valueAt(live.body, pointer);
    const b = valueAt(mocked.body, pointer);
    if (a !== b)
      out.push(
        mock('body', pointer, 'message', `live says ${JSON.stringify(a)}, the mock ${JSON.stringify(b)}`),
      );
  }
  if (liveType !== mockType) return out;
  if (typeof live.body === 'string' && typeof mocked.body === 'string') {
    if (liveType === 'text/csv' && live.body !== '' && mocked.body !== '')
      out.push(...columnDifferences(live.body, mocked.body));
    return out;
  }
  out.push(...shapeDifferences(live.body, mocked.body));
  return out;
}
