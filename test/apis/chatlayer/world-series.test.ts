/** Issue 16's "one world" invariants for messages, users, intents, knowledge base and team sums. */
import { describe, expect, it } from 'vitest';
import { botOf } from '../../../src/apis/chatlayer/bot.js';
import { teamBotIds } from '../../../src/apis/chatlayer/team.js';
import { queryString } from '../../support/client.js';
import { addUp } from '../../support/numbers.js';
import { chatlayer, chatlayerApp, type SeriesData } from './helpers.js';

type Params = Record<string, string>;
const app = chatlayerApp();
/** One language bot-a speaks, next to one it does not (a filter keeps what it names). */
const BOT_A_LANGUAGE = `${botOf(1, 'bot-a').dimensions[2].values[0]},xx`;

/** Several bots, windows, buckets and filters (the clock is 2025-03-01T12:00Z). */
const CASES: [string, Params][] = [
  ['bot-a', { start_time: '2025-02-20T00:00:00Z', end_time: '2025-02-27T00:00:00Z', bucket: '1d' }],
  ['bot-b', { start_time: '2025-02-28T00:00:00Z', end_time: '2025-03-01T12:00:00Z', bucket: '1h' }],
  ['shop-bot', { start_time: '2025-01-06', end_time: '2025-02-24', bucket: '1w', channel_type: 'WEB' }],
  ['bot-a', { start_time: '2025-02-01', end_time: '2025-02-15', bucket: '1d', language: BOT_A_LANGUAGE }],
  [
    '65f1c0ffee',
    { start_time: '2025-02-10T05:30:00Z', end_time: '2025-02-12T17:00:00Z', bucket: '1h', version: 'DRAFT' },
  ],
];

async function series(bot: string, op: string, params: Params): Promise<SeriesData> {
  const body = await chatlayer(app).ok<{ data: SeriesData }>(
    `/v1/bots/${bot}/${op}?${queryString({ version: 'LIVE', ...params })}`,
  );
  return body.data;
}

