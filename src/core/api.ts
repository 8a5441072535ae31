/** What an API folder provides: its handlers by operationId, its auth and its error shape. */
import type { Request, Response } from 'express';
import type { MockError } from './errors.js';
import type { Knobs } from './knobs.js';
import type { ProbeSet } from './probe.js';
import { RequestClock } from './request-clock.js';
import type { Scenario } from './scenario.js';
import type { SpecOperation } from './spec.js';

/** Who is calling, as the API's auth understood it. */
export interface Caller {
  /** The credential's secret part (the tenant for APIs whose token identifies the account). */
  credential: string;
  /** `viewer` = the least rights the API knows; `admin` = everything. */
  role: 'admin' | 'viewer';
}

/** The per-request controls: seed, clock, scenario and its knobs. */
export interface RequestContext {
  seed: number;
  /**
   * The request's now, to the millisecond. Reading it binds the answer to this instant (it is never
   * reused at a later now): a generator that knows better reads `clock` instead.
   */
  readonly now: number;
  /** The same now, read through methods that say how long the answer holds (core/request-clock.ts). */
  clock: RequestClock;
  scenario: Scenario;
  knobs: Knobs;
}

/** A request's context: its `now` a getter on the prototype (no closure per request), read through its clock. */
class Context implements RequestContext {
  constructor(
    public seed: number,
    public clock: RequestClock,
    public scenario: Scenario,
    public knobs: Knobs,
  ) {}

  get now(): number {
    return this.clock.exact();
  }
}

/** A request's context; its `now` is read through its clock (see RequestContext.now). */
export function requestContext(seed: number, now: number, scenario: Scenario, knobs: Knobs): RequestContext {
  return new Context(seed, new RequestClock(now), scenario, knobs);
}

/** Everything a handler gets: validated parameters, the caller and the controls. */
export interface OperationInput {
  operation: SpecOperation;
  query: Record<string, unknown>;
  path: Record<string, string>;
  headers: Record<string, unknown>;
  body: unknown;
  caller: Caller;
  ctx: RequestContext;
  req: Request;
}

/** What a named error is built from: the routed request, before auth and validation. */
export interface NamedErrorRequest {
  operation: SpecOperation;
  /** Path parameters, decoded. */
  params: Readonly<Record<string, string>>;
  /** The raw query. */
  query: URLSearchParams;
  /** The request's clock. */
  now: number;
}

/** A documented error a scenario can force by name (`error: <name>`), beyond one per status. */
export interface NamedError {
  /** One line for people: which message, when. */
  description: string;
  /** The operations that can answer it. */
  operations: readonly string[];
  /** The error exactly as the real check raises it (for an example request when this one does not trigger it). */
  build(request: NamedErrorRequest): MockError;
}

/** A data knob only one API reads (`knobs.extra.<name>`). */
export interface KnobSpec {
  /** One line for people. */
  description: string;
  /** What values it accepts, for error messages (`a whole number from 1 to 50`). */
  accepts: string;
  /** JSON Schema (draft-07) of the value; scenario files are checked against it at load. */
  schema: Record<string, unknown>;
}

/** Answers one operation; sends the response itself (JSON, CSV, a stream…). */
export interface OperationHandler {
  (input: OperationInput, res: Response): void | Promise<void>;
  /**
   * The answer reads server state (records created by earlier requests), so it is never answered
   * from the response cache. Every other GET must be a function of seed, clock, scenario and request.
   */
  readonly stateful?: true;
}

/** A handler whose answer reads server state (see `OperationHandler.stateful`). */
export function stateful(
  handle: (input: OperationInput, res: Response) => void | Promise<void>,
): OperationHandler {
  return Object.assign((input: OperationInput, res: Response) => handle(input, res), {
    stateful: true as const,
  });
}

/**
 * How the shared test suites (conformance, fuzz, scenarios) and the test client talk to an API
 * (`sample.ts` in its folder): a request it answers with 200 under the suites' seed 1 and clock
 * 2025-03-01T12:00Z, and how a credential is presented.
 */
export interface ApiSample {
  method: 'GET' | 'POST';
  /** Path and query after the API's prefix. */
  path: string;
  /** The JSON body of a POST. */
  body?: unknown;
  /** Headers carrying a credential whose secret part is `secret` (a magic value: `forbidden`, `expired`, `viewer`). */
  auth(secret: string): Record<string, string>;
}

/** One emulated vendor API. */
export interface ApiModule {
  /** Short name: URL prefix, spec file name and registry key (`digitalcx`). */
  name: string;
  /** The vendor and API, for people. */
  title: string;
  /** Its spec when not `specs/<name>.yaml` in the package (an API registered from elsewhere), absolute. */
  specFile?: string;
  /** A request it answers and its credential scheme, for the shared suites and the test client. */
  sample: ApiSample;
  /** The operationIds of its spec (`operations.ts`): what the handler map is typed by. */
  operationIds: readonly string[];
  /** Handlers by operationId: one per operation of the spec, no more, no less. */
  handlers: Readonly<Record<string, OperationHandler>>;
  /** Checks the request's credentials; throws the vendor's 401/403 as a MockError. */
  authenticate(req: Request, operation: SpecOperation): Caller;
  /** Sends an error in the vendor's shape. */
  sendError(res: Response, error: MockError, ctx: { now: number }): void;
  /** The vendor's documented error for a status (used by `Prefer: code=` and scenarios). */
  documentedError(status: number, operation: SpecOperation): MockError;
  /** Named documented errors scenarios can force (e.g. DigitalCX's one per limit). */
  errors?: Readonly<Record<string, NamedError>>;
  /** Forgets what requests to this app created (records, uploads): a test's leftovers (startMockServer reset). */
  forget?(app: object): void;
  /** Knobs beyond the common ones that this API reads from `knobs.extra`. */
  knobs?: Readonly<Record<string, KnobSpec>>;
  /** The requests `bot-analytics-mock verify` sends to the live vendor and to the mock (`probes.ts`). */
  probes?: ProbeSet;
}
