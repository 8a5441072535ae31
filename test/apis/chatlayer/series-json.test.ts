import { describe, expect, it } from 'vitest';
import { type SeriesData, serieOf, seriesDataJson } from '../../../src/apis/chatlayer/series-data.js';

const X = ['2025-02-22T00:00:00Z', '2025-02-22T01:00:00Z', '2025-02-22T02:00:00Z'];

describe('seriesDataJson', () => {
  it.each<[string, SeriesData]>([
    [
      'grouped series',
      {
        series: [serieOf([1, 2, 3], { channel_type: 'api' }), serieOf([0, 5, 0], { channel_type: 'web' })],
        series_labels: ['channel_type'],
        x_values: X,
      },
    ],
    ['one ungrouped serie', { series: [serieOf([0, 0, 0], {})], series_labels: [], x_values: X }],
    ['no series and no buckets', { series: [], series_labels: ['language'], x_values: [] }],
    [
      'labels that need escaping, several fields',
      {
        series: [serieOf([7, 8, 9], { channel_type: 'we"b\\\n</script>', language: '日本 🎉\u2028' })],
        series_labels: ['channel_type', 'language'],
        x_values: X,
      },
    ],
    [
      'values capped at int32',
      {
        series: [serieOf([3_000_000_000, 1, 2], { intent_id: 'x' })],
        series_labels: ['intent_id'],
        x_values: X,
      },
    ],
  ])('writes JSON.stringify({ data }) of %s', (_, data) => {
    expect(seriesDataJson(data)).toBe(JSON.stringify({ data }));
  });

  it('writes the x values of a list asked again the same', () => {
    const x = [...X];
    const a: SeriesData = { series: [serieOf([1, 2, 3], {})], series_labels: [], x_values: x };
    const b: SeriesData = { series: [serieOf([4, 5, 6], {})], series_labels: [], x_values: x };
    expect(seriesDataJson(a)).toBe(JSON.stringify({ data: a }));
    expect(seriesDataJson(b)).toBe(JSON.stringify({ data: b }));
    expect(seriesDataJson(a)).toBe(JSON.stringify({ data: a }));
  });
});
