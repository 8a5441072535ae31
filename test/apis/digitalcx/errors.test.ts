import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

describe('DigitalCX documented errors and limits', () => {
  it('answers 400 "End date cannot be earlier than start date." verbatim', async () => {
    const res = await digitalcx(testApp()).get(
      interactionsPath({ startDate: '2025-02-28T10:00:00Z', endDate: '2025-02-28T09:59:59.999Z' }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toBe('End date cannot be earlier than start date.');
  });

  it('answers the documented "does not exist" 400 for the magic customer key, keys substituted', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY, 'unknown', 'shop'));
    expect(res.status).toBe(400);
    expect(res.text).toBe('Customer key unknown with project shop does not exist.');
  });

  it('allows a window of exactly one day', async () => {
    const res = await digitalcx(testApp()).get(
      interactionsPath({ startDate: '2025-02-27T06:00:00Z', endDate: '2025-02-28T06:00:00Z' }),
    );
    expect(res.status).toBe(200);
  });

  it('refuses a window one millisecond longer than a day, naming the limit', async () => {
    const res = await digitalcx(testApp()).get(
      interactionsPath({ startDate: '2025-02-27T06:00:00Z', endDate: '2025-02-28T06:00:00.001Z' }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/more than one day's worth of data.*the limit is 1 day/);
  });

  it('allows a start exactly 90 days before now and refuses one millisecond earlier', async () => {
    const mock = testApp();
    const now = '2025-06-01T12:00:00.000Z';
    const limit = '2025-03-03T12:00:00.000Z';
    const atLimit = await digitalcx(mock).get(
      interactionsPath({ startDate: limit, endDate: '2025-03-04T00:00:00Z' }),
      {
        headers: {
          'X-Mock-Now': now,
        },
      },
    );
    expect(atLimit.status).toBe(200);
    const before = await digitalcx(mock).get(
      interactionsPath({ startDate: '2025-03-03T11:59:59.999Z', endDate: '2025-03-04T00:00:00Z' }),
      {
        headers: {
          'X-Mock-Now': now,
        },
      },
    );
    expect(before.status).toBe(400);
    expect(before.text).toMatch(/more than 90 days back.*2025-03-03T12:00:00.000Z/);
  });

  it('refuses any date before 2024-12-15 and allows that day itself', async () => {
    const mock = testApp();
    const headers = { 'X-Mock-Now': '2025-01-10T00:00:00Z' };
    const before = await digitalcx(mock).get(
      interactionsPath({ startDate: '2024-12-14T23:59:59.999Z', endDate: '2024-12-15T12:00:00Z' }),
      { headers },
    );
    expect(before.status).toBe(400);
    expect(before.text).toMatch(/prior to December 15th 2024/);
    const first = await digitalcx(mock).get(
      interactionsPath({ startDate: '2024-12-15', endDate: '2024-12-16' }),
      { headers },
    );
    expect(first.status).toBe(200);
  });

  it.each([
    [{ endDate: DAY.endDate }, "Missing required query parameter 'startDate'."],
    [{ startDate: DAY.startDate }, "Missing required query parameter 'endDate'."],
    [
      { ...DAY, startDate: 'yesterday' },
      "Invalid query parameter 'startDate': 'yesterday' must be an ISO 8601 date or timestamp",
    ],
    [{ ...DAY, startDate: '2025-02-30' }, "Invalid query parameter 'startDate': '2025-02-30' is not a date"],
    [
      { ...DAY, sessionMode: 'public' },
      "Invalid query parameter 'sessionMode': 'public' must be one of Public, Internal, Test, Monitor.",
    ],
    [
      { ...DAY, environment: 'Prod' },
      "Invalid query parameter 'environment': 'Prod' must be one of Production, Staging.",
    ],
    [{ ...DAY, paginateData: 'yes' }, "Invalid query parameter 'paginateData': 'yes' must be a boolean."],
    [
      { ...DAY, interactionTypes: 2048 },
      "Invalid query parameter 'interactionTypes': '2048' must be a sum of interaction-type flags",
    ],
    [
      { ...DAY, mainInteractionType: 'QA' },
      "Invalid query parameter 'mainInteractionType': 'QA' must be a sum of interaction-type flags",
    ],
  ])('answers 400 naming the parameter for %j', async (query, message) => {
    const res = await digitalcx(testApp()).get(interactionsPath(query));
    expect(res.status).toBe(400);
    expect(res.text.startsWith(message)).toBe(true);
  });

  it.each([
    ['no Authorization header', undefined, /send Authorization: Bearer/],
    ['a Basic header', 'Basic dXNlcjpwYXNz', /must be "Bearer <token>"/],
    ['the magic expired token', 'Bearer expired', /expired/],
  ])('answers 401 for %s', async (_, header, message) => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY), {
      headers: header === undefined ? { Authorization: '' } : { Authorization: header },
    });
    expect(res.status).toBe(401);
    expect(res.text).toMatch(message);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 403 with an empty body for the magic forbidden token', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY), {
      headers: { Authorization: 'Bearer forbidden' },
    });
    expect(res.status).toBe(403);
    expect(res.text).toBe('');
  });

  it('answers 500 "Something went wrong" on demand with Prefer: code=500', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY), { headers: { Prefer: 'code=500' } });
    expect(res.status).toBe(500);
    expect(res.text).toBe('Something went wrong');
  });

  it('refuses Prefer: code= for a status the operation does not document, listing the documented ones', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY), { headers: { Prefer: 'code=418' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /code=418 is not a documented response of getInteractions; documented: 200, 204, 400/,
    );
  });

  it('refuses a malformed X-Mock-Seed with a 400 naming the header', async () => {
    const res = await digitalcx(testApp()).get(interactionsPath(DAY), { headers: { 'X-Mock-Seed': '-1' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/X-Mock-Seed.*whole number from 0 to 4294967295/);
  });
});
