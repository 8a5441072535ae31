/** Builds the request pipeline of one API: controls, routing, scenario, auth, validation, handler, errors. */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ApiModule, RequestContext } from '../core/api.js';
import { resolveNow } from '../core/clock.js';
import { readControls } from '../core/controls.js';
import { MockError } from '../core/errors.js';
import { withKnobs } from '../core/knobs.js';
import { OperationValidator } from '../core/request-validator.js';
import { hashKey } from '../core/rng.js';
import { matchRule } from '../core/scenario.js';
import { SchemaCompiler } from '../core/schema-compiler.js';
import type { LoadedSpec, SpecOperation } from '../core/spec.js';
import { isoMs } from '../core/time.js';
import type { Config } from './config.js';
import { RouteMatcher } from './route-matcher.js';
import type { MockState } from './state.js';

/** What the journal and the request log learn about a request once it is routed. */
export interface RouteInfo {
  api: string;
  operationId: string | null;
}

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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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

/** The Express handler serving one API under its prefix. */
export function createApiRouter(
  module: ApiModule,
  spec: LoadedSpec,
  config: Config,
  state: MockState,
): RequestHandler {
  const { matcher, validator } = compile(module, spec);

  return async (req: Request, res: Response, next: NextFunction) => {
    let now = resolveNow(config.now);
    const info: RouteInfo = { api: module.name, operationId: null };
    res.locals.route = info;
    try {
      const controls = readControls(req.headers);
      const seed = controls.seed ?? config.seed;
      now = controls.now ?? now;
      res.setHeader('X-Mock-Seed', String(seed));
      res.setHeader('X-Mock-Now', isoMs(now));
      const scenarioName = controls.scenario ?? controls.preferScenario;
      const scenario = scenarioName === undefined ? state.scenario : state.lookup(scenarioName);
      res.setHeader('X-Mock-Scenario', scenario.name);
      const ctx: RequestContext = { seed, now, scenario, knobs: withKnobs(scenario.knobs) };

      const queryAt = req.url.indexOf('?');
      const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
      const found = matcher.match(req.method, path);
      if (found.kind === 'none') {
        throw new MockError(404, `No ${module.title} operation at ${req.method} ${path}.`, {
          code: 'not_found',
        });
      }
      if (found.kind === 'method') {
        throw new MockError(
          405,
          `Method ${req.method} is not allowed here; use ${found.allowed.join(', ')}.`,
          {
            code: 'method_not_allowed',
            headers: { Allow: found.allowed.join(', ') },
          },
        );
      }
      const { operation } = found;
      info.operationId = operation.operationId;

      if (config.latency) {
        const { min, max } = config.latency;
        await sleep(min + (hashKey(seed, req.method, req.url, 'latency') % (max - min + 1)));
      }
      const rule = matchRule(scenario, {
        api: module.name,
        operationId: operation.operationId,
        method: req.method,
      });
      if (rule?.status !== undefined) {
        if (rule.headers) res.set(rule.headers);
        if (rule.body !== undefined) {
          res.status(rule.status).json(rule.body);
          return;
        }
        throw module.documentedError(rule.status, operation);
      }
      if (controls.preferCode !== undefined && controls.preferCode !== 200) {
        const documented = operation.responses.some((r) => r.status === String(controls.preferCode));
        if (!documented) {
          const codes = operation.responses.map((r) => r.status).join(', ');
          throw new MockError(
            400,
            `Prefer: code=${controls.preferCode} is not a documented response of ${operation.operationId}; documented: ${codes}.`,
          );
        }
        if (controls.preferCode < 300) {
          // A documented success with a body is what the handler answers anyway; one without is sent empty.
          const preferred = operation.responses.find((r) => r.status === String(controls.preferCode));
          if (Object.keys(preferred?.contentTypes ?? {}).length === 0) {
            res.status(controls.preferCode).end();
            return;
          }
        } else {
          throw module.documentedError(controls.preferCode, operation);
        }
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
      const input = validator(operation).validate({
        query: new URLSearchParams(queryAt === -1 ? '' : req.url.slice(queryAt + 1)),
        path: found.params,
        headers: req.headers,
        contentType: req.headers['content-type'],
        body: req.body,
      });
      const handler = module.handlers[operation.operationId];
      await handler?.({ operation, ...input, caller, ctx, req }, res);
    } catch (error) {
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
      next(error);
    }
  };
}
