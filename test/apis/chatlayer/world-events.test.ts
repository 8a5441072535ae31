/** Issue 16's event invariants: stateless pages walk each event once in time order; funnels; volumes; state. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { queryString } from '../../support/client.js';
import { chatlayer, chatlayerApp } from './helpers.js';

type Event = { id: string; event: string; timestamp: string; user_id: string; conversation_id: string };
type Page = { events: Event[]; next_page_token: string };

async function walk(app: ReturnType<typeof chatlayerApp>, path: string, params: Record<string, string>) {
  const all: Event[] = [];
  let token = '';
  for (let guard = 0; guard < 500; guard++) {
    const page = await chatlayer(app).ok<Page>(
      `${path}?${queryString({ ...params, ...(token ? { page_token: token } : {}) })}`,
    );
    all.push(...page.events);
    token = page.next_page_token;
    if (!token) return all;
  }
  throw new Error('too many pages');
}

function expectTimeOrderedOnce(events: readonly Event[]) {
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  for (let i = 1; i < events.length; i++)
    expect(Date.parse(events[i]?.timestamp ?? '')).toBeGreaterThanOrEqual(
      Date.parse(events[i - 1]?.timestamp ?? ''),
    );
}

describe('event streams', () => {
  const app = chatlayerApp();
  it.each([
    [
      'bot-a',
      {
        version: 'LIVE',
        start_time: '2025-02-27T00:00:00Z',
        end_time: '2025-02-28T00:00:00Z',
        page_size: '37',
      },
    ],
    ['bot-b', { version: 'DRAFT', start_time: '2025-02-20', end_time: '2025-02-27', page_size: '5' }],
    [
      'bot-c',
      {
        version: 'LIVE',
        start_time: '2025-02-28T10:30:00Z',
        end_time: '2025-03-01T12:00:00Z',
        page_size: '500',
      },
    ],
  ])('pages of %s %j walk each event once, in time order, as one big page does', async (bot, params) => {
    const paged = await walk(app, `/v1/bots/${bot}/events/stream`, params);
    expect(paged.length).toBeGreaterThan(0);
    expectTimeOrderedOnce(paged);
    for (const e of paged) {
      expect(Date.parse(e.timestamp)).toBeGreaterThanOrEqual(Date.parse(params.start_time));
      expect(Date.parse(e.timestamp)).toBeLessThan(Date.parse(params.end_time));
    }
    const whole = await walk(app, `/v1/bots/${bot}/events/stream`, { ...params, page_size: '100' });
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it('coerces page_size above 100 to 100', async () => {
    const p = { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-02-27', page_size: '1000' };
    expect(
      (await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(p)}`)).events,
    ).toHaveLength(100);
  });

  it('accepts its token in another process with the same seed, and refuses it for another query', async () => {
    const p = { version: 'LIVE', start_time: '2025-02-20', end_time: '2025-02-27', page_size: '10' };
    const first = await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(p)}`);
    const next = { ...p, page_token: first.next_page_token };
    const here = await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(next)}`);
    const elsewhere = await chatlayer(chatlayerApp()).ok<Page>(
      `/v1/bots/bot-a/events/stream?${queryString(next)}`,
    );
    expect(elsewhere).toEqual(here);
    const other = await chatlayer(app).get(
      `/v1/bots/bot-a/events/stream?${queryString({ ...next, event: 'order_placed' })}`,
    );
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('another query');
  });

  it('filters by event, user and conversation, in GET and in POST with attribute filters', async () => {
    const p = { version: 'LIVE', start_time: '2025-02-20', end_time: '2025-02-27' };
    const all = await walk(app, '/v1/bots/bot-a/events/stream', { ...p, page_size: '100' });
    const pick = all[Math.floor(all.length / 2)] as Event;
    const byEvent = await walk(app, '/v1/bots/bot-a/events/stream', {
      ...p,
      event: pick.event,
      page_size: '100',
    });
    expect(byEvent.map((e) => e.id)).toEqual(all.filter((e) => e.event === pick.event).map((e) => e.id));
    const byConversation = await walk(app, '/v1/bots/bot-a/events/stream', {
      ...p,
      conversation_id: pick.conversation_id,
    });
    expect(byConversation.map((e) => e.id)).toContain(pick.id);
    const posted = await chatlayer(app).post('/v1/bots/bot-a/events/stream', {
      ...p,
      page_size: 100,
      user_id: pick.user_id,
      filters: [{ key: 'event', operator: 'in', value: [pick.event] }],
    });
    expect(posted.status).toBe(200);
    expect(posted.body.events.map((e: Event) => e.id)).toContain(pick.id);
    const none = await chatlayer(app).post('/v1/bots/bot-a/events/stream', {
      ...p,
      filters: [{ key: 'event', operator: 'odd' }],
    });
    expect(none.body).toEqual({ events: [], next_page_token: '' });
  });

  it('lists a team’s events of all its bots in time order', async () => {
    const events = await walk(app, '/v1/teams/team-a/events', {
      start_time: '2025-02-28T00:00:00Z',
      end_time: '2025-03-01T00:00:00Z',
      page_size: '50',
    });
    expect(events.length).toBeGreaterThan(0);
    expectTimeOrderedOnce(events);
  });
});

describe('funnels and definitions', () => {
  const app = chatlayerApp();
  const window = { start_time: '2025-02-01', end_time: '2025-03-01' };

  it.each(['sequential', 'strict'])(
    'an events funnel (%s) never increases, per cohort',
    async (order_type) => {
      const defs = (
        await chatlayer(app).ok<{ event_definitions: { event: string }[] }>(
          '/v1/bots/bot-a/events/definitions',
        )
      ).event_definitions;
      const steps = [...defs, ...defs].map((d) => ({ event_id: d.event }));
      for (const breakdown_property of [undefined, 'channel_type']) {
        const res = await chatlayer(app).post('/v1/bots/bot-a/events/funnel', {
          version: 'LIVE',
          ...window,
          steps,
          order_type,
          breakdown_property,
        });
        expect(res.status).toBe(200);
        const cohorts = res.body.result as { values: { count: number }[] }[];
        expect(cohorts.length).toBeGreaterThan(0);
        for (const c of cohorts)
          for (let i = 1; i < c.values.length; i++)
            expect(c.values[i]?.count).toBeLessThanOrEqual(c.values[i - 1]?.count ?? 0);
        expect(Math.max(...cohorts.map((c) => c.values[0]?.count ?? 0))).toBeGreaterThan(0);
      }
    },
  );

  it.each(['bot-a', 'bot-b'])(
    "gives %s's definitions the stream's count over the 30 days before now",
    async (bot) => {
      const defs = (
        await chatlayer(app).ok<{
          event_definitions: { event: string; volume_30_day: number; last_seen_at: string }[];
        }>(`/v1/bots/${bot}/events/definitions`)
      ).event_definitions;
      // NOW is 2025-03-01T12:00Z: the 30 days before it.
      const month = {
        start_time: '2025-01-30T12:00:00Z',
        end_time: '2025-03-01T12:00:00Z',
        page_size: '100',
      };
      const events = [
        ...(await walk(app, `/v1/bots/${bot}/events/stream`, { ...month, version: 'LIVE' })),
        ...(await walk(app, `/v1/bots/${bot}/events/stream`, { ...month, version: 'DRAFT' })),
      ];
      for (const d of defs) {
        const mine = events.filter((e) => e.event === d.event);
        expect(d.volume_30_day, d.event).toBe(mine.length);
        expect(Date.parse(d.last_seen_at)).toBe(Math.max(...mine.map((e) => Date.parse(e.timestamp))));
      }
    },
  );

  it('answers a missing required body field with 400 naming it', async () => {
    for (const [path, body, field] of [
      ['/v1/echo', {}, 'message'],
      [
        '/v1/bots/bot-a/events/funnel',
        { version: 'LIVE', start_time: '2025-02-01', end_time: '2025-03-01' },
        'steps',
      ],
      ['/v1/bots/bot-a/flows/funnel', { version: 'LIVE', steps: [], end_time: '2025-03-01' }, 'start_time'],
      ['/v1/bots/bot-a/events/stream', { version: 'LIVE', start_time: '2025-02-01' }, 'end_time'],
    ] as const) {
      const res = await chatlayer(app).post(path, body);
      expect(res.status, path).toBe(400);
      expect(res.body.code).toBe(3);
      expect(res.body.message).toContain(`'${field}'`);
    }
  });
});

describe('what a client creates', () => {
  it('keeps tracked events, definitions and subscriptions per token, and the module’s forget (reset()) drops them', async () => {
    const app = testApp({ apis: ['chatlayer'] });
    const tracked = await chatlayer(app).post('/v1/bots/bot-a/events/track', {
      event: 'coupon_redeemed',
      user_id: 'user-1',
      timestamp: '2025-02-28T09:00:00Z',
      attributes: { coupon: 'SPRING' },
    });
    expect(tracked.status).toBe(200);
    const stream = { version: 'LIVE', start_time: '2025-02-28T09:00:00Z', end_time: '2025-02-28T09:00:01Z' };
    const seen = await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(stream)}`);
    expect(seen.events.map((e) => e.id)).toContain(tracked.body.event_id);
    const otherToken = await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(stream)}`, {
      // Another token of the same team: the Basic credential's id names the token.
      headers: { Authorization: `Basic ${Buffer.from('token-2:secret').toString('base64')}` },
    });
    expect(otherToken.events.map((e) => e.id)).not.toContain(tracked.body.event_id);

    const created = await chatlayer(app).post('/v1/bots/bot-a/events/definitions', {
      event: 'coupon_redeemed',
      description: 'A coupon',
    });
    expect(created.body.event_definition.volume_30_day).toBe(1);
    const listed = await chatlayer(app).ok<{ event_definitions: { event: string }[] }>(
      '/v1/bots/bot-a/events/definitions',
    );
    expect(listed.event_definitions.map((d) => d.event)).toContain('coupon_redeemed');

    const sub = await chatlayer(app).post('/v1/bots/bot-a/subscriptions', {
      target: 'https://example.com/hook',
      event_type: 'FLOW_EVENT',
    });
    const subs = await chatlayer(app).ok<{ subscriptions: { id: string }[] }>('/v1/bots/bot-a/subscriptions');
    expect(subs.subscriptions.map((s) => s.id)).toEqual([sub.body.subscription.id]);
    expect(
      (await chatlayer(app).post('/v1/bots/bot-a/subscriptions', { target: 'https://x', event_type: 'PING' }))
        .status,
    ).toBe(400);

    app.forget(); // what startMockServer().reset() calls
    expect(
      (await chatlayer(app).ok<Page>(`/v1/bots/bot-a/events/stream?${queryString(stream)}`)).events.map(
        (e) => e.id,
      ),
    ).not.toContain(tracked.body.event_id);
    expect(await chatlayer(app).ok('/v1/bots/bot-a/subscriptions')).toEqual({
      subscriptions: [],
      next_page_token: '',
    });
    expect(
      (await chatlayer(app).delete(`/v1/bots/bot-a/subscriptions/${sub.body.subscription.id}`)).status,
    ).toBe(404);
  });

  it('deletes a subscription once', async () => {
    const app = chatlayerApp();
    const sub = await chatlayer(app).post('/v1/bots/b/subscriptions', {
      target: 'https://x',
      event_type: 'MESSAGE_EVENT',
    });
    expect(
      (await chatlayer(app).delete(`/v1/bots/b/subscriptions/${sub.body.subscription.id}`)).body,
    ).toEqual({});
    expect((await chatlayer(app).delete(`/v1/bots/b/subscriptions/${sub.body.subscription.id}`)).status).toBe(
      404,
    );
  });
});

describe('app logs and echo', () => {
  const app = chatlayerApp();
  it('pages an app’s logs once, in time order, and filters them by text', async () => {
    const p = { start_time: '2025-02-27', end_time: '2025-02-28', page_size: '7' };
    const pages: { id: string; timestamp: string; log_message: string }[] = [];
    let token = '';
    for (let guard = 0; guard < 200; guard++) {
      const page = await chatlayer(app).ok<{ logs: typeof pages; next_page_token: string }>(
        `/v1/apps/app-1/logs/stream?${queryString({ ...p, ...(token ? { page_token: token } : {}) })}`,
      );
      pages.push(...page.logs);
      token = page.next_page_token;
      if (!token) break;
    }
    expect(pages.length).toBeGreaterThan(7);
    expect(new Set(pages.map((l) => l.id)).size).toBe(pages.length);
    const failed = await chatlayer(app).ok<{ logs: typeof pages }>(
      `/v1/apps/app-1/logs/stream?${queryString({ ...p, page_size: '100', query: 'FAILED' })}`,
    );
    for (const log of failed.logs) expect(log.log_message).toContain('failed');
  });

  it('echoes the message', async () => {
    expect((await chatlayer(app).post('/v1/echo', { message: 'ping' })).body).toEqual({ message: 'ping' });
  });
});
