/**
 * The caches of derived data (day and window sums, accounts, workspaces, hours of rows…) never
 * change an answer: a process whose caches were warmed by overlapping requests, in another order,
 * answers byte for byte what a fresh process answers.
 */
import { spawn } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { NOW, testApp } from '../../support/app.js';
import { terminate, waitForOutput } from '../../support/child-process.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const basic = { Authorization: `Basic ${Buffer.from('id:s3cret').toString('base64')}` };
const DCX = '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z';

/** Requests whose answers are compared; each API, several windows, groups, filters and scenarios. */
const CHECKED: [string, Record<string, string>][] = [
  ['/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day', bearer('acct')],
  ['/chatbotcom/reports/conversations.messages?period=last30days&group=source', bearer('acct')],
  ['/chatbotcom/reports/conversations.average?period=last3Months&group=storyId', bearer('acct')],
  [
    '/chatbotcom/reports/conversations.paid?from=2025-02-10T05:00:00Z&to=2025-03-01&dimension=hour',
    bearer('b'),
  ],
  [
    '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type',
    basic,
  ],
  [
    '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2024-12-01T00:00:00Z&end_time=2025-03-01T12:00:00Z&bucket=1d',
    basic,
  ],
  [
    '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    bearer('pk_x'),
  ],
  [
    '/logicdialog/api/agent/analytics/user/detail?client=acme&dateFrom=2025-01-15&dateTo=2025-03-01T09:00:00Z&resolution=week',
    bearer('pk_x'),
  ],
  ['/generalbots/api/v1/analytics/usage/daily?days=30', bearer('gb')],
  ['/generalbots/api/v1/analytics/conversations/duration?days=14&group_by=day', bearer('gb')],
  [
    '/generalbots/api/v1/analytics/usage/daily?days=30&user_id=0d2b5e8f-7b4d-4e8a-9c61-3f1c2a9e4a17',
    bearer('gb'),
  ],
  [`${DCX}&endDate=2025-03-01T00:00:00Z`, bearer('x')],
  [`${DCX}&endDate=2025-02-28T18:00:00Z&paginateData=true`, { ...bearer('x'), Accept: 'application/json' }],
];

/** Requests that warm the caches first: overlapping windows, other groupings, the same tenants. */
const WARMING: [string, Record<string, string>][] = [
  ['/chatbotcom/reports/conversations?period=last7days', bearer('acct')],
  // Same tenant and width as a checked series, another metric or filter: must not be mistaken for it.
  ['/chatbotcom/reports/conversations.paid?from=2025-02-01&to=2025-03-01&dimension=day', bearer('acct')],
  [
    '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day&source=widget',
    bearer('acct'),
  ],
  ['/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day', bearer('acct2')],
  [
    '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
    { ...bearer('acct'), 'X-Mock-Scenario': 'high-volume' },
  ],
  ['/chatbotcom/reports/conversations.messages?period=last7days&group=source', bearer('acct')],
  ['/chatbotcom/reports/conversations.average?period=last30days&group=storyId', bearer('acct')],
  [
    '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-25T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1h&group_by=channel_type',
    basic,
  ],
  [
    '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2025-02-01&dateTo=2025-03-01&resolution=week',
    bearer('pk_x'),
  ],
  // Other counts of the same workspace, and the same count of another workspace or scenario.
  [
    '/logicdialog/api/agent/analytics/user?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    bearer('pk_x'),
  ],
  [
    '/logicdialog/api/agent/analytics/intervention?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    bearer('pk_x'),
  ],
  [
    '/logicdialog/api/agent/analytics/message?client=acme2&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    bearer('pk_x'),
  ],
  [
    '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    { ...bearer('pk_x'), 'X-Mock-Scenario': 'high-volume' },
  ],
  ['/generalbots/api/v1/analytics/usage/daily?days=7', bearer('gb')],
  // The same figures of a bot and of a user of the account, and of another account.
  [
    '/generalbots/api/v1/analytics/usage/daily?days=30&bot_id=3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17',
    bearer('gb'),
  ],
  [
    '/generalbots/api/v1/analytics/usage/daily?days=30&user_id=0d2b5e8f-7b4d-4e8a-9c61-3f1c2a9e4a17',
    bearer('gb'),
  ],
  ['/generalbots/api/v1/analytics/usage/daily?days=30', bearer('gb2')],
  ['/generalbots/api/v1/analytics/conversations/volume?days=14&group_by=day', bearer('gb')],
  [`${DCX}&endDate=2025-02-28T06:00:00Z`, bearer('x')],
];

let cold: { url: string; stop: () => Promise<unknown> };

beforeAll(async () => {
  const child = spawn(
    process.execPath,
    [
      packagePath('dist', 'server', 'cli', 'cli.js'),
      ...['--port', '0', '--host', '127.0.0.1', '--now', NOW, '--log-level', 'silent'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const banner = await waitForOutput(child, /listening on http:\/\/\S+/);
  cold = { url: /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? '', stop: () => terminate(child) };
});

afterAll(async () => {
  await cold?.stop();
});

it('answers from warm caches byte for byte what a fresh process answers', async () => {
  const fresh: string[] = [];
  for (const [url, headers] of CHECKED) {
    const res = await fetch(`${cold.url}${url}`, { headers });
    fresh.push(`${res.status} ${res.headers.get('continuationtoken') ?? ''} ${await res.text()}`);
  }
  const app = testApp();
  for (const [url, headers] of WARMING) await request(app).get(url).set(headers);
  const warm: string[] = [];
  for (const [url, headers] of [...CHECKED].reverse()) {
    const res = await request(app)
      .get(url)
      .set(headers)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        r.on('end', () => done(null, text));
      });
    warm.unshift(`${res.status} ${res.headers.continuationtoken ?? ''} ${res.body as string}`);
  }
  expect(fresh.every((answer) => answer.startsWith('200 '))).toBe(true);
  expect(warm).toEqual(fresh);
});
