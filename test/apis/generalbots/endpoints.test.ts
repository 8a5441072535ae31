import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { BOT, data, expectError, generalbots, USER } from './envelope.js';

type Row = Record<string, number>;
type Series = { total_conversations: number; data: Row[] };

const sum = (rows: Row[], field: string) => rows.reduce((a, r) => a + (r[field] ?? 0), 0);

const EMPTY = { name: 'empty', description: 'No traffic.', knobs: { empty: true }, rules: [] };

describe('General Bots endpoints over HTTP', () => {
  it('answers the documented example fields: total_conversations, active_users, data[].date and data[].conversations', async () => {
    const app = testApp();
    const usage = await data(app, '/usage');
    expect(usage).toEqual(
      expect.objectContaining({ total_conversations: expect.any(Number), active_users: expect.any(Number) }),
    );
    const daily = await data<Series>(app, '/usage/daily?days=7');
    expect(daily.data.map((d) => d.date)).toEqual([
      '2025-02-23',
      '2025-02-24',
      '2025-02-25',
      '2025-02-26',
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
    ]);
    expect(daily.data[0]).toEqual(expect.objectContaining({ conversations: expect.any(Number) }));
  });

  it('adds up daily usage, monthly usage, /usage and the volume series for the same window', async () => {
    const app = testApp();
    const window = 'start_date=2024-12-15&end_date=2025-02-10';
    const usage = await data<Row>(app, `/usage?${window}`);
    const daily = await data<Series>(app, `/usage/daily?${window}`);
    const monthly = await data<Series & { total_messages: number }>(app, `/usage/monthly?${window}`);
    const hourly = await data<Series>(app, `/conversations/volume?${window}&group_by=hour`);
    expect(daily.data).toHaveLength(58);
    expect(monthly.data.map((m) => m.month)).toEqual(['2024-12', '2025-01', '2025-02']);
    for (const total of [
      sum(daily.data, 'conversations'),
      sum(monthly.data, 'conversations'),
      sum(hourly.data, 'conversations'),
      hourly.total_conversations,
    ])
      expect(total).toBe(usage.total_conversations);
    expect(sum(daily.data, 'messages')).toBe(monthly.total_messages);
  });

  it('keeps bot_id and user_id figures within the unfiltered ones', async () => {
    const app = testApp();
    const all = await data<Row>(app, '/usage?period=month');
    const bot = await data<Row>(app, `/usage?period=month&bot_id=${BOT}`);
    const user = await data<Row>(app, `/usage?period=year&bot_id=${BOT}&user_id=${USER}`);
    for (const field of ['total_conversations', 'total_messages', 'active_users', 'new_users'])
      expect(bot[field]).toBeLessThanOrEqual(all[field] as number);
    expect(bot.total_conversations).toBeGreaterThan(0);
    expect(user.active_users).toBeLessThanOrEqual(1);
    expect(user.new_users).toBeLessThanOrEqual(user.active_users as number);
  });

  it('answers every figure from the same world: resolution, duration, engagement and satisfaction agree', async () => {
    const app = testApp();
    const metrics = await data<Row>(app, '/conversations?days=14');
    const resolution = await data<Row>(app, '/conversations/resolution?days=14');
    const duration = await data<Row>(app, '/conversations/duration?days=14&group_by=week');
    const engagement = await data<Row>(app, '/engagement?days=14');
    const usage = await data<Row>(app, '/usage?days=14');
    const survey = await data<{ responses: number; distribution: Row }>(
      app,
      '/engagement/satisfaction?days=14',
    );
    expect(resolution.resolved! + resolution.escalated! + resolution.abandoned!).toBe(
      metrics.total_conversations,
    );
    expect(metrics.resolution_rate).toBe(resolution.resolution_rate);
    expect(metrics.avg_duration_seconds).toBe(duration.avg_duration_seconds);
    expect(engagement.active_users).toBe(usage.active_users);
    expect(engagement.new_users! + engagement.returning_users!).toBe(engagement.active_users);
    expect(Object.values(survey.distribution).reduce((a, b) => a + b, 0)).toBe(survey.responses);
  });

  it('follows the mock clock in realtime figures, and /realtime/active matches /realtime', async () => {
    const app = testApp();
    const seen = new Set<string>();
    for (const now of ['2025-03-03T10:15:00Z', '2025-03-03T03:40:00Z', '2025-03-04T14:05:30Z']) {
      const realtime = await data<Row & { timestamp: string }>(app, '/realtime', {
        headers: { 'X-Mock-Now': now },
      });
      const active = await data<Row & { timestamp: string }>(app, '/realtime/active', {
        headers: { 'X-Mock-Now': now },
      });
      expect(realtime.timestamp).toBe(new Date(now).toISOString());
      expect(active).toEqual({ active_sessions: realtime.active_sessions, timestamp: realtime.timestamp });
      seen.add(JSON.stringify(realtime));
    }
    expect(seen.size).toBe(3);
  });

  it('answers zeros, empty cohorts and a null average score when the world is empty', async () => {
    const app = testApp({}, [EMPTY]);
    const headers = { 'X-Mock-Scenario': 'empty' };
    expect(await data(app, '/usage?days=3', { headers })).toMatchObject({
      total_conversations: 0,
      active_users: 0,
    });
    expect(await data(app, '/engagement/satisfaction', { headers })).toMatchObject({
      average_score: null,
      responses: 0,
      csat_percent: 0,
    });
    expect(await data(app, '/conversations/duration', { headers })).toMatchObject({
      avg_duration_seconds: 0,
      median_duration_seconds: 0,
      p90_duration_seconds: 0,
    });
    expect(await data(app, '/realtime', { headers })).toMatchObject({
      active_sessions: 0,
      messages_per_minute: 0,
    });
  });

  it('answers an empty window when it starts after now', async () => {
    const app = testApp();
    const body = await data<Series & { start_date: string; end_date: string }>(
      app,
      '/conversations/volume?start_date=2025-06-01&end_date=2025-07-01',
    );
    expect(body).toMatchObject({
      start_date: '2025-06-01T00:00:00.000Z',
      end_date: '2025-06-01T00:00:00.000Z',
      total_conversations: 0,
      data: [],
    });
  });

  it('is deterministic: same seed and clock give the same bytes on a fresh app; another seed another world', async () => {
    const paths = [
      '/usage',
      '/usage/daily?days=3',
      '/usage/monthly',
      '/conversations',
      '/conversations/volume?group_by=hour&days=2',
      '/conversations/duration',
      '/conversations/resolution',
      '/engagement',
      '/engagement/retention',
      '/engagement/satisfaction',
      '/realtime',
      '/realtime/active',
      '/reports',
    ];
    const first = testApp();
    const second = testApp();
    for (const path of paths) {
      const a = await generalbots(first).get(path);
      const b = await generalbots(second).get(path);
      expect(b.text, path).toBe(a.text);
    }
    const other = await generalbots(second).get('/usage', { headers: { 'X-Mock-Seed': '2' } });
    expect(other.text).not.toBe((await generalbots(first).get('/usage')).text);
  });

  it('rejects a group_by that would give more than 10000 points, naming the limit', async () => {
    const app = testApp();
    const res = await generalbots(app).get('/conversations/volume?days=500&group_by=hour');
    expectError(res, 400);
    expect(res.body.error).toMatch(/the limit is 10000 points/);
  });
});
