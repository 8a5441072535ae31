import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/apis/digitalcx/columns.js';
import type { Scenario } from '../../../src/core/scenario.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { csvHeader, csvRows, DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const DOCUMENTED = [
  'LogId',
  'InteractionUuid',
  'OriginatingInteractionUuid',
  'SessionUuid',
  'SessionIsActive',
  'TimestampStart',
  'TimestampEnd',
  'Culture',
  'MainInteractionType',
  'AllInteractionTypes',
  'InteractionValue',
  'OutputText',
  'OutputMetadata',
];
const JSON_COLUMNS = [
  'AllInteractionTypes',
  'OutputMetadata',
  'ArticleIds',
  'DialogPaths',
  'RecognitionDetails',
  'GenerativeAISources',
  'Articles',
  'FaqsFound',
  'Contexts',
  'Pages',
  'LinkclickInfo',
  'FeedbackInfo',
  'AdditionalSessionInfo',
  'Variables',
];

describe('DigitalCX rows', () => {
  it('starts with a header row of the documented columns, in the documented order', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY));
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const header = csvHeader(res.text);
    expect(header.slice(0, DOCUMENTED.length)).toEqual(DOCUMENTED);
    expect(header).toEqual([...COLUMNS]);
    expect(res.text.split('\r\n')[0]).toBe(COLUMNS.join(','));
  });

  it('writes realistic, consistent rows', async () => {
    const rows = csvRows(
      (await digitalcx(testApp()).get(interactionsPath({ ...DAY, includeUserInfo: true }))).text,
    );
    expect(rows.length).toBeGreaterThan(100);
    const ids = rows.map((r) => Number(r.LogId));
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
    for (const row of rows) {
      const start = Date.parse(row.TimestampStart as string);
      expect(row.TimestampStart).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(row.TimestampEnd as string)).toBeGreaterThan(start);
      expect(start).toBeGreaterThanOrEqual(Date.parse(DAY.startDate));
      expect(start).toBeLessThan(Date.parse(DAY.endDate));
      expect(['True', 'False']).toContain(row.SessionIsActive);
      for (const column of JSON_COLUMNS)
        if (row[column]) expect(() => JSON.parse(row[column] as string), column).not.toThrow();
    }
    const sessions = new Map<string, number>();
    for (const row of rows)
      sessions.set(row.SessionUuid as string, (sessions.get(row.SessionUuid as string) ?? 0) + 1);
    expect([...sessions.values()].some((n) => n >= 3)).toBe(true);
    const questions = rows.filter((r) => r.MainInteractionType === 'QA' && r.OutputText);
    expect(questions.length).toBeGreaterThan(10);
    const clicks = rows.filter((r) => r.MainInteractionType === 'LinkClick');
    expect(clicks.every((r) => rows.some((o) => o.InteractionUuid === r.OriginatingInteractionUuid))).toBe(
      true,
    );
  });

  it('serves the same rows as JSON keyed by the column names, typed', async () => {
    const mock = testApp();
    const csv = csvRows((await digitalcx(mock).get(interactionsPath(DAY))).text);
    const res = await digitalcx(mock).get(interactionsPath(DAY), { headers: { Accept: 'application/json' } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const json = res.body as Record<string, unknown>[];
    expect(json.length).toBe(csv.length);
    expect(Object.keys(json[0] ?? {})).toEqual([...COLUMNS]);
    expect(typeof json[0]?.LogId).toBe('number');
    expect(typeof json[0]?.SessionIsActive).toBe('boolean');
    expect(json.map((r) => String(r.LogId))).toEqual(csv.map((r) => r.LogId));
  });

  it('holds nothing after now', async () => {
    const rows = csvRows(
      (
        await digitalcx(testApp()).get(
          interactionsPath({ startDate: '2025-03-01T00:00:00Z', endDate: '2025-03-02T00:00:00Z' }),
        )
      ).text,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((r) => Date.parse(r.TimestampStart as string) < Date.parse('2025-03-01T12:00:00Z')),
    ).toBe(true);
  });

  it('switches the delimiter with the csvDelimiter knob', async () => {
    const pipes: Scenario = {
      name: 'pipes',
      description: 'pipe-delimited',
      knobs: { csvDelimiter: '|' },
      rules: [],
    };
    const res = await digitalcx(testApp({}, [pipes])).get(interactionsPath(DAY), {
      headers: { 'X-Mock-Scenario': 'pipes' },
    });
    expect(res.text.split('\r\n')[0]).toBe(COLUMNS.join('|'));
    expect(csvRows(res.text, '|').length).toBeGreaterThan(0);
  });

  it('scales with the volume knob and is empty with the empty knob', async () => {
    const busy: Scenario = { name: 'busy', description: 'x5', knobs: { volume: 5 }, rules: [] };
    const none: Scenario = { name: 'none', description: 'empty', knobs: { empty: true }, rules: [] };
    const mock = testApp({}, [busy, none]);
    const normal = csvRows((await digitalcx(mock).get(interactionsPath(DAY))).text).length;
    const high = csvRows(
      (await digitalcx(mock).get(interactionsPath(DAY), { headers: { 'X-Mock-Scenario': 'busy' } })).text,
    ).length;
    expect(high).toBeGreaterThan(normal * 3);
    expect(
      csvRows(
        (await digitalcx(mock).get(interactionsPath(DAY), { headers: { 'X-Mock-Scenario': 'none' } })).text,
      ),
    ).toEqual([]);
  });
});
