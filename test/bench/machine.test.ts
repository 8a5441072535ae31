/** The bench report's machine line names what the environment makes every Node start pay for. */
import { describe, expect, it } from 'vitest';
import { machineLine, startCosts } from '../../bench/machine.js';

describe('startCosts', () => {
  it('names nothing for a plain environment', () => {
    expect(startCosts({ PATH: '/usr/bin' })).toEqual([]);
  });

  it('names NODE_EXTRA_CA_CERTS, which Node reads at every start, and NODE_OPTIONS with its value', () => {
    const costs = startCosts({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca.crt', NODE_OPTIONS: '--require x' });
    expect(costs).toHaveLength(2);
    expect(costs[0]).toMatch(/^NODE_EXTRA_CA_CERTS is set: .*every cold start includes it/);
    expect(costs[1]).toBe('NODE_OPTIONS is set (--require x): every server runs with it');
  });

  it('puts them after the machine and load on the report line', () => {
    const line = machineLine(0.5, 1.25, { NODE_EXTRA_CA_CERTS: '/ca.crt' });
    expect(line).toMatch(
      /cores, Node v\d+.*load average 0\.5 at start and 1\.3 at end; NODE_EXTRA_CA_CERTS is set/,
    );
    expect(machineLine(0.5, 1.25, {})).not.toMatch(/NODE_EXTRA_CA_CERTS/);
  });
});
