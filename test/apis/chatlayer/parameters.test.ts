import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

const BOT = '/v1/bots/bot-a/conversations';
const TEAM = '/v1/teams/team-a/conversations';
const INSIGHTS = '/v1/bots/bot-a/conversations/insights';

describe('the bucket must be smaller than [start_time, end_time)', () => {
  it.each([
    ['1d over exactly one day', 400, BOT, '1d', '2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z'],
    ['1d over a day and an hour', 200, BOT, '1d', '2025-02-01T00:00:00Z', '2025-02-02T01:00:00Z'],
    ['1h over exactly one hour', 400, BOT, '1h', '2025-02-01T10:00:00Z', '2025-02-01T11:00:00Z'],
    ['1h over an hour and a second', 200, BOT, '1h', '2025-02-01T10:00:00Z', '2025-02-01T11:00:01Z'],
    ['1w over exactly seven days', 400, BOT, '1w', '2025-02-01', '2025-02-08'],
    ['the default 1d over twelve hours', 400, BOT, undefined, '2025-02-01T00:00:00Z', '2025-02-01T12:00:00Z'],
    ['1m over exactly one calendar month', 400, TEAM, '1m', '2025-01-15', '2025-02-15'],
    ['1m over a month and a day', 200, TEAM, '1m', '2025-01-15', '2025-02-16'],
    ['1m from 31 January over 28 February', 400, TEAM, '1m', '2025-01-31', '2025-02-28'],
    ['1m from 31 January over 1 March', 200, TEAM, '1m', '2025-01-31', '2025-03-01'],
  ])('%s → %i', async (_name, status, path, bucket, start, end) => {
    const version = path === TEAM ? undefined : 'LIVE';
    const res = await chatlayer(chatlayerApp()).get(
      `${path}?${queryString({ version, bucket, start_time: start, end_time: end })}`,
    );
    expect(res.status).toBe(status);
    if (status === 400) {
      expect(res.body.code).toBe(3);
      expect(res.body.message).toContain("'bucket'");
      expect(res.body.message).toContain('must be smaller than the range');
    }
  });
});

describe('bad parameters', () => {
  it.each([
    ['no version', BOT, { start_time: '2025-02-01', end_time: '2025-02-04' }, "'version'"],
    [
      'an unknown version',
      BOT,
      { version: 'STAGING', start_time: '2025-02-01', end_time: '2025-02-04' },
      'DRAFT, LIVE',
    ],
    ['no start_time', BOT, { version: 'LIVE', end_time: '2025-02-04' }, "'start_time'"],
    [
      'a start_time that is no date',
      BOT,
      { version: 'LIVE', start_time: 'yesterday', end_time: '2025-02-04' },
      'RFC 3339',
    ],
    [
      'an impossible date',
      BOT,
      { version: 'LIVE', start_time: '2025-02-30', end_time: '2025-03-04' },
      "'start_time'",
    ],
    [
      'end_time equal to start_time',
      BOT,
      { version: 'LIVE', start_time: '2025-02-04', end_time: '2025-02-04' },
      'must be after start_time',
    ],
    [
      'end_time before start_time',
      BOT,
      { version: 'LIVE', start_time: '2025-02-04', end_time: '2025-02-01' },
      'must be after start_time',
    ],
    [
      'an unknown bucket',
      BOT,
      { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-03-01', bucket: '1m' },
      '1h, 1d, 1w',
    ],
    [
      'an unknown group_by',
      BOT,
      { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-02-04', group_by: 'bot_id' },
      'channel_type, language',
    ],
    ['no stat', INSIGHTS, { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-02-04' }, "'stat'"],
    [
      'an unknown stat',
      INSIGHTS,
      { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-02-04', stat: 'csat' },
      'num_conversations, duration_seconds, num_messages',
    ],
    [
      'a repeated insights channel_type',
      INSIGHTS,
      {
        version: 'LIVE',
        start_time: '2025-02-01',
        end_time: '2025-02-04',
        stat: 'num_messages',
        channel_type: ['WEB', 'SMS'],
      },
      'give it once',
    ],
    ['no team bucket', TEAM, { start_time: '2025-02-01', end_time: '2025-03-01' }, "'bucket'"],
    [
      'an unknown team group_by field',
      TEAM,
      { start_time: '2025-01-01', end_time: '2025-03-01', bucket: '1w', group_by: 'bot_id,campaign' },
      'campaign_id, campaign_source',
    ],
    [
      'more than 10000 buckets',
      BOT,
      { version: 'LIVE', start_time: '2020-01-01', end_time: '2025-01-01', bucket: '1h' },
      '10000',
    ],
    [
      'a year beyond 9999',
      BOT,
      { version: 'LIVE', start_time: '9999-12-01', end_time: '9999-12-31T23:00:00-05:00' },
      "'end_time'",
    ],
  ])('%s → 400 naming what is accepted', async (_name, path, params, expected) => {
    const res = await chatlayer(chatlayerApp()).get(`${path}?${queryString(params)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 3, details: [] });
    expect(res.body.message).toContain(expected);
  });

  it('accepts the last day protobuf timestamps can hold', async () => {
    const res = await chatlayer(chatlayerApp()).get(
      `${BOT}?${queryString({ version: 'LIVE', start_time: '9999-12-01', end_time: '9999-12-31T23:59:59Z', bucket: '1w' })}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.x_values.at(-1)).toBe('9999-12-27T00:00:00Z');
  });
});
