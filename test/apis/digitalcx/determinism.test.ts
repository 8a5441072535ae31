import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { DAY, get, interactionsUrl } from './support.js';

const A = interactionsUrl(DAY);
const B = interactionsUrl({ ...DAY, culture: 'en', paginateData: true });

describe('DigitalCX determinism', () => {
  it('answers the same request twice with identical bytes and headers', async () => {
    const mock = testApp();
    const first = await get(mock, A);
    const second = await get(mock, A);
    expect(second.text).toBe(first.text);
    expect(first.headers['x-mock-seed']).toBe('1');
    expect(first.headers['x-mock-now']).toBe('2025-03-01T12:00:00.000Z');
  });

  it('answers identically from two app instances and in either order', async () => {
    const one = testApp();
    const a1 = await get(one, A);
    const b1 = await get(one, B);
    const two = testApp();
    const b2 = await get(two, B);
    const a2 = await get(two, A);
    expect(a2.text).toBe(a1.text);
    expect(b2.text).toBe(b1.text);
    expect(b2.headers.continuationtoken).toBe(b1.headers.continuationtoken);
  });

  it('gives different data for another seed, per request or per server', async () => {
    const base = await get(testApp(), A);
    const header = await get(testApp(), A, { 'X-Mock-Seed': '2' });
    const server = await get(testApp({ seed: 2 }), A);
    expect(header.text).not.toBe(base.text);
    expect(server.text).toBe(header.text);
    expect(header.headers['x-mock-seed']).toBe('2');
  });

  it('keeps past data fixed when only the clock moves', async () => {
    const early = await get(testApp(), A, { 'X-Mock-Now': '2025-03-01T00:00:00Z' });
    const later = await get(testApp(), A, { 'X-Mock-Now': '2025-03-20T00:00:00Z' });
    expect(later.text).toBe(early.text);
  });
});
