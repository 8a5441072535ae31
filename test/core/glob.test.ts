import { describe, expect, it } from 'vitest';
import { globMatches } from '../../src/core/glob.js';

describe('glob', () => {
  it.each([
    ['/digitalcx/*/projects/shop/interactions', '/digitalcx/acme/projects/shop/interactions', true],
    ['/digitalcx/*/projects/shop/interactions', '/digitalcx/a/b/projects/shop/interactions', false],
    ['/digitalcx/acme/**', '/digitalcx/acme/projects/shop/interactions', true],
    ['/digitalcx/acme/**', '/digitalcx/other/projects/shop/interactions', false],
    ['/digitalcx/**/interactions', '/digitalcx/acme/projects/shop/interactions', true],
    ['/a.b/(x)', '/a.b/(x)', true],
    ['/a.b/(x)', '/aXb/(x)', false],
  ])('matches path %s against %s: %s', (pattern, path, expected) => {
    expect(globMatches(pattern, path, true)).toBe(expected);
  });

  it.each([
    ['*', 'anything at all, even / slashes', true],
    ['*json*', 'application/json; charset=utf-8', true],
    ['text/csv', 'application/json', false],
    ['true', 'true', true],
    ['tru', 'true', false],
  ])('matches value %s against %s: %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });
});
