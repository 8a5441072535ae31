import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { type Series, SOURCES, TOKEN, values, violations } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const WEEK = 'from=2025-02-17&to=2025-02-23';

describe('ChatBot.com series reports', () => {
  it('answers the conversations report with one point per day of the default last30days period', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>('/reports/conversations');
    expect(body.data).toHaveLength(30);
    expect(body.data[0]?.date).toBe('2025-01-31T00:00:00.000Z');
    expect(body.data.at(-1)?.date).toBe('2025-03-01T00:00:00.000Z');
    expect(body.summary.total).toBeGreaterThan(0);
  });

  it('computes the summary as total, min, max and total divided by the number of points', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`);
    const v = values(body);
    expect(body.summary.total).toBe(sum(v));
    expect(body.summary.min).toBe(Math.min(...v));
    expect(body.summary.max).toBe(Math.max(...v));
    expect(Math.abs(body.summary.avg - sum(v) / v.length)).toBeLessThanOrEqual(0.005);
  });

  it('answers byte-identical bodies for the same seed, clock and request', async () => {
    const url = `/reports/conversations.average?${WEEK}&group=source&dimension=hour`;
    const first = await chatbotcom(testApp()).get(url);
    const second = await chatbotcom(testApp()).get(url);
    expect(second.text).toBe(first.text);
  });

  it('gives another account and another seed other numbers', async () => {
    const app = testApp();
    const base = await chatbotcom(app).get(`/reports/conversations?${WEEK}`);
    const otherSeed = await chatbotcom(app).get(`/reports/conversations?${WEEK}`, {
      headers: { 'X-Mock-Seed': '2' },
    });
    const otherAccount = await chatbotcom(app).get(`/reports/conversations?${WEEK}`, {
      secret: 'another-token',
    });
    expect(otherSeed.text).not.toBe(base.text);
    expect(otherAccount.text).not.toBe(base.text);
  });

  it('never counts more paid conversations than conversations on any point', async () => {
    const app = testApp();
    for (const filter of ['', '&source=widget,slack', '&group=source']) {
      const all = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&dimension=hour${filter}`);
      const paid = await chatbotcom(app).ok<Series>(
        `/reports/conversations.paid?${WEEK}&dimension=hour${filter}`,
      );
      expect(violations(paid, all, (p, c) => p <= c)).toEqual([]);
      expect(paid.summary.total).toBeGreaterThan(0);
      expect(paid.summary.total).toBeLessThan(all.summary.total);
    }
  });

  it('never counts fewer messages than conversations on any point', async () => {
    const app = testApp();
    const all = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&dimension=hour`);
    const messages = await chatbotcom(app).ok<Series>(
      `/reports/conversations.messages?${WEEK}&dimension=hour`,
    );
    expect(violations(messages, all, (m, c) => m >= c)).toEqual([]);
    expect(messages.summary.total).toBeGreaterThan(all.summary.total);
  });

  it('gives the average as messages divided by conversations, 2 decimals, 0 without conversations', async () => {
    const app = testApp();
    for (const filter of ['', '&group=storyId', '&source=messenger']) {
      const q = `/reports/conversations?${WEEK}&dimension=hour${filter}`;
      const all = await chatbotcom(app).ok<Series>(q);
      const messages = await chatbotcom(app).ok<Series>(
        q.replace('conversations?', 'conversations.messages?'),
      );
      const average = await chatbotcom(app).ok<Series>(q.replace('conversations?', 'conversations.average?'));
      const ratio = (m: number, c: number) => (c === 0 ? 0 : Math.round((m / c) * 100) / 100);
      const expected = {
        ...messages,
        data: messages.data.map((p, i) => ({ ...p, value: ratio(p.value, all.data[i]?.value ?? 0) })),
        groups: messages.groups?.map((g, k) => ({
          ...g,
          data: g.data.map((p, i) => ({ ...p, value: ratio(p.value, all.groups?.[k]?.data[i]?.value ?? 0) })),
        })),
      };
      expect(violations(average, expected, (x, y) => x === y)).toEqual([]);
      expect(average.data.some((p) => p.value === 0)).toBe(true); // quiet night hours
    }
  });

  it('agrees on the total whatever the dimension', async () => {
    const app = testApp();
    for (const report_ of ['conversations', 'conversations.paid', 'conversations.messages']) {
      const totals = [];
      for (const dimension of ['hour', 'day', 'month', 'year']) {
        const body = await chatbotcom(app).ok<Series>(
          `/reports/${report_}?from=2024-12-20T05:30:00Z&to=2025-01-10&dimension=${dimension}`,
        );
        totals.push(body.summary.total);
      }
      expect(new Set(totals).size, `${report_}: ${totals.join(', ')}`).toBe(1);
    }
  });

  it('rolls hours up into days exactly', async () => {
    const app = testApp();
    const hours = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&dimension=hour`);
    const days = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&dimension=day`);
    expect(days.data).toHaveLength(7);
    expect(values(days)).toEqual(values(days).map((_, d) => sum(values(hours).slice(d * 24, d * 24 + 24))));
  });

  it('gives the same bucket the same value in every window that contains it', async () => {
    const app = testApp();
    const week = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`);
    const day = await chatbotcom(app).ok<Series>('/reports/conversations?from=2025-02-19&to=2025-02-19');
    expect(day.data).toEqual([week.data[2]]);
  });

  it('splits the series by source into groups that add up to the merged series', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&group=source`);
    const plain = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`);
    expect(body.groups?.map((g) => g.group)).toEqual(SOURCES);
    expect(body.data).toEqual(plain.data);
    const added = body.data.map((p, i) => ({
      ...p,
      value: sum(body.groups?.map((g) => g.data[i]?.value ?? 0) ?? []),
    }));
    expect(added).toEqual(body.data);
  });

  it('gives each group the series its own filter gives', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      `/reports/conversations.paid?${WEEK}&group=source&source=slack&source=widget`,
    );
    expect(body.groups?.map((g) => g.group)).toEqual(['slack', 'widget']);
    for (const group of body.groups ?? []) {
      const alone = await chatbotcom(app).ok<Series>(
        `/reports/conversations.paid?${WEEK}&source=${group.group}`,
      );
      expect({ data: group.data, summary: group.summary }).toEqual(alone);
    }
  });

  it('accepts several sources comma-separated or repeated, and counts a repeated one once', async () => {
    const app = testApp();
    const comma = await chatbotcom(app).get(`/reports/conversations?${WEEK}&source=widget,app`);
    const repeated = await chatbotcom(app).get(
      `/reports/conversations?${WEEK}&source=widget&source=app&source=widget`,
    );
    const widget = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&source=widget`);
    const appOnly = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&source=app`);
    expect(repeated.text).toBe(comma.text);
    expect(comma.body.summary.total).toBe(widget.summary.total + appOnly.summary.total);
  });

  it('groups by story over stable 24-hex story ids that filter to their own series', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&group=storyId`);
    const again = await chatbotcom(testApp()).ok<Series>(`/reports/conversations?period=today&group=storyId`);
    const ids = body.groups?.map((g) => g.group) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(again.groups?.map((g) => g.group)).toEqual(ids);
    const [first, second] = ids;
    const one = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&storyId=${first}`);
    expect(one).toEqual({ data: body.groups?.[0]?.data, summary: body.groups?.[0]?.summary });
    const two = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}&storyId=${first},${second}`);
    expect(two.summary.total).toBe(
      (body.groups?.[0]?.summary.total ?? 0) + (body.groups?.[1]?.summary.total ?? 0),
    );
  });

  it('matches nothing for a well-formed story id the account does not have', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      `/reports/conversations?${WEEK}&storyId=000000000000000000000000&group=storyId`,
    );
    expect(body.summary).toEqual({ total: 0, min: 0, max: 0, avg: 0 });
    expect(body.groups?.map((g) => g.group)).toEqual(['000000000000000000000000']);
  });

  it('combines a source filter with story groups', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      `/reports/conversations.messages?${WEEK}&group=storyId&source=widget`,
    );
    const widget = await chatbotcom(app).ok<Series>(`/reports/conversations.messages?${WEEK}&source=widget`);
    expect(body.data).toEqual(widget.data);
    expect(sum(body.groups?.map((g) => g.summary.total) ?? [])).toBe(widget.summary.total);
  });

  it('gives the merged average of a grouped report as the overall ratio, not a sum', async () => {
    const app = testApp();
    const grouped = await chatbotcom(app).ok<Series>(`/reports/conversations.average?${WEEK}&group=source`);
    const plain = await chatbotcom(app).ok<Series>(`/reports/conversations.average?${WEEK}`);
    expect(grouped.data).toEqual(plain.data);
    expect(grouped.summary).toEqual(plain.summary);
  });

  it('holds zeros after now and before the account existed', async () => {
    const app = testApp();
    const future = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2025-03-01&to=2025-03-03&dimension=hour',
    );
    expect(future.data).toHaveLength(72);
    expect(
      values(future)
        .slice(13)
        .every((v) => v === 0),
    ).toBe(true); // 13:00 onwards is after now (12:00)
    const past = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2015-01-01&to=2015-12-31&dimension=month',
    );
    expect(past.summary).toEqual({ total: 0, min: 0, max: 0, avg: 0 });
    expect(past.data).toHaveLength(12);
  });

  it('answers an empty series with an all-zero summary for an empty window', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2025-02-01T10:00:00Z&to=2025-02-01T10:00:00Z',
    );
    expect(body).toEqual({ data: [], summary: { total: 0, min: 0, max: 0, avg: 0 } });
  });

  it('serves the documented default window 1974 to now when only to is given, day by day', async () => {
    const app = testApp();
    const body = await chatbotcom(app).ok<Series>('/reports/conversations?to=2025-02-28');
    expect(body.data[0]?.date).toBe('1974-01-01T00:00:00.000Z');
    expect(body.data.at(-1)?.date).toBe('2025-02-28T00:00:00.000Z');
    const year = await chatbotcom(app).ok<Series>(
      '/reports/conversations?from=2022-01-01&to=2025-02-28&dimension=year',
    );
    expect(body.summary.total).toBe(year.summary.total);
  });

  it('reads the account from the token: viewer is an account like any other', async () => {
    const app = testApp();
    const res = await chatbotcom(app).get(`/reports/conversations?${WEEK}`, { secret: 'viewer' });
    expect(res.status).toBe(200);
    const again = await chatbotcom(app).get(`/reports/conversations?${WEEK}`, { secret: TOKEN });
    expect(again.text).not.toBe(res.text);
  });

  it('follows the data knobs of a scenario: empty and high volume', async () => {
    const app = testApp({}, [
      { name: 'empty', description: 'no traffic', knobs: { empty: true }, rules: [] },
      { name: 'busy', description: 'ten times the traffic', knobs: { volume: 10 }, rules: [] },
    ]);
    const normal = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`);
    const empty = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`, {
      headers: { 'X-Mock-Scenario': 'empty' },
    });
    const busy = await chatbotcom(app).ok<Series>(`/reports/conversations?${WEEK}`, {
      headers: { 'X-Mock-Scenario': 'busy' },
    });
    expect(empty.summary).toEqual({ total: 0, min: 0, max: 0, avg: 0 });
    expect(busy.summary.total).toBeGreaterThan(5 * normal.summary.total);
  });
});
