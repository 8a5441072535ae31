import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  decodeReportId,
  encodeReportId,
  type ReportRequest,
} from '../../../src/apis/generalbots/report-id.js';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';
import { BASE, data, expectError, generalbots, TOKEN } from './envelope.js';

const REQUEST: ReportRequest = {
  type: 'engagement',
  format: 'pdf',
  start: Date.parse('2025-01-01T00:00:00Z'),
  end: Date.parse('2025-02-01T00:00:00Z'),
  createdAt: Date.parse('2025-03-01T12:00:00Z'),
};

type Report = { id: string; created_at: string; summary: Record<string, number | null> };

/** Flips one character of an id to another base64url character. */
function tamper(id: string, at: number): string {
  const c = id[at] === 'A' ? 'B' : 'A';
  return `${id.slice(0, at)}${c}${id.slice(at + 1)}`;
}

describe('General Bots reports', () => {
  it('encodes a report request into an id and decodes it back, for the same seed and account only', () => {
    const id = encodeReportId(1, 'account-a', REQUEST);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,200}$/);
    expect(decodeReportId(1, 'account-a', id)).toEqual(REQUEST);
    expect(decodeReportId(2, 'account-a', id)).toBeUndefined();
    expect(decodeReportId(1, 'account-b', id)).toBeUndefined();
  });

  it('refuses every id with one character changed', () => {
    const id = encodeReportId(1, 'account-a', REQUEST);
    for (let at = 0; at < id.length; at++)
      expect(decodeReportId(1, 'account-a', tamper(id, at)), `at ${at}`).toBe(undefined);
  });

  it('creates a completed report with the example body, and reads it back on another app instance', async () => {
    const created = await generalbots(testApp()).post('/reports', {
      type: 'engagement',
      start_date: '2025-01-01',
      end_date: '2025-01-31',
      format: 'pdf',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      type: 'engagement',
      start_date: '2025-01-01T00:00:00.000Z',
      end_date: '2025-02-01T00:00:00.000Z',
      format: 'pdf',
      status: 'completed',
      created_at: '2025-03-01T12:00:00.000Z',
      download_url: null,
    });
    const elsewhere = await generalbots(testApp()).get(`/reports/${created.body.data.id}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toEqual(created.body);
  });

  it('gives the same id to the same request at the same clock, and another id at another clock', async () => {
    const app = testApp();
    const a = await generalbots(app).post('/reports', { type: 'usage' });
    const b = await generalbots(app).post('/reports', { type: 'usage' });
    const c = await generalbots(app).post(
      '/reports',
      { type: 'usage' },
      { headers: { 'X-Mock-Now': '2025-03-01T12:00:01Z' } },
    );
    expect(b.body.data.id).toBe(a.body.data.id);
    expect(c.body.data.id).not.toBe(a.body.data.id);
    expect(a.body.data.format).toBe('json');
  });

  it('computes a report summary from the same world as the endpoints', async () => {
    const app = testApp();
    const window = { start_date: '2025-02-01', end_date: '2025-02-14' };
    const report = await generalbots(app).post('/reports', { type: 'custom', ...window });
    const usage = await data(app, `/usage?start_date=${window.start_date}&end_date=${window.end_date}`);
    const conversations = await data(app, `/conversations?start_date=2025-02-01&end_date=2025-02-14`);
    const satisfaction = await data(
      app,
      `/engagement/satisfaction?start_date=2025-02-01&end_date=2025-02-14`,
    );
    expect(report.body.data.summary).toMatchObject({
      total_conversations: usage.total_conversations,
      active_users: usage.active_users,
      avg_duration_seconds: conversations.avg_duration_seconds,
      resolution_rate: conversations.resolution_rate,
      average_score: satisfaction.average_score,
    });
  });

  it('counts a report only up to its creation: a window in the future has zero figures', async () => {
    const app = testApp();
    const report = await generalbots(app).post('/reports', {
      type: 'usage',
      start_date: '2025-06-01',
      end_date: '2025-06-30',
    });
    expect(report.body.data.summary).toEqual({
      total_conversations: 0,
      total_messages: 0,
      active_users: 0,
      new_users: 0,
    });
    expect(report.body.data.end_date).toBe('2025-07-01T00:00:00.000Z');
  });

  it('lists the seeded weekly reports plus those created here, newest first, each readable by id', async () => {
    const app = testApp();
    const before = await data<{ reports: Report[]; total: number }>(app, '/reports');
    expect(before.total).toBe(before.reports.length);
    expect(before.total).toBeGreaterThanOrEqual(12);
    const created = await generalbots(app).post('/reports', { type: 'satisfaction', format: 'csv' });
    const after = await data<{ reports: Report[]; total: number }>(app, '/reports');
    expect(after.total).toBe(before.total + 1);
    expect(after.reports[0]?.id).toBe(created.body.data.id);
    const times = after.reports.map((r) => r.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    for (const report of before.reports.slice(0, 3)) {
      const one = await generalbots(app).get(`/reports/${report.id}`);
      expect(one.body.data).toEqual(report);
    }
    // Another instance keeps its own list, but the seeded set is the same.
    const fresh = await data<{ reports: Report[] }>(testApp(), '/reports');
    expect(fresh.reports).toEqual(before.reports);
  });

  it('answers 404 for a tampered id, an id of another token and an id of another seed', async () => {
    const app = testApp();
    const { id } = (await generalbots(app).post('/reports', { type: 'usage' })).body.data as Report;
    expectError(await generalbots(app).get(`/reports/${tamper(id, 5)}`), 404);
    expectError(
      await generalbots(app).get(`/reports/${id}`, { headers: { Authorization: 'Bearer someone-else' } }),
      404,
    );
    expectError(await generalbots(app).get(`/reports/${id}`, { headers: { 'X-Mock-Seed': '2' } }), 404);
    expectError(await generalbots(app).get('/reports/abc123'), 404);
  });

  it('answers 400 for an id with characters outside base64url', async () => {
    const app = testApp();
    expectError(await generalbots(app).get('/reports/not.an.id'), 400);
  });

  it.each([
    [{ format: 'pdf' }, "Invalid request body: is missing the required field 'type'."],
    [
      { type: 'weekly' },
      'Invalid request body: must be one of usage, conversations, engagement, satisfaction, custom at /type.',
    ],
    [{ type: 'usage', format: 'docx' }, 'Invalid request body: must be one of pdf, csv, json at /format.'],
    [{ type: 'usage', start_date: 20250101 }, 'Invalid request body: must be a string at /start_date.'],
    [{ type: 'usage', owner: 'me' }, "Invalid request body: has an unknown field 'owner'."],
    [[{ type: 'usage' }], 'Invalid request body: must be an object.'],
  ])('answers 400 invalid_body for the body %j', async (body, message) => {
    const res = await generalbots(testApp()).post('/reports', body);
    expectError(res, 400);
    expect(res.body.error).toBe(message);
  });

  it('answers 400 for an end_date before start_date and for a window over 3650 days', async () => {
    const app = testApp();
    const backwards = await generalbots(app).post('/reports', {
      type: 'usage',
      start_date: '2025-02-01',
      end_date: '2025-01-01',
    });
    expectError(backwards, 400);
    expect(backwards.body.error).toBe(
      "Invalid end_date: '2025-01-01' must be after start_date '2025-02-01'.",
    );
    const long = await generalbots(app).post('/reports', {
      type: 'usage',
      start_date: '1990-01-01',
      end_date: '2025-01-01',
    });
    expectError(long, 400);
  });

  it('answers 400 for a body that is not JSON, 413 over 100 KB and 415 for another content type', async () => {
    const app = testApp();
    const post = () => request(app).post(`${BASE}/reports`).set('Authorization', `Bearer ${TOKEN}`);
    expectError(await send(post().set('Content-Type', 'application/json').send('{"type":')), 400);
    const big = JSON.stringify({ type: 'usage', padding: 'x'.repeat(110_000) });
    expectError(await send(post().set('Content-Type', 'application/json').send(big)), 413);
    const form = await send(
      post().set('Content-Type', 'application/x-www-form-urlencoded').send('type=usage'),
    );
    expectError(form, 415);
    expect(form.body.error).toBe(
      "Unsupported content type 'application/x-www-form-urlencoded'; send application/json.",
    );
    expectError(await send(post()), 400);
  });
});
