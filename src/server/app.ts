/** createApp(config): the whole mock as an Express app, built without listening. */
import type { RequestListener } from 'node:http';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { ApiModule } from '../core/api.js';
import { realNow } from '../core/clock.js';
import type { Scenario } from '../core/scenario.js';
import { type LoadedSpec, loadSpec } from '../core/spec.js';
import { apiFacts } from '../scenarios/api-facts.js';
import { loadScenarios } from '../scenarios/load-scenarios.js';
import type { Config } from './cli/config.js';
import { createControlPlane, health } from './control/control-plane.js';
import { type ControlSync, localSync } from './control/control-sync.js';
import { MockState } from './control/state.js';
import { createDocsRouter } from './docs/router.js';
import { apiDispatch } from './front/api-dispatch.js';
import { chain } from './front/chain.js';
import { cors } from './front/cors.js';
import { installFastJson } from './front/fast-json.js';
import { withFastLane } from './front/fast-lane.js';
import { knownClientError } from './front/known-status.js';
import { createLogger, requestLog } from './front/request-log.js';
import { decidedPath, MAX_URL_LENGTH, pathDecision, type RequestPath } from './front/request-path.js';
import { ResponseCache } from './front/response-cache.js';
import { createApiRouter, type RouteInfo } from './pipeline/api-router.js';
import { API_MODULES } from './registry.js';
import { rootApi } from './single-api.js';

/** The app plus the state tests and the programmatic API reach into. */
export interface MockApp {
  app: Express;
  /** What a server should listen with: cached answers first (fast-lane.ts), then the app. */
  listener: RequestListener;
  state: MockState;
  specs: ReadonlyMap<string, LoadedSpec>;
  logger: Logger;
}

/** How the app is wired to its surroundings (the Config says what it serves). */
export interface AppOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
  /** How control-plane changes reach every process (default: this one only; a cluster worker passes its own). */
  sync?: (state: MockState) => ControlSync;
  /** The APIs it knows (default: `API_MODULES`, registry.ts); `config.apis` picks those it serves. */
  registry?: readonly ApiModule[];
}

/** Longer URLs get a 414 outside the APIs; an API's pipeline answers them with its documented 400. */
function urlLimit(req: Request, res: Response, next: NextFunction): void {
  if (req.originalUrl.length > MAX_URL_LENGTH && decidedPath(res).area !== 'api') {
    res.status(414).json({
      error: {
        status: 414,
        code: 'uri_too_long',
        message: `The URL is longer than ${MAX_URL_LENGTH} characters; send fewer or shorter parameters.`,
      },
    });
    return;
  }
  next();
}

/**
 * CORS: the control plane reads the journal (request headers included) and switches scenarios, so
 * it gets no open CORS, only the origins named with --cors-origin. The APIs and docs get the open
 * one; any other path (a 404) gets the closed one too: nothing there needs a browser's access.
 */
function corsFor(config: Config): RequestHandler {
  const openCors = cors(config.corsOrigins);
  const closedCors = cors(config.corsOrigins === '*' ? [] : config.corsOrigins);
  const open = (path: RequestPath) => path.area === 'api' || path.area === 'docs';
  return (req, res, next) => (open(decidedPath(res)) ? openCors : closedCors)(req, res, next);
}

/** Journals API traffic: the control plane and the docs pages stay out of it. */
function journal(state: MockState): RequestHandler {
  return (req, res, next) => {
    const { area } = decidedPath(res);
    if (area === 'control' || area === 'docs') return next();
    const started = process.hrtime.bigint();
    // The connection outlives the response (keep-alive): its counter before and after gives the size.
    const socket = req.socket;
    const bytesBefore = socket.bytesWritten;
    const entry = state.journal.add({
      receivedAtMs: realNow(),
      receivedAtNs: started,
      method: req.method,
      url: req.originalUrl,
      api: null,
      operationId: null,
      scenario: null,
      headers: req.headers,
      status: null,
      fault: null,
      durationMs: null,
      responseHeaders: null,
      responseBytes: null,
    });
    const record = () => {
      const route = res.locals.route as RouteInfo | undefined;
      entry.api = route?.api ?? null;
      entry.operationId = route?.operationId ?? null;
      entry.scenario = route?.scenario ?? null;
      entry.fault = route?.fault ?? null;
      // A reset or stalled response never sent its head: it has no status.
      entry.status = res.headersSent ? res.statusCode : null;
      entry.responseHeaders = res.headersSent ? res.getHeaders() : null;
      entry.responseBytes = socket.bytesWritten - bytesBefore;
      entry.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      state.journal.answered(entry);
    };
    // 'close' follows 'finish' on every response, and ends one that never finished (reset, stall).
    res.once('close', record);
    next();
  };
}

