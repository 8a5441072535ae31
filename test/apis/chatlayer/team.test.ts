import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { addUp } from '../../support/numbers.js';
import { botSeries, chatlayer, chatlayerApp, type SeriesData } from './helpers.js';

const JAN = { start_time: '2025-01-06T00:00:00Z', end_time: '2025-02-03T00:00:00Z', bucket: '1w' };

async function usage(
  app: RequestListener,
  team: string,
  params: Record<string, string | undefined>,
): Promise<SeriesData> {
  const res = await chatlayer(app).get(`/v1/teams/${team}/conversations?${queryString(params)}`);
  expect(res.status).toBe(200);
  return res.body.data as SeriesData;
}

describe('GET /v1/teams/{team_id}/conversations', () => {
  it("equals the sum over the team's bots of their LIVE and DRAFT series", async () => {
    const app = chatlayerApp();
    const total = await usage(app, 'team-a', JAN);
    const perBot = await usage(app, 'team-a', { ...JAN, group_by: 'bot_id,bot_version' });
    expect(perBot.series_labels).toEqual(['bot_id', 'bot_version']);
    expect(perBot.series.length).toBeGreaterThan(1);
    for (const serie of perBot.series) {
      const bot = await botSeries(app, serie.labels.bot_id ?? '', {
        ...JAN,
        version: serie.labels.bot_version,
      });
      expect(bot.series[0]?.values).toEqual(serie.values);
      expect(bot.x_values).toEqual(perBot.x_values);
    }
    expect(
      addUp(
        perBot.series.map((s) => s.values),
        4,
      ),
    ).toEqual(total.series[0]?.values);
  });

  it.each([
    'bot_id',
    'bot_version',
    'team_id',
    'channel_type',
    'language',
    'campaign_id',
    'campaign_source',
    'bot_id,channel_type,language,campaign_id',
    'campaign_source,bot_version',
  ])('splits the usage grouped by %s exactly into the ungrouped one', async (groupBy) => {
    const app = chatlayerApp();
    const total = await usage(app, 'team-b', JAN);
    const grouped = await usage(app, 'team-b', { ...JAN, group_by: groupBy });
    const fields = groupBy.split(',');
    expect(grouped.series_labels).toEqual(fields);
    for (const serie of grouped.series) expect(Object.keys(serie.labels)).toEqual(fields);
    expect(
      addUp(
        grouped.series.map((s) => s.values),
        4,
      ),
    ).toEqual(total.series[0]?.values);
  });

  it('labels team_id with the team and bot_version with DRAFT or LIVE', async () => {
    const app = chatlayerApp();
    const data = await usage(app, 'team-c', { ...JAN, group_by: 'team_id,bot_version' });
    expect(data.series.map((s) => s.labels)).toEqual([
      { team_id: 'team-c', bot_version: 'DRAFT' },
      { team_id: 'team-c', bot_version: 'LIVE' },
    ]);
  });

  it('gives conversations without a campaign an empty campaign_id and campaign_source', async () => {
    const app = chatlayerApp();
    const data = await usage(app, 'team-a', { ...JAN, group_by: 'campaign_id,campaign_source' });
    const none = data.series.find((s) => s.labels.campaign_id === '');
    expect(none?.labels.campaign_source).toBe('');
    // Most conversations start without a campaign.
    for (const serie of data.series) expect(serie.sum).toBeLessThanOrEqual(none?.sum ?? 0);
  });

  it('trims group_by names and counts a repeated one once', async () => {
    const app = chatlayerApp();
    const plain = await usage(app, 'team-a', { ...JAN, group_by: 'bot_version,language' });
    const spaced = await usage(app, 'team-a', { ...JAN, group_by: ' bot_version , language,bot_version' });
    expect(spaced).toEqual(plain);
  });

  it('cuts 1m buckets at calendar months and counts a partial last month', async () => {
    const app = chatlayerApp();
    const monthly = await usage(app, 'team-a', {
      start_time: '2024-11-01',
      end_time: '2025-01-16',
      bucket: '1m',
    });
    const daily = await usage(app, 'team-a', {
      start_time: '2024-11-01',
      end_time: '2025-01-16',
      bucket: '1d',
    });
    expect(monthly.x_values).toEqual([
      '2024-11-01T00:00:00Z',
      '2024-12-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
    ]);
    const d = daily.series[0]?.values ?? [];
    const sum = (from: number, to: number): number => d.slice(from, to).reduce((a, b) => a + b, 0);
    expect(monthly.series[0]?.values).toEqual([sum(0, 30), sum(30, 61), sum(61, 76)]);
  });

  it('derives the same bots for the same team and seed, and other bots for another seed', async () => {
    const params = `?${queryString({ ...JAN, group_by: 'bot_id' })}`;
    const first = await chatlayer(chatlayerApp()).get(`/v1/teams/team-a/conversations${params}`);
    const again = await chatlayer(chatlayerApp()).get(`/v1/teams/team-a/conversations${params}`);
    const other = await chatlayer(chatlayerApp({ seed: 7 })).get(`/v1/teams/team-a/conversations${params}`);
    expect(again.text).toBe(first.text);
    const ids = (res: typeof first) =>
      res.body.data.series.map((s: { labels: { bot_id: string } }) => s.labels.bot_id);
    expect(ids(other)).not.toEqual(ids(first));
  });
});
