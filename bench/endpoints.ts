/** The endpoints the benchmark measures: one representative request per API, as a table. */

/** The pinned clock of every run, so that runs are comparable. */
export const BENCH_NOW = '2025-03-01T12:00:00Z';

/** One endpoint under test. */
export interface BenchEndpoint {
  /** The API (URL prefix) that serves it; a row is `n/a` when the server does not mount it. */
  api: string;
  /** What the request asks, for people. */
  name: string;
  method: 'GET';
  /** What the answer is: the real-clock target is stated on the JSON endpoints. */
  body: 'json' | 'csv';
  /** Path and query under our server, with the `/<api>` prefix. */
  url: string;
  headers: Record<string, string>;
  /** Measure this page instead of the first: earlier pages are walked for its continuation token. */
  page?: number;
  /** A scenario the request needs (sent as `X-Mock-Scenario`): a default day has fewer than 10 pages. */
  scenario?: string;
  /**
   * The same request for a server on the real clock: the same kind of window, ending at the start
   * of the current UTC day, so that it lies in the recent past (within DigitalCX's 90 days) and is
   * complete. `now` is the real clock in ms.
   */
  realClockUrl(now: number): string;
}

/** The scenario whose world is busy enough for deep pages and big CSV days. */
export const HIGH_VOLUME = 'high-volume';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

const DAY_MS = 86_400_000;

/** The window of `days` days that ends at the start of `now`'s UTC day, as ISO instants. */
export function recentDays(now: number, days: number): { start: string; end: string } {
  const end = Math.floor(now / DAY_MS) * DAY_MS;
  return { start: new Date(end - days * DAY_MS).toISOString(), end: new Date(end).toISOString() };
}

const isoSeconds = (iso: string) => iso.replace('.000Z', 'Z');
const isoDate = (iso: string) => iso.slice(0, 10);

const digitalcxDay = (start: string, end: string) =>
  `/digitalcx/acme/projects/shop/interactions?startDate=${isoSeconds(start)}&endDate=${isoSeconds(end)}`;

const DIGITALCX_DAY = digitalcxDay('2025-02-28T00:00:00Z', '2025-03-01T00:00:00Z');

function recentDigitalcxDay(now: number): string {
  const { start, end } = recentDays(now, 1);
  return digitalcxDay(start, end);
}

/** The representative endpoints named by the performance issue, in table order. */
export const ENDPOINTS: readonly BenchEndpoint[] = [
  {
    api: 'chatbotcom',
    name: 'ChatBot.com month by day',
    method: 'GET',
    body: 'json',
    url: '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
    headers: bearer('bench'),
    realClockUrl: (now) => {
      const { start, end } = recentDays(now, 28);
      return `/chatbotcom/reports/conversations?from=${isoDate(start)}&to=${isoDate(end)}&dimension=day`;
    },
  },
  {
    api: 'chatlayer',
    name: 'Chatlayer week by hour, by channel',
    method: 'GET',
    body: 'json',
    url: '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type',
    headers: basic('bench', 's3cret'),
    realClockUrl: (now) => {
      const { start, end } = recentDays(now, 7);
      return `/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=${isoSeconds(start)}&end_time=${isoSeconds(end)}&bucket=1h&group_by=channel_type`;
    },
  },
  {
    api: 'chatlayer',
    name: 'Chatlayer top intents, 4 weeks',
    method: 'GET',
    body: 'json',
    url: '/chatlayer/v1/bots/bot-1/intents?version=LIVE&start_time=2025-02-01T00:00:00Z&end_time=2025-03-01T00:00:00Z&first=10',
    headers: basic('bench', 's3cret'),
    realClockUrl: (now) => {
      const { start, end } = recentDays(now, 28);
      return `/chatlayer/v1/bots/bot-1/intents?version=LIVE&start_time=${isoSeconds(start)}&end_time=${isoSeconds(end)}&first=10`;
    },
  },
  {
    api: 'digitalcx',
    name: 'DigitalCX day as CSV',
    method: 'GET',
    body: 'csv',
    url: DIGITALCX_DAY,
    headers: bearer('bench'),
    realClockUrl: recentDigitalcxDay,
  },
  {
    api: 'digitalcx',
    name: 'DigitalCX day, 10th page',
    method: 'GET',
    body: 'csv',
    url: `${DIGITALCX_DAY}&paginateData=true`,
    headers: bearer('bench'),
    realClockUrl: (now) => `${recentDigitalcxDay(now)}&paginateData=true`,
    page: 10,
    scenario: HIGH_VOLUME,
  },
  {
    api: 'logicdialog',
    name: 'Logicdialog quarter by day',
    method: 'GET',
    body: 'json',
    url: '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    headers: bearer('pk_s3cret'),
    realClockUrl: (now) => {
      const { start, end } = recentDays(now, 90);
      return `/logicdialog/api/agent/analytics/message?client=acme&dateFrom=${isoSeconds(start)}&dateTo=${isoSeconds(end)}&resolution=day`;
    },
  },
  {
    api: 'generalbots',
    name: 'General Bots usage/daily, 30 days',
    method: 'GET',
    body: 'json',
    url: '/generalbots/api/v1/analytics/usage/daily?days=30',
    headers: bearer('bench'),
    // Already relative to the clock: the last 30 days up to now.
    realClockUrl: () => '/generalbots/api/v1/analytics/usage/daily?days=30',
  },
];

/**
 * The same request as Prism serves it. Prism ignores a relative `servers` URL (ours is `/<api>`)
 * and serves the spec's paths at its root, so the prefix is dropped.
 */
export function prismUrl(endpoint: BenchEndpoint): string {
  const prefix = `/${endpoint.api}`;
  return endpoint.url.startsWith(`${prefix}/`) ? endpoint.url.slice(prefix.length) : endpoint.url;
}
