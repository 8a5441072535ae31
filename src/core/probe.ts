/**
 * What an API brings to `bot-analytics-mock verify`: the requests that check the live vendor against
 * the mock (probes), built for "now", and how the vendor authenticates. Used by `src/verify/`.
 */
import type { LoadedSpec } from './spec.js';

/** An answer as verify saw it: status, lower-cased headers and the body (parsed JSON, else text). */
export interface ProbeAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

/** One request sent to the live API and to the mock, and what kind of answer it asks for. */
export interface Probe {
  /** Unique within the API, readable: `getConversationsReport last7days`. */
  name: string;
  /** The spec operation it exercises. */
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The vendor's path with its parameters filled in (no mock prefix), e.g. `/reports/conversations`. */
  path: string;
  /** Query parameters, in order (a list repeats the name). */
  query?: Readonly<Record<string, string | readonly string[]>>;
  /** Headers the operation needs besides the credentials (`Accept`, `wbb-client`). */
  headers?: Readonly<Record<string, string>>;
  /** A JSON body (writes), or a form body as URLSearchParams. */
  body?: unknown;
  /** A write (creates something at the vendor): sent only with --include-writes. */
  write?: boolean;
  /** Sent without the caller's credentials: the documented 401. */
  anonymous?: boolean;
  /** A documented error case: the status the request is meant to get. Default: a success. */
  expectStatus?: number;
  /**
   * JSON pointers into the body whose strings are documented messages, compared with the mock's
   * verbatim ('' = the whole text body).
   */
  verbatim?: readonly string[];
  /**
   * Requests that follow from this one's answer (the next page, the report just created). Called once
   * with the live answer and once with the mock's, so each side gets its own tokens and ids; both
   * calls must return probes with the same names.
   */
  next?(answer: ProbeAnswer): Probe[];
}

/** What probes are built from. */
export interface ProbeContext {
  /** The instant the run starts, epoch ms: windows are relative to it. */
  now: number;
  /** `--param name=value`: ids and keys of the caller's own account, by the spec's parameter names. */
  params: Readonly<Record<string, string>>;
  /** The API's spec (probes derived from it cover every operation it has). */
  spec: LoadedSpec;
}

/** An OAuth2 client-credentials flow run before the probes (DigitalCX). */
export interface ClientCredentialsAuth {
  kind: 'client-credentials';
  /** The token path under the API's base URL, used when no --token-url is given (the mock's). */
  tokenPath: string;
  /** The spec operation of the token endpoint, compared like a probe. */
  operationId: string;
  /** Extra form fields sent with the grant (e.g. `resource`), overridable with --param. */
  form?: Readonly<Record<string, string>>;
}

/** An API's probes and how to reach it. */
export interface ProbeSet {
  /** The probes at `ctx.now`, read operations and documented errors first, writes flagged. */
  build(ctx: ProbeContext): Probe[];
  /** The `--param` names the probes read, with what each is (shown by `verify --help`). */
  params: Readonly<Record<string, string>>;
  /** A `verify` command line for this API against its real vendor (shown by `verify --help`). */
  example: string;
  /** How credentials are obtained before the probes; default: the --header values as given. */
  auth?: ClientCredentialsAuth;
}
