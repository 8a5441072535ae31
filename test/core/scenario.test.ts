import { describe, expect, it } from 'vitest';
import { isScenarioPath, type RuleMatch, type RuleRequest, ruleMatches } from '../../src/core/scenario.js';

const REQUEST: RuleRequest = {
  api: 'digitalcx',
  operationId: 'getInteractions',
  method: 'GET',
  path: '/digitalcx/acme/projects/shop/interactions',
  query: new URLSearchParams('startDate=2025-02-28&paginateData=true&culture=en&culture=nl'),
  headers: { accept: 'application/json', 'x-team': ['web', 'ios'] },
  secured: true,
};

describe('scenario rule matching', () => {
  it.each<[string, RuleMatch, boolean]>([
    ['no match at all', {}, true],
    ['the API', { api: 'digitalcx' }, true],
    ['another API', { api: 'chatlayer' }, false],
    ['one of several APIs', { api: ['chatlayer', 'digitalcx'] }, true],
    ['the operation id', { operationId: 'getInteractions' }, true],
    ['another operation id', { operationId: 'postToken' }, false],
    ['the method in any case', { method: 'get' }, true],
    ['another method', { method: ['POST', 'PUT'] }, false],
    ['a path glob', { path: '/digitalcx/acme/**' }, true],
    ['a path glob of another tenant', { path: '/digitalcx/other/**' }, false],
    ['a query value', { query: { paginateData: 'true' } }, true],
    ['one of a repeated query parameter', { query: { culture: 'nl' } }, true],
    ['a query value that differs', { query: { paginateData: 'false' } }, false],
    ['a query parameter present with any value', { query: { startDate: '*' } }, true],
    ['an absent query parameter', { query: { continuationToken: '*' } }, false],
    ['a header in another case', { headers: { Accept: '*json*' } }, true],
    ['one value of a repeated header', { headers: { 'X-Team': 'ios' } }, true],
    ['an absent header', { headers: { 'x-mock-seed': '*' } }, false],
    ['an operation that needs credentials', { secured: true }, true],
    ['only operations without credentials (token endpoints)', { secured: false }, false],
    [
      'every field at once',
      {
        api: 'digitalcx',
        method: 'GET',
        path: '/digitalcx/*/projects/*/interactions',
        query: { culture: 'en' },
      },
      true,
    ],
    ['every field but one', { api: 'digitalcx', method: 'GET', query: { culture: 'fr' } }, false],
  ])('%s', (_, match, expected) => {
    expect(ruleMatches({ match }, REQUEST)).toBe(expected);
  });

  it.each([
    ['empty', false],
    ['my-scenario', false],
    ['./empty.yaml', true],
    ['empty.yml', true],
    ['/srv/scenarios/retry', true],
    ['C:\\scenarios\\retry.yaml', true],
  ])('reads --scenario %j as a path: %s', (value, expected) => {
    expect(isScenarioPath(value)).toBe(expected);
  });
});
