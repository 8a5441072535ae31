import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const A = interactionsPath(DAY);
const B = interactionsPath({ ...DAY, culture: 'en', paginateData: true });

describe('DigitalCX determinism', () => {
  it('answers the same request twice with identical bytes and headers', async () => {
    const mock = testApp();
    const first = await digitalcx(mock).get(A);
    const second = await digitalcx(mock).get(A);
    expect(second.text).toBe(first.text);
    expect(first.headers['x-mock-seed']).toBe('1');
    expect(first.headers['x-mock-now']).toBe('2025-03-01T12:00:00.000Z');
  });

  it('answers identically from two app instances and in either order', async () => {
    const one = testApp();
    const a1 = await digitalcx(one).get(A);
    const b1 = await digitalcx(one).get(B);
    const two = testApp();
    const b2 = await digitalcx(two).get(B);
    const a2 = await digitalcx(two).get(A);
    expect(a2.text).toBe(a1.text);
    expect(b2.text).toBe(b1.text);
    expect(b2.headers.continuationtoken).toBe(b1.headers.continuationtoken);
  });

  it('gives different data for another seed, per request or per server', async () => {
    const base = await digitalcx(testApp()).get(A);
    const header = await digitalcx(testApp()).get(A, { headers: { 'X-Mock-Seed': '2' } });
    const server = await digitalcx(testApp({ seed: 2 })).get(A);
    expect(header.text).not.toBe(base.text);
    expect(server.text).toBe(header.text);
    expect(header.headers['x-mock-seed']).toBe('2');
  });

  it('keeps past data fixed when only the clock moves', async () => {
    const early = await digitalcx(testApp()).get(A, { headers: { 'X-Mock-Now': '2025-03-01T00:00:00Z' } });
    const later = await digitalcx(testApp()).get(A, { headers: { 'X-Mock-Now': '2025-03-20T00:00:00Z' } });
    expect(later.text).toBe(early.text);
  });
});
