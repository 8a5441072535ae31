/**
 * The value shapes a real client of the DigitalCX API parses (WithoutWout/cm-conversation-dashboard,
 * src-tauri/src/lib.rs): every JSON column of a high-volume day is parsed and checked against what
 * that client reads, and the client's own recognition flags are computed as it computes them.
 */

import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { csvRows, DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

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
] as const;

type Row = Record<string, string>;

/** A JSON column as the client reads it: empty is "nothing", anything else must parse. */
function parsed(row: Row, column: string): unknown {
  const text = row[column] ?? '';
  return text === '' ? undefined : JSON.parse(text);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

let day: Promise<Row[]> | undefined;

/** The high-volume day, fetched once for the file (the answer is a pure function of the request). */
function highVolumeDay(): Promise<Row[]> {
  day ??= digitalcx(testApp())
    .get(interactionsPath(DAY), { headers: { 'X-Mock-Scenario': 'high-volume' } })
    .then((res) => {
      expect(res.status).toBe(200);
      return csvRows(res.text);
    });
  return day;
}

describe('DigitalCX columns as a real client reads them', () => {
  it('parses every JSON column of every row of a high-volume day', async () => {
    const rows = await highVolumeDay();
    expect(rows.length).toBeGreaterThan(10_000);
    const unparsed: string[] = [];
    for (const row of rows)
      for (const column of JSON_COLUMNS) {
        try {
          parsed(row, column);
        } catch {
          unparsed.push(`${column} of ${row.LogId}`);
        }
      }
    expect(unparsed).toEqual([]);
  }, 60_000);

  it('gives the shapes the client parses, with ArticleIds, Articles and DialogPaths naming the same content', async () => {
    const rows = await highVolumeDay();
    const uuids = new Set(rows.map((r) => r.InteractionUuid));
    const seen = { qa: 0, dialog: 0, event: 0, entities: 0, metadata: 0, feedback: 0 };
    // One list of problems, not an expect per cell: a busy day is tens of thousands of rows.
    const problems: string[] = [];
    const check = (ok: boolean, row: Row, what: string) => {
      if (!ok && problems.length < 20) problems.push(`row ${row.LogId}: ${what}`);
    };
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const row of rows) {
      const ids = parsed(row, 'ArticleIds') as string[];
      check(
        Array.isArray(ids) && ids.every((id) => /^(qa-\d+|dn-\d+-\d+|e-\d+)$/.test(id)),
        row,
        'ArticleIds',
      );
      const articles = parsed(row, 'Articles');
      if (ids.length === 0) check(articles === undefined, row, 'Articles without ArticleIds');
      else if (!isObject(articles)) check(false, row, 'Articles is not an object');
      else {
        const qa = (articles.qa ?? []) as { articleId: number; categories: { name: string }[] }[];
        const dialog = (articles.dialog ?? []) as { dialogId: number; nodeId: number }[];
        const event = (articles.event ?? []) as { eventId: number }[];
        const named = [
          ...event.map((e) => `e-${e.eventId}`),
          ...qa.map((a) => `qa-${a.articleId}`),
          ...dialog.map((d) => `dn-${d.dialogId}-${d.nodeId}`),
        ];
        check(same([...ids].sort(), named.sort()), row, `ArticleIds ${ids} vs Articles ${named}`);
        for (const a of qa) check(typeof a.categories[0]?.name === 'string', row, 'qa categories');
        seen.qa += qa.length;
        seen.dialog += dialog.length;
        seen.event += event.length;
      }
      const paths = parsed(row, 'DialogPaths');
      const node = ids.find((id) => id.startsWith('dn-'));
      if (node === undefined) check(paths === undefined, row, 'DialogPaths without a dialog node');
      else if (!isObject(paths)) check(false, row, 'DialogPaths is not an object');
      else {
        const [key, path] = Object.entries(paths)[0] ?? [];
        check(key === 'EndedOrInProgress' || key === 'DropOut', row, `DialogPaths key ${key}`);
        const [, dialogId, nodeId] = node.split('-');
        check(
          new RegExp(`^${dialogId}:(\\d+/)*${nodeId}$`).test(String(path)),
          row,
          `path ${path} vs ${node}`,
        );
      }
      const metadata = parsed(row, 'OutputMetadata');
      if (metadata !== undefined) {
        check(Array.isArray(metadata), row, 'OutputMetadata is not an array');
        for (const pair of metadata as Record<string, unknown>[])
          check(
            Object.keys(pair).join() === 'key,value' &&
              typeof pair.key === 'string' &&
              typeof pair.value === 'string',
            row,
            'OutputMetadata pair',
          );
        seen.metadata++;
      }
      const details = parsed(row, 'RecognitionDetails');
      if (details !== undefined) {
        if (!isObject(details) || !Array.isArray(details.entityMatches)) {
          check(false, row, 'RecognitionDetails has no entityMatches array');
          continue;
        }
        for (const m of details.entityMatches as Record<string, unknown>[])
          check(
            typeof m.name === 'string' &&
              typeof m.match === 'string' &&
              Number.isInteger(m.entityId) &&
              typeof m.displayName === 'string',
            row,
            'entity match',
          );
        // Entity Recognition names its entity; a generated answer may keep its question's.
        const n = details.entityMatches.length;
        if (row.RecognitionType === 'Entity Recognition')
          check(n === 1, row, 'entity recognition without entity');
        else if (row.RecognitionType !== 'GenerativeAI')
          check(n === 0, row, 'entities without entity recognition');
        seen.entities += n;
      }
      const feedback = parsed(row, 'FeedbackInfo');
      check((feedback === undefined) === (row.MainInteractionType !== 'Feedback'), row, 'FeedbackInfo');
      if (isObject(feedback)) {
        check(feedback.score === 1 || feedback.score === -1, row, 'feedback score');
        check(feedback.originatingInteractionId === row.OriginatingInteractionUuid, row, 'feedback origin');
        check(uuids.has(feedback.originatingInteractionId as string), row, 'feedback rates no row');
        seen.feedback++;
      }
    }
    expect(problems).toEqual([]);
    // Every kind of content, entity and feedback shows up in a busy day.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(100);
  }, 60_000);

  it('scores recognition 0–100 with an empty type where nothing matched, so the client flags only real misses', async () => {
    const rows = await highVolumeDay();
    const sessions = new Map<string, { low: boolean; zero: boolean; user: boolean }>();
    const problems: string[] = [];
    const types = new Set(['', 'Faq', 'Entity Recognition', 'GenerativeAI']);
    for (const row of rows) {
      const quality = row.RecognitionQuality === '' ? null : Number(row.RecognitionQuality);
      const ok =
        types.has(row.RecognitionType as string) &&
        (quality === null ||
          (Number.isFinite(quality) && quality >= 0 && quality <= 100 && row.MainInteractionType === 'QA')) &&
        (row.RecognitionType === '' || (quality ?? 0) >= 55);
      if (!ok && problems.length < 20)
        problems.push(`row ${row.LogId}: ${row.RecognitionType} ${row.RecognitionQuality}`);
      // The client's own flags (its session summary SQL): an empty quality reads as 0.
      const q = quality ?? 0;
      const generative = row.RecognitionType === 'GenerativeAI';
      const s = sessions.get(row.SessionUuid as string) ?? { low: false, zero: false, user: false };
      s.low ||= q > 0 && q < 60 && !generative;
      s.zero ||= q === 0 && row.RecognitionType !== '' && !generative;
      s.user ||= row.MainInteractionType === 'QA';
      sessions.set(row.SessionUuid as string, s);
    }
    expect(problems).toEqual([]);
    const asked = [...sessions.values()].filter((s) => s.user);
    expect(asked.length).toBeGreaterThan(1000);
    expect(asked.filter((s) => s.zero)).toEqual([]);
    const low = asked.filter((s) => s.low).length / asked.length;
    // Some sessions hold a question the bot did not understand, most do not.
    expect(low).toBeGreaterThan(0.05);
    expect(low).toBeLessThan(0.5);
  }, 60_000);
});
