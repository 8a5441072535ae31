/**
 * Pins the exact bytes of DigitalCX answers: the generator is tuned for speed, and a faster
 * generator must not change one byte of what a seed, a clock and a request give. The hashes were
 * taken from the build before the generation was optimised (issue 9); a change here is a change of
 * the data every user of the mock sees, so it needs a reason, not a new hash.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { testApp } from '../../support/app.js';
import { DAY, get, interactionsUrl } from './support.js';

const BUSY: Scenario = {
  name: 'busy-semicolons',
  description: 'ten times the traffic, semicolon-delimited, pages of 300',
  knobs: { volume: 10, csvDelimiter: ';', pageSize: 300 },
  rules: [],
};
const TABS: Scenario = {
  name: 'tabs',
  description: 'tab-delimited',
  knobs: { csvDelimiter: '\t' },
  rules: [],
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const JSON_ACCEPT = { Accept: 'application/json' };

describe('DigitalCX bytes', () => {
  it('answers a whole default day as the same CSV bytes', async () => {
    const res = await get(testApp(), interactionsUrl(DAY));
    expect(res.status).toBe(200);
    expect(sha256(res.text)).toBe('6cf97c26a1c305b50dbd66420d73d8237ec152b4cda397d2555a23e6afddda5c');
  });

  it('answers a whole default day with user info as the same CSV bytes', async () => {
    const res = await get(testApp(), interactionsUrl({ ...DAY, includeUserInfo: true }));
    expect(sha256(res.text)).toBe('8cc05a95983786c6b5fff8c3e055855897e6a33939a086a864b1acb0d148e50d');
  });

  it('answers a whole default day as the same JSON bytes', async () => {
    const res = await get(testApp(), interactionsUrl({ ...DAY, includeUserInfo: true }), JSON_ACCEPT);
    expect(sha256(res.text)).toBe('167348ff2982ddac188b4e2a376cad941fb38926a82b0da560255ca2fb497d5c');
  });

  it('answers the first two JSON pages and their tokens with the same bytes', async () => {
    const mock = testApp();
    const query = { ...DAY, paginateData: true, includeUserInfo: true };
    const first = await get(mock, interactionsUrl(query), JSON_ACCEPT);
    const token = first.headers.continuationtoken as string;
    const second = await get(mock, interactionsUrl({ ...query, continuationToken: token }), JSON_ACCEPT);
    expect(sha256(first.text)).toBe('4272e60ac0681ab97eff7817150c4eda043550f898403bfcfc939c275f02f853');
    expect(token).toBe('djEuYWQzbC4xaw.jqbqf_AfdBd1e4tC');
    expect(sha256(second.text)).toBe('a35152e1205c8740f3a55589f0ab77d0839078c02ee17acb429c4e3957f1319f');
    expect(second.headers.continuationtoken).toBe('djEuYWQzby4xMQ.jw4fkY4I9YFtCsZA');
  });

  it('answers a busy day with another delimiter, another page size and filters with the same bytes', async () => {
    const mock = testApp({ seed: 7 }, [BUSY]);
    const headers = { 'X-Mock-Scenario': BUSY.name };
    const day = await get(mock, interactionsUrl({ ...DAY, includeUserInfo: true }), headers);
    const filtered = await get(
      mock,
      interactionsUrl({ ...DAY, culture: 'en', interactionTypes: 2 + 8 + 512, activeSessionOnly: true }),
      headers,
    );
    const query = { ...DAY, paginateData: true, environment: 'Staging', sessionMode: 'Test' };
    const page = await get(mock, interactionsUrl(query), headers);
    const next = await get(
      mock,
      interactionsUrl({ ...query, continuationToken: page.headers.continuationtoken as string }),
      headers,
    );
    expect([day.status, filtered.status, page.status, next.status]).toEqual([200, 200, 200, 200]);
    expect(filtered.text.split('\r\n').length).toBeGreaterThan(100);
    expect(sha256(day.text)).toBe('f9160c6a66ce4711cfed72953ac7aa7dd14f2504d64421b961e40991b4454002');
    expect(sha256(filtered.text)).toBe('8a36ba5fdc254dd4dbb00fba91f89964530de3713a21122c23f89e32e4017257');
    expect(sha256(page.text)).toBe('d41f655dcb6c645fec1a0b18767fa3d0f1433b4ada9ee828912c88c337b6348a');
    expect(sha256(next.text)).toBe('219bfa6a7ab8b9b16a47000ce132080492826fab9f794793fcf5365cb9efe353');
  });

  it('answers a tab-delimited day of a three-culture project with the same bytes', async () => {
    const res = await get(
      testApp({}, [TABS]),
      interactionsUrl({ ...DAY, includeUserInfo: true }, 'initech', 'desk'),
      {
        'X-Mock-Scenario': TABS.name,
      },
    );
    expect(sha256(res.text)).toBe('03309f906051e9c2d6f98835683b9a8450fc6c87aea96789b148e99a1046ecd4');
  });
});
