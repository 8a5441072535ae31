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
  /** Path and query under our server, with the `/<api>` prefix. */
  url: string;
  headers: Record<string, string>;
  /** Measure this page instead of the first: earlier pages are walked for its continuation token. */
  page?: number;
  /** A scenario the request needs (sent as `X-Mock-Scenario`): a default day has fewer than 10 pages. */
  scenario?: string;
}

/** The scenario whose world is busy enough for deep pages and big CSV days. */
export const HIGH_VOLUME = 'high-volume';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

const DIGITALCX_DAY =
  '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z';

/** The representative endpoints named by the performance issue, in table order. */
export const ENDPOINTS: readonly BenchEndpoint[] = [
  {
    api: 'chatbotcom',
    name: 'ChatBot.com month by day',
    method: 'GET',
    url: '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
    headers: bearer('bench'),
  },
  {
    api: 'chatlayer',
    name: 'Chatlayer week by hour, by channel',
    method: 'GET',
    url: '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type',
    headers: basic('bench', 's3cret'),
  },
  {
    api: 'digitalcx',
    name: 'DigitalCX day as CSV',
    method: 'GET',
    url: DIGITALCX_DAY,
    headers: bearer('bench'),
  },
  {
    api: 'digitalcx',
    name: 'DigitalCX day, 10th page',
    method: 'GET',
    url: `${DIGITALCX_DAY}&paginateData=true`,
    headers: bearer('bench'),
    page: 10,
    scenario: HIGH_VOLUME,
  },
  {
    api: 'logicdialog',
    name: 'Logicdialog quarter by day',
    method: 'GET',
    url: '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    headers: bearer('pk_s3cret'),
  },
  {
    api: 'generalbots',
    name: 'General Bots usage/daily, 30 days',
    method: 'GET',
    url: '/generalbots/api/v1/analytics/usage/daily?days=30',
    headers: bearer('bench'),
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
