/** Shared bits of the Logicdialog tests: the endpoint list, a request builder and body types. */
import type { RequestListener } from 'node:http';
import request, { type Response } from 'supertest';
import type { Scenario } from '../../../src/core/scenario.js';
import type { TestMock } from '../../support/app.js';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

/** A fresh app (seed 1, the suite's clock) serving only this API: the others' validators are not built. */
export function freshApp(scenarios: readonly Scenario[] = []): TestMock {
  return testApp({ apis: ['logicdialog'] }, scenarios);
}

/** The sixteen endpoints, after `/api/agent/analytics/`. */
export const ENDPOINTS = [
  'user',
  'nlp',
  'message',
  'active-channel',
  'message-groups',
  'sentiment',
  'events',
  'user/detail',
  'response',
  'urlTracking',
  'blocks',
  'intervention',
  'intervention/average-time-by-agent-series',
  'intervention-detail',
  'intervention/average-time',
  'active-user-language',
] as const;

/** A point, a series and a slice as the API returns them. */
export interface Point {
  date: string;
  value: number;
}
export interface Series {
  key: string;
  label: string;
  data: Point[];
  total: number;
}
export interface Slice {
  key: string;
  label: string;
  value: number;
  share: number;
}

/** The URL of an endpoint with a query. */
export function urlOf(endpoint: string, query: Record<string, string>): string {
  return `/logicdialog/api/agent/analytics/${endpoint}?${new URLSearchParams(query).toString()}`;
}

/** GETs an endpoint with a valid key (unless headers replace it), validated against the spec. */
export function get(
  app: RequestListener,
  endpoint: string,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send(
    request(app)
      .get(urlOf(endpoint, query))
      .set({ Authorization: 'Bearer pk_secret', ...headers }),
  );
}

/** GETs an endpoint and returns its 200 body, failing on any other status. */
export async function body<T = Record<string, unknown>>(
  app: RequestListener,
  endpoint: string,
  query: Record<string, string>,
): Promise<T> {
  const res = await get(app, endpoint, query);
  if (res.status !== 200) throw new Error(`${endpoint} answered ${res.status}: ${res.text}`);
  return res.body as T;
}

/** The sum of some numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Shares in hundredths, so that their sum can be compared exactly. */
export function hundredths(slices: readonly Slice[]): number {
  return sum(slices.map((s) => Math.round(s.share * 100)));
}
