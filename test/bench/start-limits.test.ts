import { describe, expect, it } from 'vitest';
import { giveUp } from '../../bench/start-limits.js';

describe('bench: waiting for a server to start', () => {
  it.each([
    {
      case: 'keeps waiting for a server starting slowly on a busy machine',
      cpu: 2,
      waited: 60_000,
      wrong: 0,
    },
    {
      case: 'keeps waiting a few seconds for one that answers something else',
      cpu: 2,
      waited: 5_000,
      wrong: 3_000,
    },
    { case: 'keeps waiting for up to 30 s without /proc', cpu: undefined, waited: 20_000, wrong: 0 },
  ])('$case', ({ cpu, waited, wrong }) => {
    expect(giveUp(cpu, waited, wrong)).toBeUndefined();
  });

  it.each([
    { cpu: 2, waited: 15_000, wrong: 10_000, why: 'it answered, but not 200, for 10 s' },
    { cpu: 20.5, waited: 25_000, wrong: 0, why: 'it used 25 s and 20.5 CPU-s (a start takes 1–3 CPU-s)' },
    { cpu: 3, waited: 180_000, wrong: 0, why: 'it used 180 s and 3.0 CPU-s' },
    { cpu: undefined, waited: 30_000, wrong: 0, why: 'it used 30 s and unknown CPU-s' },
  ])('gives up with "$why"', ({ cpu, waited, wrong, why }) => {
    expect(giveUp(cpu, waited, wrong)).toBe(why);
  });
});
