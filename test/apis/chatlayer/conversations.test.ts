import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { addUp, chunkSums } from '../../support/numbers.js';
import { botSeries, chatlayer, chatlayerApp } from './helpers.js';

const FEB = { start_time: '2025-02-03T00:00:00Z', end_time: '2025-02-10T00:00:00Z' };

describe('GET /v1/bots/{bot_id}/conversations', () => {
  it('answers one ungrouped serie with empty labels and one x value per UTC day', async () => {
    const app = chatlayerApp();
    const data = await botSeries(app, 'bot-a', FEB);
    expect(data.series_labels).toEqual([]);
    expect(data.series).toHaveLength(1);
    expect(data.series[0]?.labels).toEqual({});
    expect(data.x_values).toEqual([
      '2025-02-03T00:00:00Z',
      '2025-02-04T00:00:00Z',
      '2025-02-05T00:00:00Z',
      '2025-02-06T00:00:00Z',
      '2025-02-07T00:00:00Z',
      '2025-02-08T00:00:00Z',
      '2025-02-09T00:00:00Z',
    ]);
    expect(data.series[0]?.sum).toBeGreaterThan(0);
  });

  it('computes sum, min, max and the rounded mean from the values', async () => {
    const app = chatlayerApp();
    for (const bot of ['bot-a', 'bot-b', 'bot-c']) {
      const [serie] = (await botSeries(app, bot, FEB)).series;
      const values = serie?.values ?? [];
      const sum = values.reduce((a, b) => a + b, 0);
      expect(serie).toMatchObject({
        sum,
        min: Math.min(...values),
        max: Math.max(...values),
        mean: Math.round(sum / values.length),
      });
    }
  });

  it('gives the same bytes for the same seed, clock and request, and other numbers for another seed', async () => {
    const url = `/v1/bots/bot-a/conversations?${queryString({ version: 'LIVE', ...FEB, group_by: 'language' })}`;
    const first = await chatlayer(chatlayerApp()).get(url);
    const again = await chatlayer(chatlayerApp()).get(url);
    const otherSeed = await chatlayer(chatlayerApp()).get(url, { headers: { 'X-Mock-Seed': '2' } });
    expect(again.text).toBe(first.text);
    expect(otherSeed.text).not.toBe(first.text);
  });

  it('rolls hourly buckets up into the daily ones', async () => {
    const app = chatlayerApp();
    const hourly = await botSeries(app, 'bot-a', { ...FEB, bucket: '1h' });
    const daily = await botSeries(app, 'bot-a', { ...FEB, bucket: '1d' });
    expect(hourly.x_values).toHaveLength(7 * 24);
    expect(chunkSums(hourly.series[0]?.values ?? [], 24)).toEqual(daily.series[0]?.values);
  });

  it('rolls daily buckets up into ISO weeks that start on Monday', async () => {
    const app = chatlayerApp();
    const window = { start_time: '2025-01-06', end_time: '2025-02-03' };
    const daily = await botSeries(app, 'bot-b', { ...window, bucket: '1d' });
    const weekly = await botSeries(app, 'bot-b', { ...window, bucket: '1w' });
    expect(weekly.x_values).toEqual([
      '2025-01-06T00:00:00Z',
      '2025-01-13T00:00:00Z',
      '2025-01-20T00:00:00Z',
      '2025-01-27T00:00:00Z',
    ]);
    expect(chunkSums(daily.series[0]?.values ?? [], 7)).toEqual(weekly.series[0]?.values);
  });

  it('starts the first bucket at its aligned start and counts only the window in partial buckets', async () => {
    const app = chatlayerApp();
    // Wednesday 5 Feb 06:00 to Tuesday 18 Feb 12:00: partial weeks on both ends.
    const window = { start_time: '2025-02-05T06:00:00Z', end_time: '2025-02-18T12:00:00Z' };
    const weekly = await botSeries(app, 'bot-a', { ...window, bucket: '1w' });
    const hourly = await botSeries(app, 'bot-a', { ...window, bucket: '1h' });
    expect(weekly.x_values).toEqual(['2025-02-03T00:00:00Z', '2025-02-10T00:00:00Z', '2025-02-17T00:00:00Z']);
    expect(hourly.x_values[0]).toBe('2025-02-05T06:00:00Z');
    expect(hourly.x_values.at(-1)).toBe('2025-02-18T11:00:00Z');
    const h = hourly.series[0]?.values ?? [];
    // 5 Feb 06:00 → 10 Feb 00:00 is 114 hours; the next week is 168 hours; the rest is 36 hours.
    expect(weekly.series[0]?.values).toEqual([
      chunkSums(h.slice(0, 114), 114)[0],
      chunkSums(h.slice(114, 282), 168)[0],
      chunkSums(h.slice(282), 36)[0],
    ]);
  });

  it.each(['channel_type', 'language'])(
    'splits the series grouped by %s exactly into the ungrouped one',
    async (groupBy) => {
      const app = chatlayerApp();
      const all = await botSeries(app, 'bot-c', { ...FEB, bucket: '1h' });
      const grouped = await botSeries(app, 'bot-c', { ...FEB, bucket: '1h', group_by: groupBy });
      expect(grouped.series_labels).toEqual([groupBy]);
      expect(grouped.x_values).toEqual(all.x_values);
      for (const serie of grouped.series) expect(Object.keys(serie.labels)).toEqual([groupBy]);
      const sum = addUp(
        grouped.series.map((s) => s.values),
        all.x_values.length,
      );
      expect(sum).toEqual(all.series[0]?.values);
    },
  );

  it('sorts grouped series by their label and omits groups without conversations', async () => {
    const app = chatlayerApp();
    const grouped = await botSeries(app, 'bot-c', { ...FEB, group_by: 'channel_type' });
    const names = grouped.series.map((s) => s.labels.channel_type ?? '');
    expect(names).toEqual([...names].sort());
    for (const serie of grouped.series) expect(serie.sum).toBeGreaterThan(0);
  });

  it('filters by channel_type to exactly that group, repeated or comma-separated alike', async () => {
    const app = chatlayerApp();
    const grouped = await botSeries(app, 'bot-c', { ...FEB, group_by: 'channel_type' });
    expect(grouped.series.length).toBeGreaterThan(1);
    const [first, second] = grouped.series;
    const a = first?.labels.channel_type ?? '';
    const b = second?.labels.channel_type ?? '';
    const one = await botSeries(app, 'bot-c', { ...FEB, channel_type: a });
    expect(one.series[0]?.values).toEqual(first?.values);
    const repeated = await botSeries(app, 'bot-c', { ...FEB, channel_type: [a, b] });
    const comma = await botSeries(app, 'bot-c', { ...FEB, channel_type: `${a},${b}` });
    expect(comma).toEqual(repeated);
    expect(repeated.series[0]?.values).toEqual(addUp([first?.values ?? [], second?.values ?? []], 7));
  });

  it('lowers the totals when filtered by language, and counts a language the bot does not speak as zero', async () => {
    const app = chatlayerApp();
    const all = await botSeries(app, 'bot-a', FEB);
    const grouped = await botSeries(app, 'bot-a', { ...FEB, group_by: 'language' });
    const spoken = grouped.series.map((s) => s.labels.language ?? '');
    for (const language of spoken) {
      const filtered = await botSeries(app, 'bot-a', { ...FEB, language });
      expect(filtered.series[0]?.sum).toBeLessThanOrEqual(all.series[0]?.sum ?? 0);
    }
    const unspoken =
      ['en', 'nl', 'fr', 'de', 'es', 'it', 'pt', 'sv'].find((l) => !spoken.includes(l)) ?? 'sv';
    const none = await botSeries(app, 'bot-a', { ...FEB, language: unspoken });
    expect(none.series).toEqual([
      { values: [0, 0, 0, 0, 0, 0, 0], mean: 0, max: 0, min: 0, sum: 0, labels: {} },
    ]);
  });

  it('counts DRAFT test conversations as a small fraction of LIVE traffic', async () => {
    const app = chatlayerApp();
    for (const bot of ['bot-a', 'bot-b', 'bot-c', 'bot-d']) {
      const live = await botSeries(app, bot, { ...FEB, version: 'LIVE' });
      const draft = await botSeries(app, bot, { ...FEB, version: 'DRAFT' });
      expect(draft.series[0]?.sum).toBeLessThan((live.series[0]?.sum ?? 0) * 0.15);
    }
  });

  it('counts nothing for the hour in progress at now, nor after it', async () => {
    const app = chatlayerApp(); // now = 2025-03-01T12:00:00Z
    const data = await botSeries(app, 'bot-a', {
      start_time: '2025-03-01T09:00:00Z',
      end_time: '2025-03-01T15:00:00Z',
      bucket: '1h',
    });
    const values = data.series[0]?.values ?? [];
    expect(values.slice(3)).toEqual([0, 0, 0]);
    expect(values.slice(0, 3).some((v) => v > 0)).toBe(true);
  });

  it('counts nothing before the bot existed', async () => {
    const app = chatlayerApp();
    const data = await botSeries(app, 'bot-a', {
      start_time: '2015-01-01',
      end_time: '2016-01-01',
      bucket: '1w',
    });
    expect(data.series[0]?.sum).toBe(0);
  });
});