/**
 * Builds the app for a config; specs and scenario files are loaded here, once. `scenarios` adds
 * scenarios built in code to those of the files. Throws ScenarioFileError for a bad scenario file
 * and a MockError (unknown_scenario) for an unknown initial scenario.
 */
export function createMockApp(
  config: Config,
  scenarios: readonly Scenario[] = [],
  options: AppOptions = {},
): MockApp {
  const registry = options.registry ?? API_MODULES;
  const loaded = loadScenarios(config, apiFacts(registry));
  const state = new MockState(config, [...loaded.scenarios, ...scenarios], loaded.initial);
  const sync = (options.sync ?? localSync)(state);
  const logger = createLogger(config.logLevel, options.logDestination);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false);
  installFastJson(app);

  const modules = registry.filter((m) => config.apis.includes(m.name));
  const specs = new Map<string, LoadedSpec>(modules.map((m) => [m.name, loadSpec(m)]));
  // Every answer waits for --latency: none is sent from memory at once.
  const cache =
    config.responseCacheBytes > 0 && !config.latency
      ? new ResponseCache(config.responseCacheBytes)
      : undefined;

  const routers = modules.map((m) => ({
    name: m.name,
    router: createApiRouter(m, specs.get(m.name) as LoadedSpec, config, state, sync, cache),
  }));
  const apis = new Set(modules.map((m) => m.name.toLowerCase()));
  const root = rootApi(routers);
  // The front of the app runs for every request: one layer (see chain.ts). API prefixes never
  // collide with /__mock and /docs, so the API dispatch is tried before the control plane.
  const front = [
    ...(config.logLevel !== 'silent' ? [requestLog(logger)] : []),
    corsFor(config),
    journal(state),
  ];
  app.use(chain([pathDecision(apis, root?.name), urlLimit, ...front, apiDispatch(routers)]));

  if (!config.admin) {
    // Container health checks probe it: it stays when the rest of the control plane is off.
    app.get('/__mock/health', health(config, state, specs));
  }

  if (config.admin) {
    app.use('/__mock', createControlPlane(config, state, specs, sync));
    const docsApis = modules.map((m) => ({
      name: m.name,
      title: m.title,
      spec: specs.get(m.name) as LoadedSpec,
    }));
    app.use('/docs', createDocsRouter(docsApis, config, state));
  }

  for (const { name, router } of routers) app.use(`/${name}`, router);
  if (root) app.use(root.router);

  app.use((req: Request, res: Response) => {
    res.status(404).json({
      error: {
        status: 404,
        code: 'not_found',
        message: `Nothing at ${req.method} ${req.path}. The APIs live under ${modules.map((m) => `/${m.name}`).join(', ')}${config.admin ? '; the control plane under /__mock, the docs at /docs' : ''}.`,
      },
    });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = knownClientError(error);
    if (known && !res.headersSent) {
      res.status(known.status).json({ error: known });
      return;
    }
    res.err = error instanceof Error ? error : new Error(String(error));
    logger.error({ err: error }, 'bot-analytics-mock: unexpected error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(500)
      .json({ error: { status: 500, code: 'internal_error', message: 'Internal error in the mock.' } });
  });
  const listener = withFastLane({
    app,
    config,
    state,
    cache,
    apis,
    root: root?.name,
    front,
    maxUrlLength: MAX_URL_LENGTH,
  });
  return { app, listener, state, specs, logger };
}

/** The Express app for a config (see createMockApp for the state behind it). */
export function createApp(config: Config, scenarios: readonly Scenario[] = []): Express {
  return createMockApp(config, scenarios).app;
}
