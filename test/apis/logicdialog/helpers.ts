/** Shared bits of the Logicdialog tests: a fresh app, the endpoint list, a URL builder and body types. */
import type { Scenario } from '../../../src/core/scenario.js';
import type { TestMock } from '../../support/app.js';
import { testApp } from '../../support/app.js';
import { sum } from '../../support/numbers.js';

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

/** Shares in hundredths, so that their sum can be compared exactly. */
export function hundredths(slices: readonly Slice[]): number {
  return sum(slices.map((s) => Math.round(s.share * 100)));
}
