import { describe, expect, it } from 'vitest';
import { delayFor, parseLatency } from '../../src/core/latency.js';

describe('latency', () => {
  it.each([
    ['200', { min: 200, max: 200 }],
    ['100-400', { min: 100, max: 400 }],
    [' 5 - 9 ', { min: 5, max: 9 }],
    ['0', { min: 0, max: 0 }],
  ])('parses %j', (text, expected) => {
    expect(parseLatency(text)).toEqual(expected);
  });

  it.each(['', 'fast', '400-100', '-5', '1-120001', '1.5'])('refuses %j', (text) => {
    expect(parseLatency(text)).toBeUndefined();
  });

  it('gives one request the same delay every time, inside the range, and other requests other delays', () => {
    const range = { min: 100, max: 400 };
    const delays = Array.from({ length: 200 }, (_, i) => delayFor(range, 1, `GET /digitalcx/x?n=${i}`));
    expect(delays).toEqual(
      Array.from({ length: 200 }, (_, i) => delayFor(range, 1, `GET /digitalcx/x?n=${i}`)),
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(400);
    expect(new Set(delays).size).toBeGreaterThan(100);
    expect(delayFor(range, 2, 'GET /digitalcx/x?n=0')).not.toBe(delayFor(range, 1, 'GET /digitalcx/x?n=0'));
  });

  it('gives a fixed latency exactly', () => {
    expect(delayFor({ min: 250, max: 250 }, 1, 'GET /a')).toBe(250);
  });
});
