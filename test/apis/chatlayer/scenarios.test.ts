import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

const EMPTY: Scenario = { name: 'empty', description: 'no traffic', knobs: { empty: true }, rules: [] };
const RANGE = { start_time: '2025-02-03', end_time: '2025-02-10' };

describe('scenarios', () => {
  it('answers one all-zero serie, and no groups, in an empty world', async () => {
    const app = chatlayerApp({}, [EMPTY]);
    const headers = { 'X-Mock-Scenario': 'empty' };
    const plain = await chatlayer(app).get(
      `/v1/bots/bot-a/conversations?${queryString({ version: 'LIVE', ...RANGE })}`,
      { headers },
    );
    expect(plain.body.data.series).toEqual([
      { values: [0, 0, 0, 0, 0, 0, 0], mean: 0, max: 0, min: 0, sum: 0, labels: {} },
    ]);
    const grouped = await chatlayer(app).get(
      `/v1/teams/team-a/conversations?${queryString({ ...RANGE, bucket: '1d', group_by: 'bot_id' })}`,
      { headers },
    );
    expect(grouped.body.data.series).toEqual([]);
    expect(grouped.body.data.series_labels).toEqual(['bot_id']);
  });

  it('finds no conversation flow in an empty world', async () => {
    const app = chatlayerApp({}, [EMPTY]);
    const res = await chatlayer(app).get(
      `/v1/bots/bot-a/conversations/conv-1/flow?${queryString({ version: 'LIVE', ...RANGE })}`,
      {
        headers: {
          'X-Mock-Scenario': 'empty',
        },
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(5);
  });

  it('answers a scenario rule with the documented error of the status', async () => {
    const flaky: Scenario = {
      name: 'down',
      description: 'always 500',
      knobs: {},
      rules: [{ match: { api: 'chatlayer' }, status: 500 }],
    };
    const res = await chatlayer(chatlayerApp({}, [flaky])).get(
      `/v1/teams/team-a/conversations?${queryString({ ...RANGE, bucket: '1d' })}`,
      { headers: { 'X-Mock-Scenario': 'down' } },
    );
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 13, message: 'internal error', details: [] });
  });
});
