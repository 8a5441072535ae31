import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

// Every account is created during 2022, so from 2022 up to a now in 2035 holds at least 12 years
// (more than 100000 hours), and up to a now in 2033 at most 11 years (fewer).
const WINDOW = 'from=2022-01-01&to=2100-01-01';
const OVER = { 'X-Mock-Now': '2035-01-01T00:00:00Z' };
const UNDER = { 'X-Mock-Now': '2033-01-01T00:00:00Z' };
const POPULARITY = `/reports/interactions.popularity?${WINDOW}`;
const BUSIEST = `/reports/conversations.busiestPeriod?${WINDOW}`;

describe('ChatBot.com hour budget', () => {
  it.each([
    ['popularity', POPULARITY],
    ['busiest period', BUSIEST],
    ['a yearly series', `/reports/conversations?${WINDOW}&dimension=year`],
  ])('refuses %s over more than 100000 live hours with a 400 in the vendor shape', async (_name, path) => {
    const app = testApp();
    const res = await chatbotcom(app).get(path, { headers: OVER });
    expect(res.status).toBe(400);
    expect(res.body.status).toMatchObject({ code: 400, type: 'error' });
    expect(res.body.status.message).toMatch(
      /^The window from 2022-01-01T00:00:00.000Z to 2100-01-02T00:00:00.000Z holds 1\d{5} hours .*at most 100000 hours are computed per request: narrow the window\.$/,
    );
  });

  it.each([
    ['popularity', POPULARITY],
    ['busiest period', BUSIEST],
  ])('serves %s over just under 100000 live hours', async (_name, path) => {
    const app = testApp();
    expect((await chatbotcom(app).get(path, { headers: UNDER })).status).toBe(200);
  });
});
