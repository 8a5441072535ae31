/** How the bench combines a server's alternating rounds into its row of the table. */
import { describe, expect, it } from 'vitest';
import { combine, type LoadFigures } from '../../bench/load.js';

const round = (rps: number, p50: number, p99: number, rssMb?: number): LoadFigures => ({
  rps,
  p50,
  p99,
  rssMb,
  failures: 1,
  bodyBytes: 100,
});

describe('bench rounds combined', () => {
  it('takes the median round of an odd count: one disturbed round does not move the rate', () => {
    const figures = combine([round(9000, 2, 8, 70), round(3000, 9, 40, 90), round(10000, 1, 6)]);
    expect(figures).toMatchObject({ rps: 9000, p50: 2, p99: 40, rssMb: 90, failures: 3, bodyBytes: 100 });
  });

  it('takes the mean of the middle two of an even count', () => {
    expect(combine([round(8000, 2, 5), round(1000, 3, 5), round(10000, 1, 5), round(9000, 4, 5)]).rps).toBe(
      8500,
    );
    expect(combine([round(4000, 2, 5), round(6000, 4, 5)])).toMatchObject({
      rps: 5000,
      p50: 3,
      rssMb: undefined,
    });
  });
});
