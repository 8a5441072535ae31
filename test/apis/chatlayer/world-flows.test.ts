/** Issue 16's flow invariants: edges in = occurrences = edges out + drop-offs, on real responses. */
import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

type Params = Record<string, string>;
type Edge = { count: number; id: string; from_step: { id: string }; to_step: { id: string } };
const app = chatlayerApp();

const CASES: [string, Params][] = [
  ['bot-a', { version: 'LIVE', start_time: '2025-02-20', end_time: '2025-02-27' }],
  [
    'bot-b',
    {
      version: 'LIVE',
      start_time: '2025-02-28T06:00:00Z',
      end_time: '2025-03-01T12:00:00Z',
      channel_type: 'WEB',
    },
  ],
  ['shop-bot', { version: 'DRAFT', start_time: '2025-01-01', end_time: '2025-02-01' }],
];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(CASES)('%s %j', (bot, params) => {
  const base = `/v1/bots/${bot}/flows`;

  it('holds edges in = occurrences = edges out + drop-offs for every step, and details agree', async () => {
    const { nodes } = await chatlayer(app).ok<{ nodes: { id: string; occurrences: number }[] }>(
      `${base}?${queryString(params)}`,
    );
    const steps = nodes.filter((n) => n.id !== 'DROPOFF');
    expect(steps.length).toBeGreaterThan(3);
    const entry = steps.find((n) => n.id.startsWith('welcome-'));
    let dropoffs = 0;
    for (const node of steps) {
      const sources = (
        await chatlayer(app).ok<{ edges: Edge[] }>(
          `${base}/${node.id}/edges?${queryString({ ...params, type: 'sources' })}`,
        )
      ).edges;
      const targets = (
        await chatlayer(app).ok<{ edges: Edge[] }>(
          `${base}/${node.id}/edges?${queryString({ ...params, type: 'targets' })}`,
        )
      ).edges;
      const details = await chatlayer(app).ok<{
        message_count: number;
        drop_off_count: number;
        conversation_count: number;
      }>(`${base}/${node.id}?${queryString(params)}`);
      for (const e of sources) expect(e.to_step.id).toBe(node.id);
      for (const e of targets) expect(e.from_step.id).toBe(node.id);
      if (node === entry) expect(sources).toEqual([]);
      else expect(sum(sources.map((e) => e.count))).toBe(node.occurrences);
      expect(sum(targets.map((e) => e.count)) + details.drop_off_count).toBe(node.occurrences);
      expect(details.message_count).toBe(node.occurrences);
      const selfLoops = sum(sources.filter((e) => e.from_step.id === node.id).map((e) => e.count));
      expect(details.conversation_count).toBe(node.occurrences - selfLoops);
      dropoffs += details.drop_off_count;
    }
    // Every conversation ends once, and starts at the entry step.
    expect(nodes.find((n) => n.id === 'DROPOFF')?.occurrences).toBe(dropoffs);
    expect(entry?.occurrences).toBe(dropoffs);
  });

  it("keeps each conversation's own transitions among the edges of the bot's two-month graph", async () => {
    // The graph counts the conversations of its window: over two months every move the dialogs
    // allow has been made, so any conversation's path (flow.ts walks the same dialogs) is in it.
    const wide = { version: 'LIVE', start_time: '2025-01-01', end_time: '2025-03-01' };
    const edges = new Set<string>();
    const { nodes } = await chatlayer(app).ok<{ nodes: { id: string }[] }>(`${base}?${queryString(wide)}`);
    for (const node of nodes.filter((n) => n.id !== 'DROPOFF')) {
      const { edges: out } = await chatlayer(app).ok<{ edges: Edge[] }>(
        `${base}/${node.id}/edges?${queryString({ ...wide, type: 'targets' })}`,
      );
      for (const e of out) edges.add(`${e.from_step.id}>${e.to_step.id}`);
    }
    for (const conversation of ['c-1', 'c-2', 'order-77', '0f9a7c2e-4b1d-4e58-9a3b-7c2e4b1d4e58']) {
      const flow = await chatlayer(app).ok<{
        transitions: { from_step: { id: string }; to_step: { id: string } }[];
      }>(`/v1/bots/${bot}/conversations/${conversation}/flow?${queryString(wide)}`);
      for (const t of flow.transitions) expect(edges).toContain(`${t.from_step.id}>${t.to_step.id}`);
    }
  });

  it('keeps the listed nodes only with path, and gives a funnel that never increases', async () => {
    const { nodes } = await chatlayer(app).ok<{ nodes: { id: string; occurrences: number }[] }>(
      `${base}?${queryString(params)}`,
    );
    const two = nodes.slice(1, 3).map((n) => n.id);
    const kept = await chatlayer(app).ok<{ nodes: { id: string }[] }>(
      `${base}?${queryString({ ...params, path: two })}`,
    );
    expect(kept.nodes.map((n) => n.id).sort()).toEqual([...two].sort());
    const steps = nodes.filter((n) => n.id !== 'DROPOFF').map((n) => ({ event_id: n.id }));
    const res = await chatlayer(app).post(`/v1/bots/${bot}/flows/funnel`, {
      ...params,
      steps,
      breakdown_property: 'language',
    });
    expect(res.status).toBe(200);
    for (const cohort of res.body.result as { values: { count: number }[] }[]) {
      const counts = cohort.values.map((v) => v.count);
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] ?? 0);
      expect(counts[0]).toBeGreaterThan(0);
    }
  });
});

it('answers zeros and no edges for a step the bot does not have', async () => {
  const p = { version: 'LIVE', start_time: '2025-02-20', end_time: '2025-02-27' };
  expect(await chatlayer(app).ok(`/v1/bots/bot-a/flows/no-such-step?${queryString(p)}`)).toEqual({
    message_count: 0,
    drop_off_count: 0,
    conversation_count: 0,
  });
  expect(
    await chatlayer(app).ok(
      `/v1/bots/bot-a/flows/no-such-step/edges?${queryString({ ...p, type: 'sources' })}`,
    ),
  ).toEqual({
    edges: [],
  });
});
