/**
 * The one test client of every API: its prefix and its credential scheme come from the API's module
 * (`sample.ts`), and every response is checked against the spec by send() before it is handed back.
 */
import type { RequestListener } from 'node:http';
import request, { type Response } from 'supertest';
import type { ApiModule } from '../../src/core/api.js';
import { API_MODULES } from '../../src/server/registry.js';
import { send } from './contract.js';

/** Query parameters: a list repeats the name, undefined leaves it out. */
export type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** What one request adds to the client's defaults. */
export interface RequestOptions {
  query?: Query;
  /** Sent after the credential, so an `Authorization` here replaces it. */
  headers?: Readonly<Record<string, string>>;
  /** The credential's secret part for this request; null sends none. */
  secret?: string | null;
}

/** How a client is set up. */
export interface ClientOptions {
  /** The credential's secret part sent by default (default `s3cret`); null sends none. */
  secret?: string | null;
  /** A path after the API's prefix that every request path continues (General Bots' `/api/v1/analytics`). */
  base?: string;
  /** One more check of every response (Chatlayer's against the vendor's own spec), given the path after the prefix. */
  check?: (method: string, path: string, res: Response) => Promise<void>;
}

/** Requests to one API of one app. */
export interface ApiClient {
  readonly api: ApiModule;
  get(path: string, options?: RequestOptions): Promise<Response>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<Response>;
  delete(path: string, options?: RequestOptions): Promise<Response>;
  /** A GET that must answer 200: its JSON body. */
  ok<T = Record<string, unknown>>(path: string, options?: RequestOptions): Promise<T>;
  /** The API's sample request (`sample.ts`). */
  sample(options?: RequestOptions): Promise<Response>;
  /** The credential headers for a secret part. */
  auth(secret: string): Record<string, string>;
  /** The URL (prefix, base, path and query) a request path goes to. */
  url(path: string, query?: Query): string;
}

/** A query string; lists repeat the name, undefined values are left out. */
export function queryString(query: Query): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, String(v));
  }
  return search.toString();
}

function moduleOf(api: ApiModule | string): ApiModule {
  if (typeof api !== 'string') return api;
  const found = API_MODULES.find((m) => m.name === api);
  if (!found) throw new Error(`No API named ${api} in the registry.`);
  return found;
}

/** A client of one API (a registry name, or a module of a test's own) of a mock (`testApp()`). */
export function apiClient(
  api: ApiModule | string,
  mock: RequestListener,
  options: ClientOptions = {},
): ApiClient {
  const module = moduleOf(api);
  const prefix = `/${module.name}`;
  const base = options.base ?? '';
  const defaultSecret = options.secret === undefined ? 's3cret' : options.secret;

  const withQuery = (target: string, query?: Query) => {
    const qs = query ? queryString(query) : '';
    return qs === '' ? target : `${target}${target.includes('?') ? '&' : '?'}${qs}`;
  };
  const url = (path: string, query?: Query) => withQuery(`${prefix}${base}${path}`, query);

  /** Sends to a URL under the prefix; `body` undefined sends none. */
  const run = async (
    method: 'GET' | 'POST' | 'DELETE',
    target: string,
    body: unknown,
    o: RequestOptions = {},
  ) => {
    const secret = o.secret === undefined ? defaultSecret : o.secret;
    const agent = request(mock);
    let test =
      method === 'POST' ? agent.post(target) : method === 'DELETE' ? agent.delete(target) : agent.get(target);
    test = test.set({ ...(secret === null ? {} : module.sample.auth(secret)), ...o.headers });
    if (body !== undefined) test = test.send(body as object);
    const res = await send(test, { api: module });
    await options.check?.(method, target.slice(prefix.length), res);
    return res;
  };

  const client: ApiClient = {
    api: module,
    get: (path, o) => run('GET', url(path, o?.query), undefined, o),
    post: (path, body, o) => run('POST', url(path, o?.query), body, o),
    delete: (path, o) => run('DELETE', url(path, o?.query), undefined, o),
    async ok<T>(path: string, o?: RequestOptions): Promise<T> {
      const res = await client.get(path, o);
      if (res.status !== 200)
        throw new Error(`GET ${url(path, o?.query)} answered ${res.status}: ${res.text}`);
      return res.body as T;
    },
    // The sample's path is after the prefix: it does not continue the client's base.
    sample: (o) =>
      run(module.sample.method, withQuery(`${prefix}${module.sample.path}`, o?.query), module.sample.body, o),
    auth: (secret) => module.sample.auth(secret),
    url,
  };
  return client;
}
