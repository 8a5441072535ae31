import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chunkSums } from '../../support/numbers.js';
import { botSeries, chatlayer, chatlayerApp, type SeriesData } from './helpers.js';

const FEB = { start_time: '2025-02-03T00:00:00Z', end_time: '2025-02-10T00:00:00Z' };

async function insights(
  app: RequestListener,
  bot: string,
  params: Record<string, string | undefined>,
): Promise<SeriesData> {
  const res = await chatlayer(app).get(
    `/v1/bots/${bot}/conversations/insights?${queryString({ version: 'LIVE', stat: 'num_conversations', ...params })}`,
  );
  expect(res.status).toBe(200);
  return res.body.data as SeriesData;
}

describe('GET /v1/bots/{bot_id}/conversations/insights', () => {
  it('counts num_conversations exactly as the conversations series does', async () => {
    const app = chatlayerApp();
    for (const version of ['LIVE', 'DRAFT']) {
      const conversations = await botSeries(app, 'bot-a', { ...FEB, bucket: '1h', version });
      const stat = await insights(app, 'bot-a', { ...FEB, bucket: '1h', version });
      expect(stat).toEqual(conversations);
    }
  });

  it('answers one serie with empty labels and no series_labels', async () => {
    const data = await insights(chatlayerApp(), 'bot-a', { ...FEB, stat: 'duration_seconds' });
    expect(data.series_labels).toEqual([]);
    expect(data.series.map((s) => s.labels)).toEqual([{}]);
  });

  it.each(['duration_seconds', 'num_messages'])(
    'rolls %s up from hours to days, as a total',
    async (stat) => {
      const app = chatlayerApp();
      const hourly = await insights(app, 'bot-b', { ...FEB, stat, bucket: '1h' });
      const daily = await insights(app, 'bot-b', { ...FEB, stat, bucket: '1d' });
      expect(chunkSums(hourly.series[0]?.values ?? [], 24)).toEqual(daily.series[0]?.values);
    },
  );

  it('counts at least one message per conversation in every bucket', async () => {
    const app = chatlayerApp();
    const conversations = await insights(app, 'bot-c', { ...FEB, bucket: '1h' });
    const messages = await insights(app, 'bot-c', { ...FEB, bucket: '1h', stat: 'num_messages' });
    const counts = conversations.series[0]?.values ?? [];
    messages.series[0]?.values.forEach((m, i) => {
      expect(m).toBeGreaterThanOrEqual(counts[i] ?? 0);
    });
    expect(messages.series[0]?.sum).toBeGreaterThan(conversations.series[0]?.sum ?? 0);
  });

  it.each(['num_conversations', 'duration_seconds', 'num_messages'])(
    'lowers %s when filtered, and the filters partition the total',
    async (stat) => {
      const app = chatlayerApp();
      const all = await insights(app, 'bot-a', { ...FEB, stat });
      const groups = await botSeries(app, 'bot-a', { ...FEB, group_by: 'channel_type' });
      const channels = groups.series.map((s) => s.labels.channel_type ?? '');
      let sum = 0;
      for (const channel of channels) {
        const filtered = await insights(app, 'bot-a', { ...FEB, stat, channel_type: channel });
        expect(filtered.series[0]?.sum).toBeLessThanOrEqual(all.series[0]?.sum ?? 0);
        sum += filtered.series[0]?.sum ?? 0;
      }
      expect(sum).toBe(all.series[0]?.sum);
      const both = await insights(app, 'bot-a', { ...FEB, stat, channel_type: channels.join(',') });
      expect(both.series[0]?.sum).toBe(all.series[0]?.sum);
    },
  );

  it('takes a comma-separated language list as one string', async () => {
    const app = chatlayerApp();
    const all = await insights(app, 'bot-a', FEB);
    const languages = (await botSeries(app, 'bot-a', { ...FEB, group_by: 'language' })).series.map(
      (s) => s.labels.language ?? '',
    );
    const filtered = await insights(app, 'bot-a', { ...FEB, language: languages.join(',') });
    expect(filtered.series[0]?.values).toEqual(all.series[0]?.values);
  });
});
