import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { type Entry, type Series, TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const WINDOW = 'from=2025-02-03&to=2025-02-16';
const POPULARITY = `/reports/interactions.popularity?${WINDOW}`;

/** Usage in hundredths, to add percentages without float noise. */
function hundredths(entries: Entry[]): number {
  return sum(entries.map((e) => Math.round(e.usage * 100)));
}

describe('ChatBot.com interactions popularity', () => {
  it('lists story interactions, context fallbacks, one fallback and one welcome', async () => {
    const app = testApp();
    const entries = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    expect(entries.filter((e) => e.type === 'welcome').map((e) => e.name)).toEqual(['Welcome Interaction']);
    expect(entries.filter((e) => e.type === 'fallback').map((e) => e.name)).toEqual(['Fallback Interaction']);
    const ids = new Set(entries.flatMap((e) => (e.id ? [e.id] : [])));
    const contexts = entries.filter((e) => e.type === 'contextFallback');
    expect(ids.size).toBeGreaterThanOrEqual(6);
    expect(contexts.length).toBeGreaterThan(0);
    expect(contexts.every((e) => ids.has(e.parentId ?? '') && e.name === 'Fallback Interaction')).toBe(true);
    expect(new Set(entries.filter((e) => e.id).map((e) => e.name)).size).toBeGreaterThan(3);
  });

  it('sorts the entries by value, descending', async () => {
    const app = testApp();
    const entries = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    const v = entries.map((e) => e.value);
    expect(v).toEqual([...v].sort((a, b) => b - a));
  });

  it('adds the values up to the interactions in the window: a welcome per conversation and one per user message', async () => {
    const app = testApp();
    const entries = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    const conversations = await chatbotcom(app).ok<Series>(`/reports/conversations?${WINDOW}`);
    const messages = await chatbotcom(app).ok<Series>(`/reports/conversations.messages?${WINDOW}`);
    // messages = welcome + user messages + answers = conversations + 2 × user messages
    const userMessages = (messages.summary.total - conversations.summary.total) / 2;
    expect(sum(entries.map((e) => e.value))).toBe(conversations.summary.total + userMessages);
    expect(entries.find((e) => e.type === 'welcome')?.value).toBe(conversations.summary.total);
  });

  it('adds the usages up to exactly 100, each the rounded share of the total', async () => {
    const app = testApp();
    const entries = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    const total = sum(entries.map((e) => e.value));
    expect(hundredths(entries)).toBe(10_000);
    for (const e of entries) expect(Math.abs(e.usage - (e.value / total) * 100)).toBeLessThan(0.01 + 1e-9);
  });

  it('answers usage 0 everywhere when the window holds no interactions', async () => {
    const app = testApp();
    const entries = await chatbotcom(app).ok<Entry[]>(
      '/reports/interactions.popularity?from=2010-01-01&to=2010-02-01',
    );
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.every((e) => e.value === 0 && e.usage === 0)).toBe(true);
  });

  it("narrows to one story's interactions, whose values add up to that story's interactions", async () => {
    const app = testApp();
    const stories = await chatbotcom(app).ok<Series>(`/reports/conversations?${WINDOW}&group=storyId`);
    const storyId = stories.groups?.[0]?.group ?? '';
    const all = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    const one = await chatbotcom(app).ok<Entry[]>(`${POPULARITY}&storyId=${storyId}`);
    const messages = await chatbotcom(app).ok<Series>(
      `/reports/conversations.messages?${WINDOW}&storyId=${storyId}`,
    );
    const conversations = stories.groups?.[0]?.summary.total ?? 0;
    expect(sum(one.map((e) => e.value))).toBe(conversations + (messages.summary.total - conversations) / 2);
    expect(hundredths(one)).toBe(10_000);
    const allIds = new Set(all.map((e) => e.id));
    const oneIds = one.flatMap((e) => (e.id ? [e.id] : []));
    expect(oneIds.every((id) => allIds.has(id))).toBe(true);
    expect(oneIds.length).toBeLessThan(allIds.size - 1);
  });

  it('gives the same value for a window as for its two halves added up', async () => {
    const app = testApp();
    const whole = await chatbotcom(app).ok<Entry[]>(POPULARITY);
    const first = await chatbotcom(app).ok<Entry[]>(
      '/reports/interactions.popularity?from=2025-02-03&to=2025-02-09',
    );
    const second = await chatbotcom(app).ok<Entry[]>(
      '/reports/interactions.popularity?from=2025-02-10&to=2025-02-16',
    );
    const key = (e: Entry) => `${e.id ?? ''}|${e.parentId ?? ''}|${e.type ?? ''}`;
    const added = new Map<string, number>();
    for (const e of [...first, ...second]) added.set(key(e), (added.get(key(e)) ?? 0) + e.value);
    expect(new Map(whole.map((e) => [key(e), e.value]))).toEqual(added);
  });

  it('keeps the same interaction ids and names from request to request', async () => {
    const a = await chatbotcom(testApp()).ok<Entry[]>(POPULARITY);
    const b = await chatbotcom(testApp()).ok<Entry[]>('/reports/interactions.popularity?period=today');
    const names = (entries: Entry[]) => new Map(entries.filter((e) => e.id).map((e) => [e.id, e.name]));
    expect(names(b)).toEqual(names(a));
  });
});
