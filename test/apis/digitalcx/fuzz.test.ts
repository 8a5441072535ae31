import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';

const NAMES = [
  'startDate',
  'endDate',
  'culture',
  'filterText',
  'paginateData',
  'continuationToken',
  'includeUserInfo',
  'interactionTypes',
  'mainInteractionType',
  'activeSessionOnly',
  'environment',
  'sessionMode',
  '__proto__',
  'constructor',
];
const VALUES = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '2025-02-28T00:00:00Z',
    '2025-02-28',
    '2025-03-01T00:00:00Z',
    'true',
    'False',
    '131',
    '0',
    '-1',
    '99999999999999999999',
    'All',
    'Staging',
    'Test',
    '',
    '%',
    '%zz',
    '\u0000',
  ),
);

describe('DigitalCX bad input (property)', () => {
  it('never answers 5xx and always answers in the vendor error shape, for arbitrary queries and headers', async () => {
    const app = testApp();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string()), VALUES), { maxLength: 8 }),
        fc.record({
          authorization: fc.oneof(
            fc.constant('Bearer s3cret'),
            fc.constant('Bearer viewer'),
            fc.string(),
            fc.constant('Basic Og=='),
          ),
          accept: fc.constantFrom('text/csv', 'application/json', '*/*', 'text/html'),
          seed: fc.oneof(fc.constant(''), fc.string(), fc.nat().map(String)),
        }),
        fc.constantFrom('acme', 'unknown', '%E2%82%AC', 'a%2Fb'),
        async (pairs, headers, customer) => {
          const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const url = `/digitalcx/${customer}/projects/shop/interactions?${qs}`;
          const res = await send(
            request(app)
              .get(url)
              .set({
                Authorization: headers.authorization.replace(/[\r\n]/g, ''),
                Accept: headers.accept,
                'X-Mock-Seed': headers.seed.replace(/[^\x20-\x7e]/g, ''),
              }),
          );
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400 && res.status !== 403) {
            expect(res.headers['content-type']).toMatch(/^text\/plain/);
            expect(res.text.length).toBeGreaterThan(0);
            expect(res.text).not.toMatch(/\n\s+at |node_modules|\/work\//);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
