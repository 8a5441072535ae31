import { describe, expect, it } from 'vitest';
import { RestartBudget } from '../../../src/server/cluster/restart-budget.js';

describe('RestartBudget', () => {
  it('allows four restarts within 10 s and refuses at the fifth crash', () => {
    const budget = new RestartBudget(5, 10_000);
    expect([0, 1000, 2000, 3000].map((t) => budget.allows(t))).toEqual([true, true, true, true]);
    expect(budget.allows(9_999)).toBe(false);
    expect(budget.recent).toBe(5);
  });

  it('forgets crashes older than the window', () => {
    const budget = new RestartBudget(5, 10_000);
    for (const t of [0, 1000, 2000, 3000]) budget.allows(t);
    expect(budget.allows(10_500)).toBe(true);
    expect(budget.recent).toBe(4);
  });

  it('keeps allowing a worker that crashes now and then', () => {
    const budget = new RestartBudget(5, 10_000);
    for (let t = 0; t < 100_000; t += 3_000) expect(budget.allows(t)).toBe(true);
  });
});
