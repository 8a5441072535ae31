/**
 * Under the real clock the response cache serves an answer again only while its generator said it
 * holds (core/request-clock.ts). Property: for requests whose answers depend on the clock in every
 * way the APIs know — the hour in progress completing, a day or a month ending, the 90-day limit
 * moving, a window growing past an auto-dimension length, a window or realtime figure showing now —
 * an answer made at a random instant near the boundary and asked again at a later random instant
 * near it is, byte for byte, what a server without a cache answers at that later instant.
 */
import fc from 'fast-check';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatbotcom } from '../../../src/apis/chatbotcom/index.js';
import { MS_DAY, MS_HOUR } from '../../../src/core/time.js';
import { testApp } from '../../support/app.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const bearer = { authorization: 'Bearer validity' };
const basic = { authorization: `Basic ${Buffer.from('validity:s3cret').toString('base64')}` };
const logicdialog = { authorization: 'Bearer pk_validity' };
const at = Date.parse;

/** A request and the instant around which its answer changes. */
interface Case {
  boundary: string;
  url: string;
  headers: Record<string, string>;
}

const CASES: Record<string, Case> = {
  'Chatlayer hours, when the hour in progress completes': {
    boundary: '2025-03-01T13:00:00Z',
    url: '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-28T00:00:00Z&end_time=2025-03-02T00:00:00Z&bucket=1h&group_by=channel_type',
    headers: basic,
  },
  'Chatlayer intents, when the hour in progress completes': {
    boundary: '2025-03-01T13:00:00Z',
    url: '/chatlayer/v1/bots/bot-1/intents?version=LIVE&start_time=2025-02-01T00:00:00Z&end_time=2025-03-02T00:00:00Z&first=5',
    headers: basic,
  },
  'Logicdialog hours, when the hour in progress completes': {
    boundary: '2025-03-01T13:00:00Z',
    url: '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2025-02-28T00:00:00Z&dateTo=2025-03-02T00:00:00Z&resolution=hour',
    headers: logicdialog,
  },
  'Logicdialog days, when the day ends': {
    boundary: '2025-03-02T00:00:00Z',
    url: '/logicdialog/api/agent/analytics/user?client=acme&dateFrom=2025-02-01T00:00:00Z&dateTo=2025-03-05T00:00:00Z&resolution=day',
    headers: logicdialog,
  },
  'ChatBot.com today, when the next hour begins': {
    boundary: '2025-03-01T13:00:00Z',
    url: '/chatbotcom/reports/conversations?period=today&dimension=hour',
    headers: bearer,
  },
  'ChatBot.com last 7 days, when the day ends (the period moves)': {
    boundary: '2025-03-02T00:00:00Z',
    url: '/chatbotcom/reports/conversations.messages?period=last7days',
    headers: bearer,
  },
  'ChatBot.com this month, when the month ends': {
    boundary: '2025-04-01T00:00:00Z',
    url: '/chatbotcom/reports/conversations?period=thisMonth&group=source',
    headers: bearer,
  },
  'ChatBot.com from a date to now, when it grows past 2 days (auto dimension)': {
    boundary: '2025-03-03T10:30:00Z',
    url: '/chatbotcom/reports/conversations.average?from=2025-03-01T10:30:00Z&dimension=auto',
    headers: bearer,
  },
  'ChatBot.com busiest period of today, when the next hour begins': {
    boundary: '2025-03-01T13:00:00Z',
    url: '/chatbotcom/reports/conversations.busiestPeriod?period=today',
    headers: bearer,
  },
  'DigitalCX, when the start falls more than 90 days back': {
    boundary: '2025-04-01T00:00:00Z',
    url: '/digitalcx/acme/projects/shop/interactions?startDate=2025-01-01T00:00:00Z&endDate=2025-01-01T06:00:00Z',
    headers: bearer,
  },
  'DigitalCX, a window reaching past now': {
    boundary: '2025-03-01T12:30:00Z',
    url: '/digitalcx/acme/projects/shop/interactions?startDate=2025-03-01T12:00:00Z&endDate=2025-03-01T13:00:00Z',
    headers: { ...bearer, accept: 'application/json' },
  },
  'General Bots last 7 days, when the day ends': {
    boundary: '2025-03-02T00:00:00Z',
    url: '/generalbots/api/v1/analytics/usage/daily?days=7',
    headers: bearer,
  },
  'General Bots realtime figures, when the minute turns': {
    boundary: '2025-03-01T12:31:00Z',
    url: '/generalbots/api/v1/analytics/realtime',
    headers: bearer,
  },
};

/** An offset from a boundary: the boundary itself, a millisecond either side, or anywhere within two hours. */
const offset = fc.oneof(
  fc.constantFrom(-1, 0, 1),
  fc.integer({ min: -2 * MS_HOUR, max: 2 * MS_HOUR }),
  fc.integer({ min: -2 * MS_DAY, max: 2 * MS_DAY }),
);

/** What a client sees of an answer, but the Date and X-Mock-Now headers (they are the request's own). */
function seen(res: request.Response) {
  return { status: res.status, type: res.headers['content-type'], body: res.text };
}

describe('answers reused under the real clock', () => {
  const fresh = testApp({ now: undefined, responseCacheBytes: 0 });

  it.each(Object.entries(CASES))('%s: a held answer is always the fresh one', async (_, c) => {
    const clock = vi.spyOn(Date, 'now');
    const boundary = at(c.boundary);
    await fc.assert(
      fc.asyncProperty(offset, offset, async (a, b) => {
        const cached = testApp({ now: undefined });
        const ask = async (app: typeof fresh, now: number) => {
          clock.mockReturnValue(now);
          return seen(await request(app).get(c.url).set(c.headers));
        };
        const [t0, t1] = [boundary + Math.min(a, b), boundary + Math.max(a, b)];
        const made = await ask(cached, t0);
        expect(made).toEqual(await ask(fresh, t0));
        expect(await ask(cached, t1)).toEqual(await ask(fresh, t1));
      }),
      // The instants that matter most come first: made at or just before the boundary, asked just after.
      {
        seed: 19,
        numRuns: 30,
        examples: [
          [-1, 1],
          [0, 1],
          [-1, 0],
          [0, 0],
        ],
      },
    );
  });

  it('reuses an answer between its boundaries: the same hour of a window that grows', async () => {
    const clock = vi.spyOn(Date, 'now');
    const runs = vi.spyOn(chatbotcom.handlers as Record<string, () => unknown>, 'getConversationsReport');
    const cached = testApp({ now: undefined });
    const today = CASES['ChatBot.com today, when the next hour begins'] as Case;
    for (const iso of ['2025-03-01T12:00:00.001Z', '2025-03-01T12:30:00Z', '2025-03-01T13:00:00Z']) {
      clock.mockReturnValue(at(iso));
      await request(cached).get(today.url).set(today.headers).expect(200);
    }
    expect(runs).toHaveBeenCalledTimes(1);
  });
});
