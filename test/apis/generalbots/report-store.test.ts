import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMIT, listReports, remember, STORE_LIMIT } from '../../../src/apis/generalbots/reports.js';
import { scopeOf } from '../../../src/apis/generalbots/scope.js';
import { withKnobs } from '../../../src/core/knobs.js';

type Report = Parameters<typeof remember>[2];

const scope = (account: string) => scopeOf(1, account, withKnobs({ empty: true }));

function report(id: string): Report {
  return { id, created_at: '2025-01-01T00:00:00.000Z' } as unknown as Report;
}

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('General Bots created-report store', () => {
  it('keeps at most STORE_LIMIT reports per account, the newest', () => {
    const app = {};
    for (let i = 0; i < STORE_LIMIT + 5; i++) remember(app, scope('a'), report(`r${i}`));
    const ids = listReports(app, scope('a'), NOW)
      .map((r) => r.id)
      .filter((id) => id.startsWith('r'));
    expect(ids).toHaveLength(STORE_LIMIT);
    expect(ids).not.toContain('r0');
    expect(ids).toContain(`r${STORE_LIMIT + 4}`);
  });

  it('keeps at most ACCOUNT_LIMIT accounts, forgetting the least recently written', () => {
    const app = {};
    for (let i = 0; i <= ACCOUNT_LIMIT; i++) remember(app, scope(`acct-${i}`), report(`r-${i}`));
    const has = (i: number) => listReports(app, scope(`acct-${i}`), NOW).some((r) => r.id === `r-${i}`);
    // Reading an account that was never written does not grow the store.
    for (let i = 0; i < 50; i++) listReports(app, scope(`reader-${i}`), NOW);
    expect(has(0)).toBe(false);
    expect(has(1)).toBe(true);
    expect(has(ACCOUNT_LIMIT)).toBe(true);
  });
});