function only(data: SeriesData): number[] {
  expect(data.series).toHaveLength(1);
  return data.series[0]?.values ?? [];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe.each(CASES)('%s %j', (bot, params) => {
  it('counts per bucket the messages that the conversations insights num_messages count', async () => {
    const messages = await series(bot, 'messages', params);
    const insights = await series(bot, 'conversations/insights', { ...params, stat: 'num_messages' });
    expect(messages).toEqual(insights);
    expect(sum(only(messages))).toBeGreaterThan(0);
  });

  it('has at most as many users as conversations in every bucket', async () => {
    const users = only(await series(bot, 'users', params));
    const conversations = only(await series(bot, 'conversations', params));
    expect(users).toHaveLength(conversations.length);
    users.forEach((u, i) => {
      expect(u).toBeLessThanOrEqual(conversations[i] ?? 0);
    });
    expect(sum(users)).toBeGreaterThan(0);
  });

  it('spreads the users of the window over days of the week and hours of the day', async () => {
    const { bucket: _, ...unbucketed } = params;
    const activity = await series(bot, 'users/activity', unbucketed);
    expect(activity.series.map((s) => s.labels.day_of_week)).toEqual([
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
      'SUNDAY',
    ]);
    expect(activity.x_values).toHaveLength(24);
    const cells = sum(activity.series.map((s) => sum(s.values)));
    expect(cells).toBe(sum(only(await series(bot, 'users', params))));
  });

  it('ranks intents 1..n by count, within the messages, and their series add up to the counts', async () => {
    const list = await chatlayer(app).ok<{ data: { intent_id: string; count: number; rank: number }[] }>(
      `/v1/bots/${bot}/intents?${queryString({ version: 'LIVE', ...params, first: '1000' })}`,
    );
    const intents = list.data;
    expect(intents.length).toBeGreaterThan(0);
    expect(intents.map((i) => i.rank)).toEqual(intents.map((_, i) => i + 1));
    for (let i = 1; i < intents.length; i++)
      expect(intents[i]?.count).toBeLessThanOrEqual(intents[i - 1]?.count ?? 0);
    const messages = sum(only(await series(bot, 'messages', params)));
    expect(sum(intents.map((i) => i.count))).toBeLessThanOrEqual(messages);
    const insights = await series(bot, 'intents/insights', params);
    expect(insights.series_labels).toEqual(['intent_id']);
    const bySeries = Object.fromEntries(insights.series.map((s) => [s.labels.intent_id, s.sum]));
    expect(bySeries).toEqual(Object.fromEntries(intents.map((i) => [i.intent_id, i.count])));
  });

  it('answers as many knowledge-base answers in its series as its tags count', async () => {
    const usage = sum(only(await series(bot, 'knowledge_base', params)));
    const { bucket: _, ...unbucketed } = params;
    const tags = await chatlayer(app).ok<{ data: { tag: string; count: number; rank: number }[] }>(
      `/v1/bots/${bot}/knowledge_base/tags?${queryString({ version: 'LIVE', ...unbucketed })}`,
    );
    expect(usage).toBeGreaterThan(0);
    expect(sum(tags.data.map((t) => t.count))).toBe(usage);
    expect(tags.data.map((t) => t.rank)).toEqual(tags.data.map((_, i) => i + 1));
  });
});

describe('intent pages', () => {
  const base = { version: 'LIVE', start_time: '2025-01-01', end_time: '2025-03-01' };
  type Page = {
    data: { intent_id: string; rank: number }[];
    pagination: { start_cursor: string; end_cursor: string; has_more: boolean };
  };
  const page = (params: Params) =>
    chatlayer(app).ok<Page>(`/v1/bots/bot-a/intents?${queryString({ ...base, ...params })}`);

  it.each([1, 3, 7])('walks the whole ranked list once forward with first=%i/after', async (size) => {
    const all = (await page({ first: '1000' })).data;
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const p = await page({ first: String(size), ...(after ? { after } : {}) });
      seen.push(...p.data.map((i) => i.intent_id));
      if (!p.pagination.has_more) break;
      after = p.pagination.end_cursor;
    }
    expect(seen).toEqual(all.map((i) => i.intent_id));
  });

  it.each([2, 5])('walks it once backward with last=%i/before', async (size) => {
    const all = (await page({ first: '1000' })).data;
    const seen: string[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const p = await page({ last: String(size), ...(before ? { before } : {}) });
      seen.unshift(...p.data.map((i) => i.intent_id));
      if (!p.pagination.has_more) break;
      before = p.pagination.start_cursor;
    }
    expect(seen).toEqual(all.map((i) => i.intent_id));
  });

  it('gives 10 by default and refuses a cursor it did not make', async () => {
    expect((await page({})).data.length).toBeLessThanOrEqual(10);
    const res = await chatlayer(app).get('/v1/bots/bot-a/intents', {
      query: { ...base, after: 'not-a-cursor' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("'after'");
  });
});

describe('team endpoints are the sums of their bots', () => {
  it.each([
    ['team-a', '1d', {}],
    ['acme', '1w', { language: 'en' }],
    ['team-42', '1d', { channel_type: 'WEB,WHATSAPP' }],
  ])('knowledge base of %s (%s, %j) = its bots LIVE + DRAFT', async (team, bucket, filters) => {
    const window = { start_time: '2025-02-03', end_time: '2025-02-24' };
    const teamData = (
      await chatlayer(app).ok<{ data: SeriesData }>(
        `/v1/teams/${team}/knowledge_base?${queryString({ ...window, bucket, ...filters })}`,
      )
    ).data;
    const rows: number[][] = [];
    for (const bot of teamBotIds(1, team))
      for (const version of ['LIVE', 'DRAFT'])
        rows.push(only(await series(bot, 'knowledge_base', { ...window, bucket, version, ...filters })));
    const values = only(teamData);
    expect(values).toEqual(addUp(rows, values.length));
    expect(sum(values)).toBeGreaterThan(0);
  });

  it('voice minutes are whole, per bucket, and the same on a second ask', async () => {
    const url = `/v1/teams/team-a/voice_minutes?${queryString({ start_time: '2025-02-01', end_time: '2025-02-08', bucket: '1d' })}`;
    const a = await chatlayer(app).ok<{ data: SeriesData }>(url);
    expect(a.data.x_values).toHaveLength(7);
    expect(await chatlayer(app).ok(url)).toEqual(a);
  });
});
