import type { RequestListener } from 'node:http';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

const RANGE = { start_time: '2025-02-10T08:00:00Z', end_time: '2025-02-10T20:00:00Z' };

interface Transition {
  id: string;
  from_step: { id: string; type: string };
  to_step: { id: string; type: string };
  depth: number;
  timestamp: string;
}

function flow(
  app: RequestListener,
  conversation: string,
  params: Record<string, string | undefined> = {},
  bot = 'bot-a',
): Promise<Response> {
  return chatlayer(app).get(
    `/v1/bots/${bot}/conversations/${conversation}/flow?${queryString({ version: 'LIVE', ...RANGE, ...params })}`,
  );
}

function messageOf(t: Transition): string {
  return t.id.slice(0, t.id.lastIndexOf(':'));
}

describe('GET /v1/bots/{bot_id}/conversations/{conversation_id}/flow', () => {
  it('derives the same bytes for the same conversation, seed and range', async () => {
    const first = await flow(chatlayerApp(), 'conv-1');
    const again = await flow(chatlayerApp(), 'conv-1');
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(first.body).toMatchObject({ bot_id: 'bot-a', conversation_id: 'conv-1' });
  });

  it('numbers depth from 0 and chains every transition from the step the previous one reached', async () => {
    const app = chatlayerApp();
    for (const conversation of ['conv-1', 'conv-2', 'conv-3', 'a-much-longer-conversation-id']) {
      const transitions = (await flow(app, conversation)).body.transitions as Transition[];
      expect(transitions.length).toBeGreaterThan(0);
      expect(transitions[0]?.from_step.type).toBe('MESSAGE');
      transitions.forEach((t, i) => {
        expect(t.depth).toBe(i);
        if (i > 0) expect(t.from_step).toEqual(transitions[i - 1]?.to_step);
      });
    }
  });

  it('keeps every timestamp inside the requested range, in time order', async () => {
    const app = chatlayerApp();
    const ranges = [
      RANGE,
      { start_time: '2025-02-10T08:00:00Z', end_time: '2025-02-10T08:00:01Z' },
      { start_time: '2025-02-28T11:59:00Z', end_time: '2025-03-05T00:00:00Z' }, // ends after now
    ];
    for (const range of ranges) {
      const transitions = (await flow(app, 'conv-4', range)).body.transitions as Transition[];
      const times = transitions.map((t) => Date.parse(t.timestamp));
      const end = Math.min(Date.parse(range.end_time), Date.parse('2025-03-01T12:00:00Z'));
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(Date.parse(range.start_time));
        expect(t).toBeLessThan(end);
      }
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('keeps the user, the path and the step ids of a conversation whatever the range or version', async () => {
    const app = chatlayerApp();
    const a = (await flow(app, 'conv-5')).body;
    const b = (
      await flow(app, 'conv-5', { version: 'DRAFT', start_time: '2024-06-01', end_time: '2024-07-01' })
    ).body;
    expect(b.user_id).toBe(a.user_id);
    const path = (body: { transitions: Transition[] }) =>
      body.transitions.map((t) => [t.id, t.from_step, t.to_step, t.depth]);
    expect(path(b)).toEqual(path(a));
    const other = (await flow(app, 'conv-6')).body;
    expect(other.user_id).not.toBe(a.user_id);
  });

  it("narrows to one message's transitions with message_id, keeping their depth", async () => {
    const app = chatlayerApp();
    const all = (await flow(app, 'conv-7')).body.transitions as Transition[];
    const messages = [...new Set(all.map(messageOf))];
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      const some = (await flow(app, 'conv-7', { message_id: message })).body.transitions as Transition[];
      expect(some).toEqual(all.filter((t) => messageOf(t) === message));
    }
  });

  it('gives no transitions for a message the conversation does not hold', async () => {
    const res = await flow(chatlayerApp(), 'conv-7', { message_id: 'not-a-message' });
    expect(res.status).toBe(200);
    expect(res.body.transitions).toEqual([]);
  });

  it.each([
    ['a range wholly after now', { start_time: '2025-03-02', end_time: '2025-03-03' }],
    ['a range before the bot existed', { start_time: '2015-01-01', end_time: '2016-01-01' }],
  ])('answers 404 NOT_FOUND for %s', async (_name, range) => {
    const res = await flow(chatlayerApp(), 'conv-8', range);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(5);
    expect(res.body.message).toContain('conv-8');
  });

  it('rejects an end_time before start_time', async () => {
    const res = await flow(chatlayerApp(), 'conv-8', { start_time: '2025-02-02', end_time: '2025-02-01' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('end_time');
  });
});
