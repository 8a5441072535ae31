/** Requests to the General Bots API, each checked against the spec by send(). */
import type { RequestListener } from 'node:http';
import request, { type Response } from 'supertest';
import { expect } from 'vitest';
import { send } from '../../support/contract.js';

export const BASE = '/generalbots/api/v1/analytics';
export const TOKEN = 'team-token';
export const BOT = '3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17';
export const USER = '9b2e6c41-58a0-4f3d-b7e2-61c4d0a8f935';

/** A GET with a bearer token (and any extra headers). */
export function get(
  app: RequestListener,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send(
    request(app)
      .get(`${BASE}${path}`)
      .set({ Authorization: `Bearer ${TOKEN}`, ...headers }),
  );
}

/** A POST /reports with a JSON body. */
export function postReport(
  app: RequestListener,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send(
    request(app)
      .post(`${BASE}/reports`)
      .set({ Authorization: `Bearer ${TOKEN}`, ...headers })
      .send(body as object),
  );
}

/** The envelope's data of a successful GET. */
export async function data<T = Record<string, unknown>>(
  app: RequestListener,
  path: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await get(app, path, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.success).toBe(true);
  expect(res.body.error).toBeNull();
  return res.body.data as T;
}

/** Asserts an error in the envelope with its code. */
export function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ success: false, data: null, error: { code } });
  expect(res.body.error.message).toEqual(expect.any(String));
}
