import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { ENDPOINTS, freshApp, hundredths, type Series, type Slice } from './helpers.js';

/** Logicdialog requests to `/api/agent/analytics/<endpoint>` with a valid key, each checked against the spec. */
const logicdialog = (app: RequestListener) => apiClient('logicdialog', app, { base: '/api/agent/analytics' });

const FEBRUARY = { dateFrom: '2025-02-01', dateTo: '2025-03-01', client: 'acme-council' };

interface SeriesBody {
  series: Series[];
  total: number;
}
interface BreakdownBody extends SeriesBody {
  breakdown: Slice[];
}
interface UserDetail {
  breakdowns: Record<'channel' | 'country' | 'language' | 'rating', Slice[]>;
  total: number;
}
interface ResponseStats {
  id: string;
  views: number;
  likes: number;
  dislikes: number;
  triggeredByButton: number;
  triggeredByNlp: number;
}
interface Intervention {
  startedAt: string;
  agent: string | null;
  outcome: string;
  waitSeconds: number;
  durationSeconds: number;
}

function seriesTotal(b: SeriesBody, key: string): number {
  const found = b.series.find((s) => s.key === key);
  if (!found) throw new Error(`no series ${key}`);
  return found.total;
}

function slice(slices: Slice[], key: string): number {
  return slices.find((s) => s.key === key)?.value ?? 0;
}

/** An endpoint's 200 body over February unless a query says otherwise. */
function report<T>(
  app: RequestListener,
  endpoint: string,
  query: Record<string, string> = FEBRUARY,
): Promise<T> {
  return logicdialog(app).ok<T>(`/${endpoint}`, { query });
}

// The count endpoints whose series are sums of hours, so any resolution adds up to the same totals
// (the others answer lists, breakdowns or averages).
const NOT_ADDITIVE = [
  'events',
  'user/detail',
  'response',
  'urlTracking',
  'intervention/average-time-by-agent-series',
  'intervention-detail',
  'intervention/average-time',
];
const ADDITIVE = ENDPOINTS.filter((endpoint) => !NOT_ADDITIVE.includes(endpoint));

