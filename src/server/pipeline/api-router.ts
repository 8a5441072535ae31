/** The request pipeline of one API, from the request's facts: routing, scenario rule, Prefer, auth, validation, handler, errors. */
import express, { type Request, type RequestHandler, type Response } from 'express';
import { type ApiModule, type Caller, type RequestContext, requestContext } from '../../core/api.js';
import { sleep } from '../../core/clock.js';
import { MockError } from '../../core/errors.js';
import { delayFor } from '../../core/latency.js';
import { OperationValidator } from '../../core/request-validator.js';
import type { Scenario, ScenarioRule } from '../../core/scenario.js';
import { SchemaCompiler } from '../../core/schema-compiler.js';
import type { LoadedSpec, SpecOperation } from '../../core/spec.js';
import { isoMs } from '../../core/time.js';
import { applyRule } from '../../scenarios/apply-rule.js';
import {
  countsAttempts,
  knobsFor,
  latencyFor,
  ruleRequestOf,
  selectRule,
} from '../../scenarios/select-rule.js';
import type { Config } from '../cli/config.js';
import type { ControlSync } from '../control/control-sync.js';
import type { ApiFacts, RouteInfo } from '../front/facts.js';
import { MAX_URL_LENGTH } from '../front/request-path.js';
import type { ResponseCache, Reuse } from '../front/response-cache.js';
import { answerPreferred } from './prefer-code.js';
import { RouteMatcher } from './route-matcher.js';

const BODY_LIMIT = '100kb';
const jsonBody = express.json({ limit: BODY_LIMIT, strict: false });
const formBody = express.urlencoded({ limit: BODY_LIMIT, extended: false });

function runParser(parser: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

/** Turns a body-parser failure into the 400/413 the client can act on. */
function bodyError(error: unknown): MockError {
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.too.large') {
    return new MockError(413, `The request body is larger than ${BODY_LIMIT}; send a smaller body.`, {
      code: 'payload_too_large',
    });
  }
  if (e.type === 'entity.parse.failed')
    return new MockError(400, 'The request body is not valid JSON.', { code: 'invalid_body' });
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return new MockError(415, 'The request body has an unsupported encoding; send UTF-8.', {
      code: 'invalid_body',
    });
  }
  return new MockError(400, 'The request body could not be read.', { code: 'invalid_body' });
}

/** What is compiled from a spec: once per process, shared by every app (tests build many). */
interface CompiledApi {
  matcher: RouteMatcher;
  validator(operation: SpecOperation): OperationValidator;
}

const compiledApis = new WeakMap<LoadedSpec, CompiledApi>();

function compile(module: ApiModule, spec: LoadedSpec): CompiledApi {
  let compiled = compiledApis.get(spec);
  if (!compiled) {
    for (const op of spec.operations) {
      if (!module.handlers[op.operationId])
        throw new Error(`API ${module.name}: no handler for operation ${op.operationId}.`);
    }
    // ajv compiles an operation's validators on its first request: start-up stays fast.
    let compiler: SchemaCompiler | undefined;
    const validators = new Map<SpecOperation, OperationValidator>();
    compiled = {
      matcher: new RouteMatcher(spec.operations),
      validator(operation) {
        let v = validators.get(operation);
        if (!v) {
          compiler ??= new SchemaCompiler(spec);
          v = new OperationValidator(operation, compiler);
          validators.set(operation, v);
        }
        return v;
      },
    };
    compiledApis.set(spec, compiled);
  }
  return compiled;
}

/**
 * Serves a request to one API from the facts the listener worked out (front/facts.ts). An error
 * that is not a MockError is the mock's own failure: it is passed on (thrown, or the promise
 * rejects). Returns a promise only when the answer waits for something (an attempt count, latency,
 * a body, a rule's answer, an asynchronous handler); else the answer is given by the time it returns.
 */
export type ApiPipeline = (req: Request, res: Response, facts: ApiFacts) => Promise<void> | undefined;

/** A request routed to its operation, its controls valid: what the steps after routing read. */
interface Routed {
  req: Request;
  res: Response;
  facts: ApiFacts;
  info: RouteInfo;
  operation: SpecOperation;
  params: Record<string, string>;
  query: URLSearchParams;
  seed: number;
  scenario: Scenario;
  preferCode: number | undefined;
  /** The handler's context once made (the response cache reads its clock when the answer ends). */
  ctx: RequestContext | undefined;
}

