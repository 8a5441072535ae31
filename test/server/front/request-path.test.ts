import { describe, expect, it } from 'vitest';
import { readPath, restOf } from '../../../src/server/front/request-path.js';

const APIS = new Set(['generalbots', 'digitalcx']);

describe('readPath', () => {
  it.each([
    // [url as received, area, api, canonical url]
    ['/__mock/requests', 'control', undefined, '/__mock/requests'],
    ['/__MOCK/requests', 'control', undefined, '/__mock/requests'],
    ['/__Mock/', 'control', undefined, '/__mock/'],
    ['/__mock', 'control', undefined, '/__mock'],
    ['/__mock?x=1', 'control', undefined, '/__mock?x=1'],
    ['/%5F%5Fmock/requests', 'control', undefined, '/__mock/requests'],
    ['/%5f%5FMoCk/scenario', 'control', undefined, '/__mock/scenario'],
    ['/__m%6Fck/requests', 'control', undefined, '/__mock/requests'],
    ['//__mock/requests', 'other', undefined, '//__mock/requests'],
    ['/__mockery', 'other', undefined, '/__mockery'],
    ['/__mock%2Frequests', 'other', undefined, '/__mock%2Frequests'],
    ['/DOCS/generalbots', 'docs', undefined, '/docs/generalbots'],
    ['/docs/%', 'docs', undefined, '/docs/%'],
    [
      '/GeneralBots/api/v1/analytics/usage?days=7',
      'api',
      'generalbots',
      '/generalbots/api/v1/analytics/usage?days=7',
    ],
    [
      '/generalbots/api/v1/analytics/reports/',
      'api',
      'generalbots',
      '/generalbots/api/v1/analytics/reports/',
    ],
    [
      '/digitalcx/A%2FB/projects/P/interactions',
      'api',
      'digitalcx',
      '/digitalcx/A%2FB/projects/P/interactions',
    ],
    [
      '/digitalcx/Acme/projects/%41/interactions',
      'api',
      'digitalcx',
      '/digitalcx/Acme/projects/A/interactions',
    ],
    ['/chatlayer/v1/bots', 'other', undefined, '/chatlayer/v1/bots'],
    ['/', 'other', undefined, '/'],
    ['*', 'other', undefined, '*'],
    // Absolute form (as a proxy sends it): the path it carries is decided, the host is not read.
    ['http://evil.test/__mock/requests', 'control', undefined, '/__mock/requests'],
    ['HTTPS://evil.test:8443/DOCS?x=1', 'docs', undefined, '/docs?x=1'],
    [
      'http://127.0.0.1/GeneralBots/api/v1/analytics/usage',
      'api',
      'generalbots',
      '/generalbots/api/v1/analytics/usage',
    ],
    ['http://127.0.0.1?x=1', 'other', undefined, '/?x=1'],
    ['http://127.0.0.1', 'other', undefined, '/'],
    ['ftp://127.0.0.1/__mock/requests', 'other', undefined, 'ftp://127.0.0.1/__mock/requests'],
  ])('reads %s as %s', (url, area, api, canonical) => {
    expect(readPath(url, APIS)).toEqual({
      url: canonical,
      path: canonical.split('?')[0],
      area,
      api,
      prefix: api ? `/${api}` : '',
    });
  });

  it('gives a path that names no area to the API served at / when exactly one is mounted', () => {
    expect(readPath('/api/v1/analytics/usage', APIS, 'generalbots')).toMatchObject({
      area: 'api',
      api: 'generalbots',
      url: '/api/v1/analytics/usage',
      prefix: '',
    });
    expect(readPath('/__MOCK/health', APIS, 'generalbots').area).toBe('control');
  });

  it.each([
    ['/GeneralBots/api/v1/analytics/usage?days=1', undefined, '/api/v1/analytics/usage?days=1'],
    ['/generalbots?days=1', undefined, '/?days=1'],
    ['/generalbots', undefined, '/'],
    ['/api/v1/analytics/usage', 'generalbots', '/api/v1/analytics/usage'],
  ])('reads the URL under the API prefix of %s', (url, root, rest) => {
    expect(restOf(readPath(url, APIS, root))).toBe(rest);
  });

  it('leaves the query exactly as sent (its escapes are for the API to read)', () => {
    expect(readPath('/__MOCK/requests?a=%5F&b=%', APIS).url).toBe('/__mock/requests?a=%5F&b=%');
  });
});