describe('logicdialog cross-endpoint invariants', () => {
  it.each(ADDITIVE)(
    'rolls the hourly points of %s up to the daily points and the monthly sum',
    async (endpoint) => {
      const app = freshApp();
      const hourly = await report<SeriesBody>(app, endpoint, { ...FEBRUARY, resolution: 'hour' });
      const daily = await report<SeriesBody>(app, endpoint, { ...FEBRUARY, resolution: 'day' });
      const monthly = await report<SeriesBody>(app, endpoint, { ...FEBRUARY, resolution: 'month' });
      expect(hourly.total).toBe(daily.total);
      expect(monthly.total).toBe(daily.total);
      for (const d of daily.series) {
        const h = hourly.series.find((s) => s.key === d.key);
        expect(h?.data).toHaveLength(28 * 24);
        d.data.forEach((point, day) => {
          expect(sum(h?.data.slice(day * 24, day * 24 + 24).map((p) => p.value) ?? [])).toBe(point.value);
        });
        expect(monthly.series.find((s) => s.key === d.key)?.data.map((p) => p.value)).toEqual([d.total]);
      }
      expect(daily.total).toBeGreaterThan(0);
    },
  );

  it('adds up the messages of the channels of active-channel to the message series, bucket by bucket', async () => {
    const app = freshApp();
    const message = await report<SeriesBody>(app, 'message');
    const channels = await report<BreakdownBody>(app, 'active-channel');
    expect(channels.total).toBe(message.total);
    message.series[0]?.data.forEach((point, b) => {
      expect(sum(channels.series.map((s) => s.data[b]?.value ?? 0))).toBe(point.value);
    });
    expect(channels.breakdown.map((s) => [s.key, s.value])).toEqual(
      channels.series.map((s) => [s.key, s.total]),
    );
  });

  it('splits natural-language inputs into matched and unmatched, and files every matched input under a topic', async () => {
    const app = freshApp();
    const nlp = await report<SeriesBody>(app, 'nlp');
    const groups = await report<SeriesBody>(app, 'message-groups');
    const message = await report<SeriesBody>(app, 'message');
    expect(nlp.total).toBe(seriesTotal(nlp, 'matched') + seriesTotal(nlp, 'unmatched'));
    expect(groups.total).toBe(seriesTotal(nlp, 'matched'));
    expect(nlp.total).toBeLessThanOrEqual(message.total);
  });

  it('counts the same active users in user, sentiment, user/detail, active-user-language and welcome events', async () => {
    const app = freshApp();
    const active = seriesTotal(await report<SeriesBody>(app, 'user'), 'active');
    expect(active).toBeGreaterThan(0);
    expect((await report<BreakdownBody>(app, 'sentiment')).total).toBe(active);
    const detail = await report<UserDetail>(app, 'user/detail');
    expect(detail.total).toBe(active);
    for (const slices of Object.values(detail.breakdowns))
      expect(sum(slices.map((s) => s.value))).toBe(active);
    expect((await report<BreakdownBody>(app, 'active-user-language')).total).toBe(active);
    expect(slice((await report<BreakdownBody>(app, 'events')).breakdown, 'welcome')).toBe(active);
  });

  it('gives user/detail the language breakdown of active-user-language', async () => {
    const app = freshApp();
    const detail = await report<UserDetail>(app, 'user/detail');
    const languages = await report<BreakdownBody>(app, 'active-user-language');
    expect(detail.breakdowns.language).toEqual(languages.breakdown);
  });

  it('makes the shares of every pie chart add up to exactly 100, in value order', async () => {
    const app = freshApp();
    const detail = await report<UserDetail>(app, 'user/detail');
    const charts = [
      ...Object.values(detail.breakdowns),
      (await report<BreakdownBody>(app, 'active-channel')).breakdown,
      (await report<BreakdownBody>(app, 'sentiment')).breakdown,
      (await report<BreakdownBody>(app, 'events')).breakdown,
      (await report<BreakdownBody>(app, 'active-user-language')).breakdown,
    ];
    for (const chart of charts) {
      expect(hundredths(chart)).toBe(10_000);
      const whole = sum(chart.map((s) => s.value));
      for (const s of chart)
        expect(Math.abs(s.share - (100 * s.value) / whole)).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(chart.map((s) => s.value)).toEqual([...chart.map((s) => s.value)].sort((a, b) => b - a));
    }
  });

  it('keeps users created at or below active users in every bucket', async () => {
    const app = freshApp();
    const user = await report<SeriesBody>(app, 'user', { ...FEBRUARY, resolution: 'hour' });
    const [created, active] = user.series;
    created?.data.forEach((point, b) => {
      expect(point.value).toBeLessThanOrEqual(active?.data[b]?.value ?? -1);
    });
    expect(user.total).toBe(created?.total);
  });

  it('shows one response per matched input or button press, and blocks add up to each response views', async () => {
    const app = freshApp();
    const { responses, total } = await report<{ responses: ResponseStats[]; total: number }>(app, 'response');
    const blocks = await report<SeriesBody>(app, 'blocks');
    const message = await report<SeriesBody>(app, 'message');
    const nlp = await report<SeriesBody>(app, 'nlp');
    for (const r of responses) expect(r.views).toBe(r.triggeredByButton + r.triggeredByNlp);
    expect(total).toBe(sum(responses.map((r) => r.views)));
    // Every message is typed or a button press; unmatched typed ones show no response.
    expect(total).toBe(message.total - seriesTotal(nlp, 'unmatched'));
    expect(sum(responses.map((r) => r.triggeredByNlp))).toBe(seriesTotal(nlp, 'matched'));
    expect(blocks.series.map((s) => [s.key, s.total])).toEqual(responses.map((r) => [r.id, r.views]));
    expect(blocks.total).toBe(total);
  });

  it('keeps likes, dislikes and link clicks within the views of their response', async () => {
    const app = freshApp();
    const { responses } = await report<{ responses: ResponseStats[] }>(app, 'response');
    const { urls, total } = await report<{ urls: { responseId: string; clicks: number }[]; total: number }>(
      app,
      'urlTracking',
    );
    const views = new Map(responses.map((r) => [r.id, r.views]));
    for (const r of responses) expect(r.likes + r.dislikes).toBeLessThanOrEqual(r.views);
    for (const link of urls) expect(link.clicks).toBeLessThanOrEqual(views.get(link.responseId) ?? -1);
    expect(total).toBe(sum(urls.map((u) => u.clicks)));
    expect(total).toBeGreaterThan(0);
  });

  it('lists exactly the interventions that intervention and live_agent_requested count, in the window and in order', async () => {
    const app = freshApp();
    const count = await report<SeriesBody>(app, 'intervention');
    const detail = await report<{ interventions: Intervention[]; total: number }>(app, 'intervention-detail');
    const events = await report<BreakdownBody>(app, 'events');
    expect(detail.total).toBe(count.total);
    expect(detail.interventions).toHaveLength(count.total);
    expect(slice(events.breakdown, 'live_agent_requested')).toBe(count.total);
    const starts = detail.interventions.map((i) => i.startedAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts[0]! >= '2025-02-01T00:00:00.000Z').toBe(true);
    expect(starts[starts.length - 1]! < '2025-03-01T00:00:00.000Z').toBe(true);
    for (const i of detail.interventions) expect(i.agent === null).toBe(i.outcome === 'abandoned');
  });

  it('averages the waits and durations of the listed interventions, overall and per agent', async () => {
    const app = freshApp();
    const { interventions } = await report<{ interventions: Intervention[] }>(app, 'intervention-detail');
    const averages = await report<{
      averageWaitSeconds: number;
      averageDurationSeconds: number;
      total: number;
    }>(app, 'intervention/average-time');
    const byAgent = await report<SeriesBody>(app, 'intervention/average-time-by-agent-series');
    const taken = interventions.filter((i) => i.agent !== null);
    expect(averages.total).toBe(interventions.length);
    expect(averages.averageWaitSeconds).toBe(
      Math.round(sum(interventions.map((i) => i.waitSeconds)) / interventions.length),
    );
    expect(averages.averageDurationSeconds).toBe(
      Math.round(sum(taken.map((i) => i.durationSeconds)) / taken.length),
    );
    expect(byAgent.total).toBe(taken.length);
    for (const s of byAgent.series) {
      const own = taken.filter((i) => i.agent === s.label);
      expect(s.total).toBe(Math.round(sum(own.map((i) => i.durationSeconds)) / own.length));
    }
    expect(byAgent.series.map((s) => s.label)).toEqual([...byAgent.series.map((s) => s.label)].sort());
  });

  it('counts one feedback_given event per user of user/detail who gave a rating', async () => {
    const app = freshApp();
    const detail = await report<UserDetail>(app, 'user/detail');
    const events = await report<BreakdownBody>(app, 'events');
    expect(slice(events.breakdown, 'feedback_given')).toBe(
      detail.total - slice(detail.breakdowns.rating, 'unrated'),
    );
  });
});
