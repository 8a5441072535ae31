/** The General Bots tests' client, token and ids, and assertions on its envelope and auth-layer errors. */
import type { RequestListener } from 'node:http';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { type ApiClient, apiClient, type RequestOptions } from '../../support/client.js';

/** The URL of the operations, for requests sent as they are (headers the client would set otherwise). */
export const BASE = '/generalbots/api/v1/analytics';
export const TOKEN = 'team-token';
export const BOT = '3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17';
export const USER = '9b2e6c41-58a0-4f3d-b7e2-61c4d0a8f935';

/** General Bots requests under `/api/v1/analytics` with the suite's token, each checked against the spec. */
export function generalbots(app: RequestListener): ApiClient {
  return apiClient('generalbots', app, { secret: TOKEN, base: '/api/v1/analytics' });
}

/** The envelope's data of a successful GET. */
export async function data<T = Record<string, unknown>>(
  app: RequestListener,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const res = await generalbots(app).get(path, options);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.success).toBe(true);
  expect(res.body.error).toBeNull();
  return res.body.data as T;
}

/** Asserts an error in the server's ApiResponse envelope, whose `error` is the message; returns it. */
export function expectError(res: Response, status: number): string {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body).sort()).toEqual(['data', 'error', 'success']);
  expect(res.body).toMatchObject({ success: false, data: null, error: expect.any(String) });
  return res.body.error as string;
}

/** The auth layer's exact messages by code (botserver src/security/auth_api/error.rs). */
export const AUTH_MESSAGES: Record<string, string> = {
  missing_token: 'Authentication token is required',
  invalid_token: 'Invalid authentication token',
  expired_token: 'Authentication token has expired',
  invalid_api_key: 'Invalid API key',
  insufficient_permissions: "You don't have permission to access this resource",
};

/** Asserts an auth-layer error: flat `{ error: <code>, message }`, no envelope. */
export function expectAuthError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: code, message: AUTH_MESSAGES[code] });
}
