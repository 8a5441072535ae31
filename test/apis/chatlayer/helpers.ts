/** Requests to the Chatlayer mock with Basic auth, every one checked against the spec by send(). */
import type { RequestListener } from 'node:http';
import request, { type Response } from 'supertest';
import type { SeriesData } from '../../../src/apis/chatlayer/series-data.js';
import type { Scenario } from '../../../src/core/scenario.js';
import type { Config } from '../../../src/server/cli/config.js';
import { testApp } from '../../support/app.js';
import { send } from '../../support/contract.js';
import { expectMatchesVendor } from './vendor-contract.js';

export type { SeriesData };

/** A fresh app serving only Chatlayer (seed 1, fixed clock): building the other specs is wasted time here. */
export function chatlayerApp(
  overrides: Partial<Config> = {},
  scenarios: readonly Scenario[] = [],
): RequestListener {
  return testApp({ apis: ['chatlayer'], ...overrides }, scenarios);
}

/** The Authorization header for a token (magic secrets: `forbidden`, `expired`). */
export function basic(secret = 'secret', tokenId = 'token-1'): string {
  return `Basic ${Buffer.from(`${tokenId}:${secret}`).toString('base64')}`;
}

/** GET a Chatlayer path (after the prefix) with a valid token, or with the given headers; checked against both specs. */
export async function get(
  app: RequestListener,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const res = await send(
    request(app)
      .get(`/chatlayer${path}`)
      .set({ Authorization: basic(), ...headers }),
  );
  await expectMatchesVendor('GET', path, res);
  return res;
}

/** POST a JSON body to a Chatlayer path with a valid token; checked against both specs. */
export async function post(
  app: RequestListener,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const res = await send(
    request(app)
      .post(`/chatlayer${path}`)
      .set({ Authorization: basic(), ...headers })
      .send(body as object),
  );
  await expectMatchesVendor('POST', path, res);
  return res;
}

/** DELETE a Chatlayer path with a valid token; checked against both specs. */
export async function del(
  app: RequestListener,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const res = await send(
    request(app)
      .delete(`/chatlayer${path}`)
      .set({ Authorization: basic(), ...headers }),
  );
  await expectMatchesVendor('DELETE', path, res);
  return res;
}

/** GET a path and expect 200: its body. */
export async function ok<T = Record<string, unknown>>(
  app: RequestListener,
  path: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await get(app, path, headers);
  if (res.status !== 200) throw new Error(`GET ${path}: expected 200, got ${res.status}: ${res.text}`);
  return res.body as T;
}

/** A query string from parameters; arrays are repeated parameters. */
export function qs(params: Record<string, string | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) search.append(name, v);
  }
  return search.toString();
}

/** The bot conversations series for the parameters (expects 200). */
export async function botSeries(
  app: RequestListener,
  bot: string,
  params: Record<string, string | readonly string[] | undefined>,
): Promise<SeriesData> {
  const res = await get(app, `/v1/bots/${bot}/conversations?${qs({ version: 'LIVE', ...params })}`);
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
  return res.body.data as SeriesData;
}

/** Element-wise sum of equally long arrays. */
export function addUp(rows: readonly (readonly number[])[], length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (const row of rows) {
    row.forEach((v, i) => {
      out[i] = (out[i] ?? 0) + v;
    });
  }
  return out;
}

/** Sums consecutive runs of `size` values (hours → days). */
export function chunkSums(values: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size)
    out.push(values.slice(i, i + size).reduce((a, b) => a + b, 0));
  return out;
}
