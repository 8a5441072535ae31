import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../src/verify/csv-header.js';
import { junitReport, xmlEscape } from '../../src/verify/junit.js';
import { mockDifferences } from '../../src/verify/mock-compare.js';
import { Redactor } from '../../src/verify/redact.js';
import type { VerifyReport } from '../../src/verify/result.js';
import { shapeDifferences } from '../../src/verify/shape.js';

describe('shapeDifferences', () => {
  it('ignores values and compares fields, types and item shapes', () => {
    expect(shapeDifferences({ a: 1, b: ['x'] }, { a: 2.5, b: ['y', 'z'] })).toEqual([]);
    const found = shapeDifferences(
      { a: '1', list: [{ id: 1 }, { id: 2, extra: true }] },
      { a: 1, list: [{ id: 9 }] },
    );
    expect(found.map((d) => `${d.pointer} ${d.rule}`)).toEqual(['/a type', '/list/1/extra shape']);
  });

  it('reports a field only the mock has at the pointer it would have in the live body', () => {
    const [d] = shapeDifferences(
      { data: [{ date: 'd', count: 1 }] },
      { data: [{ date: 'd', value: 1 }] },
    ).slice(1);
    expect(d?.pointer).toBe('/data/0/value');
  });

  it('says nothing about items when either array is empty, or about a type that is sometimes null', () => {
    expect(shapeDifferences({ list: [] }, { list: [{ id: 1 }] })).toEqual([]);
    expect(shapeDifferences([{ v: null }, { v: 1 }], [{ v: 2 }])).toEqual([]);
  });

  it('escapes pointer segments (RFC 6901)', () => {
    expect(shapeDifferences({ 'a/b~c': 1 }, {})[0]?.pointer).toBe('/a~1b~0c');
  });
});

describe('csvColumns', () => {
  it('reads the header row with quotes and sniffs the delimiter', () => {
    expect(csvColumns('A,"B,1","C ""q"""\r\n1,2,3').columns).toEqual(['A', 'B,1', 'C "q"']);
    expect(csvColumns('A|B|C\n1|2|3')).toEqual({ columns: ['A', 'B', 'C'], delimiter: '|' });
  });
});

describe('mockDifferences', () => {
  const options = { documentedHeaders: ['continuationtoken'], verbatim: [] };
  it('compares CSV columns and their order, and documented headers', () => {
    const live = { status: 200, headers: { 'content-type': 'text/csv' }, body: 'B,A,C\r\n' };
    const mock = {
      status: 200,
      headers: { 'content-type': 'text/csv', continuationtoken: 't' },
      body: 'A,B\r\n',
    };
    expect(mockDifferences(live, mock, options).map((d) => d.message)).toEqual([
      'sent by the mock, not live',
      "column 'C' is in the live CSV, not in the mock's",
      "column 1 is 'B' live, 'A' in the mock (live order: B, A, C)",
    ]);
  });

  it('compares documented messages verbatim and nothing else of an error body', () => {
    const live = { status: 400, headers: { 'content-type': 'text/plain' }, body: 'End date is wrong.' };
    const mock = {
      status: 400,
      headers: { 'content-type': 'text/plain' },
      body: 'End date cannot be earlier than start date.',
    };
    expect(mockDifferences(live, mock, options)).toEqual([]);
    expect(mockDifferences(live, mock, { ...options, verbatim: [''] })[0]?.rule).toBe('message');
  });
});

describe('Redactor', () => {
  it('masks secrets by value everywhere, by header name and by field name', () => {
    const r = new Redactor();
    r.addSecretHeader('Authorization', `Basic ${Buffer.from('id:hunter22').toString('base64')}`);
    expect(r.text('pass hunter22 and id:hunter22')).toBe('pass [REDACTED] and [REDACTED]');
    expect(r.headers({ authorization: 'x', 'content-type': 'a/hunter22' })).toEqual({
      authorization: '[REDACTED]',
      'content-type': 'a/[REDACTED]',
    });
    expect(r.value({ access_token: 'abc', nested: [{ client_secret: 'z', ok: 'hunter22' }] })).toEqual({
      access_token: '[REDACTED]',
      nested: [{ client_secret: '[REDACTED]', ok: '[REDACTED]' }],
    });
    expect(r.url('/x?token=abc&a=1')).toBe('/x?token=%5BREDACTED%5D&a=1');
  });

  it('masks a very short credential by name only, so the report stays readable', () => {
    const r = new Redactor();
    r.addSecretHeader('Authorization', 'Bearer t');
    expect(r.text('the total')).toBe('the total');
    expect(r.headers({ Authorization: 'Bearer t' }).Authorization).toBe('[REDACTED]');
  });
});

describe('junitReport', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c"'\u0001\uFFFE`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
  });

  it('writes one testcase per probe, a failure per drift and an error per probe without answer', () => {
    const report: VerifyReport = {
      api: 'x',
      target: 'http://t',
      startedAt: '2026-01-01T00:00:00.000Z',
      credentialHeaders: [],
      results: [
        {
          name: 'ok <1>',
          operationId: 'op',
          method: 'GET',
          request: '/a?b=1&c=2',
          verdict: 'pass',
          differences: [],
          ms: 5,
        },
        {
          name: 'drifted',
          operationId: 'op',
          method: 'GET',
          request: '/a',
          verdict: 'drift',
          differences: [
            {
              against: 'mock',
              where: 'body',
              pointer: '/a',
              rule: 'type',
              message: 'live is "string" & <b>',
            },
          ],
          ms: 1,
        },
        {
          name: 'gone',
          operationId: 'op',
          method: 'GET',
          request: '/a',
          verdict: 'error',
          error: 'no answer within 5 ms',
          differences: [],
          ms: 5,
        },
      ],
    };
    const xml = junitReport(report);
    expect(xml).toContain(
      '<testsuite name="verify.x" tests="3" failures="1" errors="1" skipped="0" time="0.011"',
    );
    expect(xml).toContain('<testcase classname="verify.x.op" name="ok &lt;1&gt;" time="0.005"/>');
    expect(xml).toContain(
      '<failure message="1 difference(s): /a" type="drift">GET /a\n[mock] /a (type): live is &quot;string&quot; &amp; &lt;b&gt;</failure>',
    );
    expect(xml).toContain('<error message="no answer within 5 ms" type="no-answer"/>');
    // Balanced: every opened element is closed.
    const opened = (xml.match(/<(testsuites|testsuite|testcase|failure|properties)[\s>]/g) ?? []).length;
    const closed = (
      xml.match(/<\/(testsuites|testsuite|testcase|failure|properties)>|<testcase [^>]*\/>/g) ?? []
    ).length;
    expect(opened).toBe(closed);
  });
});
