import { describe, expect, it } from 'vitest';
import { distinct, listItems } from '../../src/core/list-values.js';

describe('listItems', () => {
  it.each([
    ['nothing', undefined, {}, []],
    ['one value', 'a', {}, ['a']],
    ['a comma-separated value', 'a,b,,c', {}, ['a', 'b', 'c']],
    ['a repeated parameter, each value split', ['a,b', 'c', ''], {}, ['a', 'b', 'c']],
    ['spaces kept unless trimmed', ' a , b', {}, [' a ', ' b']],
    ['trimmed items, blanks dropped', ' a , b, ,', { trim: true }, ['a', 'b']],
    ['one value with spaces, kept', ' a ', {}, [' a ']],
    ['one value with spaces, trimmed', ' a ', { trim: true }, ['a']],
    ['an empty value', '', {}, []],
    ['a blank value, trimmed', '  ', { trim: true }, []],
    ['a blank value, kept', '  ', {}, ['  ']],
    ['a number', 7, {}, ['7']],
  ] as const)('reads %s', (_, value, options, expected) => {
    expect(listItems(value, options)).toEqual(expected);
  });
});

describe('distinct', () => {
  it('keeps each item once, in its first order', () => {
    expect(distinct(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});
