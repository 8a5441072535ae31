import { describe, expect, it } from 'vitest';
import { showJson, showValue } from '../../src/core/show-value.js';

describe('showValue', () => {
  it('escapes control characters and quotes without adding its own quotes', () => {
    expect(showValue('a\nb"c')).toBe('a\\nb\\"c');
  });

  it('cuts a value after 60 characters', () => {
    expect(showValue('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    expect(showValue('x'.repeat(60))).toBe('x'.repeat(60));
  });
});

describe('showJson', () => {
  it.each([
    ['a string', 'acme', '"acme"'],
    ['a number', 1.5, '1.5'],
    ['a list', [1, 'a'], '[1,"a"]'],
    ['nothing', undefined, 'nothing'],
  ] as const)('shows %s as JSON', (_, value, expected) => {
    expect(showJson(value)).toBe(expected);
  });

  it('cuts long JSON after 60 characters', () => {
    expect(showJson('y'.repeat(80))).toBe(`"${'y'.repeat(59)}…`);
  });
});
