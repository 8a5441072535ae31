/**
 * Hand-overs to live agents, one hour at a time: how many conversations of each channel asked for
 * an agent, and the record of each (channel, topic, outcome, agent, wait, duration). Pure.
 */
import { MS_HOUR } from '../../core/time.js';
import { hourRng, usersByChannel } from './traffic.js';
import type { Workspace } from './workspace.js';

/** How an intervention ended; `abandoned` = the user left before an agent joined. */
export type Outcome = 'resolved' | 'unresolved' | 'abandoned';

/** One intervention, before formatting. */
export interface Intervention {
  id: string;
  startedAt: number;
  channel: string;
  topic: string | null;
  outcome: Outcome;
  /** Index of the agent in the workspace's roster; -1 when abandoned. */
  agent: number;
  waitSeconds: number;
  durationSeconds: number;
}

/** Interventions started in the hour, per channel of the workspace. */
export function interventionsByChannel(ws: Workspace, hour: number): number[] {
  const rng = hourRng(ws, 'interventions', hour);
  return usersByChannel(ws, hour).map((users) => rng.binomial(users, ws.handoverShare));
}

/** Interventions started in the hour, all channels. */
export function interventionCount(ws: Workspace, hour: number): number {
  return interventionsByChannel(ws, hour).reduce((a, b) => a + b, 0);
}

/** A MongoDB-style ObjectId: 4 bytes of seconds, then 8 derived bytes. */
function objectId(ms: number, randomHex: string): string {
  return (
    Math.floor(ms / 1000)
      .toString(16)
      .padStart(8, '0')
      .slice(-8) + randomHex
  );
}

/** Every intervention started in the hour, by start time then id. */
export function interventionsInHour(ws: Workspace, hour: number): Intervention[] {
  const counts = interventionsByChannel(ws, hour);
  const rng = hourRng(ws, 'intervention-records', hour);
  const records: Intervention[] = [];
  counts.forEach((count, c) => {
    const channel = ws.channels.items[c]?.key ?? 'webchat';
    for (let i = 0; i < count; i++) {
      const startedAt = hour * MS_HOUR + rng.int(0, MS_HOUR - 1);
      const topic = rng.chance(0.15) ? null : ws.topics.items[rng.weightedIndex(ws.topics.weights)]?.label;
      const abandoned = rng.chance(0.12);
      const outcome: Outcome = abandoned ? 'abandoned' : rng.chance(0.72) ? 'resolved' : 'unresolved';
      records.push({
        id: objectId(startedAt, rng.hex(16)),
        startedAt,
        channel,
        topic: topic ?? null,
        outcome,
        agent: abandoned ? -1 : rng.weightedIndex(ws.agents.weights),
        waitSeconds: abandoned ? rng.int(30, 900) : rng.int(8, 300),
        durationSeconds: abandoned ? 0 : rng.int(60, 1500) + rng.int(0, 900),
      });
    }
  });
  return records.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
