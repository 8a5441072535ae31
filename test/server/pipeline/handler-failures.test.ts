/**
 * How the pipeline answers a handler that fails, thrown at once or rejected later, before or after
 * the head is sent: the same whether the request went straight to its handler (the common case,
 * answered without waiting) or waited first (here: a server latency of 0 ms).
 */
import type { Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { generalbots } from '../../../src/apis/generalbots/index.js';
import type { ApiModule, OperationHandler } from '../../../src/core/api.js';
import { MockError } from '../../../src/core/errors.js';
import type { Config } from '../../../src/server/cli/config.js';
import { API_MODULES } from '../../../src/server/registry.js';
import { testApp } from '../../support/app.js';

const URL = '/generalbots/api/v1/analytics/usage/daily?days=7';
const AUTH = { Authorization: 'Bearer x' };

/** General Bots with its daily usage answered by `handler`. */
function appWith(handler: OperationHandler, overrides: Partial<Config>) {
  const module: ApiModule = { ...generalbots, handlers: { ...generalbots.handlers, getDailyUsage: handler } };
  const registry = API_MODULES.map((m) => (m === generalbots ? module : m));
  return testApp(overrides, [], { registry });
}

const later = () => new Promise((resolve) => setTimeout(resolve, 1));

const HANDLERS: [string, OperationHandler][] = [
  [
    'throws a MockError',
    () => {
      throw new MockError(429, 'Too many requests; wait a minute.', { headers: { 'Retry-After': '60' } });
    },
  ],
  [
    'rejects with a MockError',
    async () => {
      await later();
      throw new MockError(429, 'Too many requests; wait a minute.', { headers: { 'Retry-After': '60' } });
    },
  ],
  [
    'throws an Error',
    () => {
      throw new Error('broken');
    },
  ],
  [
    'rejects with an Error',
    async () => {
      await later();
      throw new Error('broken');
    },
  ],
];

const ROUTES: [string, Partial<Config>][] = [
  ['straight to the handler', {}],
  ['after waiting', { latency: { min: 0, max: 0 } }],
];

describe.each(ROUTES)('a failing handler, %s', (_, overrides) => {
  it.each(HANDLERS)('answers one that %s as before', async (what, handler) => {
    const res = await request(appWith(handler, overrides)).get(URL).set(AUTH);
    if (what.endsWith('MockError')) {
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('60');
      expect(JSON.stringify(res.body)).toContain('Too many requests; wait a minute.');
    } else {
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        error: { status: 500, code: 'internal_error', message: 'Internal error in the mock.' },
      });
    }
    // The controls were set before the handler ran.
    expect(res.headers['x-mock-seed']).toBe('1');
    expect(res.headers['x-mock-scenario']).toBe('default');
  });

  it.each([
    ['throws', false],
    ['rejects', true],
  ])('ends the connection of one that %s after its head was sent', async (_, async) => {
    const handler: OperationHandler = async
      ? async (_input, res: Response) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('partial');
          await later();
          throw new Error('broken');
        }
      : (_input, res: Response) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('partial');
          throw new Error('broken');
        };
    await expect(request(appWith(handler, overrides)).get(URL).set(AUTH)).rejects.toThrow();
  });
});