/** The pipeline of one API; attempt counts come from `sync` (shared across workers). */
export function createApiPipeline(
  module: ApiModule,
  spec: LoadedSpec,
  config: Config,
  sync: ControlSync,
  cache?: ResponseCache,
): ApiPipeline {
  const { matcher, validator } = compile(module, spec);
  /**
   * The operation whose answer a request got and the instants it holds for, if that answer may be
   * repeated (see response-cache.ts): from the request's now until what its handler's clock reads
   * said; an answer given without the handler (a Prefer example) holds for its own instant only.
   */
  const reusable =
    (info: RouteInfo, now: number, routed: () => Routed | undefined): (() => Reuse | undefined) =>
    () =>
      info.operationId !== null && info.fault === null && !module.handlers[info.operationId]?.stateful
        ? { operationId: info.operationId, from: now, until: routed()?.ctx?.clock.validUntil ?? now + 1 }
        : undefined;

  /** Routing and the controls: sets the control headers, starts recording; throws the request's MockError. */
  const route = (req: Request, res: Response, facts: ApiFacts): Routed => {
    const { path, now } = facts;
    const info = res.locals.route as RouteInfo;
    const found = matcher.match(req.method, path);
    // Known before the controls are refused: a bad control header is answered in the shape of the
    // operation it hit (the DigitalCX token endpoint's is JSON, the interactions' plain text).
    if (found.kind === 'found') info.operationId = found.operation.operationId;
    const { controls } = facts;
    if (controls instanceof MockError) throw controls;
    const { seed } = controls;
    res.setHeader('X-Mock-Seed', String(seed));
    res.setHeader('X-Mock-Now', isoMs(now));
    const { scenario } = controls;
    if (scenario instanceof MockError) throw scenario;
    info.scenario = scenario.name;
    let routed: Routed | undefined;
    // The listener answered a held answer before the pipeline: here the answer is only recorded.
    if (facts.cacheKey !== undefined)
      cache?.record(
        facts.cacheKey,
        res,
        reusable(info, now, () => routed),
      );
    res.setHeader('X-Mock-Scenario', scenario.name);

    if (found.kind === 'none') {
      throw new MockError(404, `No ${module.title} operation at ${req.method} ${path}.`, {
        code: 'not_found',
      });
    }
    if (found.kind === 'method') {
      throw new MockError(405, `Method ${req.method} is not allowed here; use ${found.allowed.join(', ')}.`, {
        code: 'method_not_allowed',
        headers: { Allow: found.allowed.join(', ') },
      });
    }
    // After routing, so the error has the operation's shape; a spec documents 400, not 414.
    if (facts.tooLong) {
      throw new MockError(
        400,
        `The URL is longer than ${MAX_URL_LENGTH} characters; send fewer or shorter parameters.`,
      );
    }
    const { operation } = found;
    info.operationId = operation.operationId;
    routed = {
      req,
      res,
      facts,
      info,
      operation,
      params: found.params,
      query: new URLSearchParams(facts.query),
      seed,
      scenario,
      preferCode: controls.preferCode,
      ctx: undefined,
    };
    return routed;
  };

  /** Validation and the handler, once the caller is known and the body read. */
  const handle = (routed: Routed, rule: ScenarioRule | undefined, caller: Caller): void | Promise<void> => {
    const { req, res, operation, seed, scenario } = routed;
    const input = validator(operation).validate({
      query: routed.query,
      path: routed.params,
      headers: req.headers,
      contentType: req.headers['content-type'],
      body: req.body,
    });
    const ctx = requestContext(seed, routed.facts.now, scenario, knobsFor(scenario, rule));
    routed.ctx = ctx;
    // The handler's input, property by property (a spread in the middle of a literal is a runtime call).
    const { query, path, headers, body } = input;
    return module.handlers[operation.operationId]?.(
      { operation, query, path, headers, body, caller, ctx, req },
      res,
    );
  };

  /** What may wait: the attempt count and the rule, latency, a rule's answer, the body. */
  const waiting = async (routed: Routed): Promise<void> => {
    const { req, res, facts, info, operation, query, seed, scenario } = routed;
    const { path, key, now } = facts;
    // Without rules nothing reads the request's form or its attempt number: skip both.
    const rule =
      scenario.rules.length === 0
        ? undefined
        : selectRule(scenario, ruleRequestOf(module.name, operation, req, path, query), {
            module,
            operation,
            seed,
            key,
            // Only scenarios that draw shares or match attempts need the count: the others keep no state.
            attempt: countsAttempts(scenario) ? await sync.attempt(scenario.name, key) : 1,
          });
    const latency = latencyFor(scenario, rule, config.latency);
    if (latency) await sleep(delayFor(latency, seed, key));
    // Prefer: code= is the more explicit ask: it wins over the rule's answer (not its latency or knobs).
    if (routed.preferCode !== undefined) {
      if (answerPreferred(routed.preferCode, operation, module, res)) return;
    } else if (rule) {
      info.fault = rule.fault ?? null;
      const target = { req, res, module, operation, params: routed.params, query, now };
      if (await applyRule(rule, target)) return;
    }

    const caller = module.authenticate(req, operation);
    if (operation.requestBody) {
      try {
        await runParser(jsonBody, req, res);
        await runParser(formBody, req, res);
      } catch (error) {
        throw bodyError(error);
      }
    }
    await handle(routed, rule, caller);
  };

  /** A failure of the request: its MockError answered; the mock's own failure thrown on. */
  const failed = (error: unknown, res: Response, now: number): void => {
    if (res.headersSent) {
      // A stream broke after its head was sent: nothing sensible can be said any more.
      res.destroy();
      return;
    }
    if (error instanceof MockError) {
      res.set(error.headers);
      module.sendError(res, error, { now });
      return;
    }
    throw error;
  };

  return (req, res, facts) => {
    try {
      const routed = route(req, res, facts);
      const { scenario, operation } = routed;
      // Without rules, latency or a body, nothing is waited for before the handler: the common case.
      if (
        scenario.rules.length > 0 ||
        latencyFor(scenario, undefined, config.latency) ||
        operation.requestBody
      )
        return waiting(routed).catch((error: unknown) => failed(error, res, facts.now));
      // As in `waiting` without a rule.
      if (routed.preferCode !== undefined && answerPreferred(routed.preferCode, operation, module, res))
        return undefined;
      const done = handle(routed, undefined, module.authenticate(req, operation));
      return done?.catch((error: unknown) => failed(error, res, facts.now));
    } catch (error) {
      failed(error, res, facts.now);
      return undefined;
    }
  };
}
