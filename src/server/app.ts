/** createMockApp(config): the whole mock — its request listener and the state behind it — built without listening. */
import express, { type Request, type Response } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { ApiModule } from '../core/api.js';
import { LazyMap } from '../core/lazy-map.js';
import type { Scenario } from '../core/scenario.js';
import { type LoadedSpec, loadSpec, specLoadsSafely } from '../core/spec.js';
import { apiFacts } from '../scenarios/api-facts.js';
import { loadScenarios } from '../scenarios/load-scenarios.js';
import type { Config } from './cli/config.js';
import { createControlPlane, health } from './control/control-plane.js';
import { type ControlSync, localSync } from './control/control-sync.js';
import { MockState } from './control/state.js';
import { createDocsRouter } from './docs/router.js';
import { installFastJson } from './front/fast-json.js';
import { answerFailure } from './front/known-status.js';
import { createListener, type FrontListener } from './front/listener.js';
import { createLogger } from './front/request-log.js';
import { ResponseCache } from './front/response-cache.js';
import { type ApiPipeline, createApiPipeline } from './pipeline/api-router.js';
import { API_MODULES } from './registry.js';
import { rootApi } from './single-api.js';

/** The mock's request listener plus the state tests and the programmatic API reach into. */
export interface MockApp {
  /** What every server listens with, and what tests send requests to: the front (front/listener.ts). */
  listener: FrontListener;
  state: MockState;
  specs: ReadonlyMap<string, LoadedSpec>;
  logger: Logger;
  /** Forgets what requests created (General Bots reports). */
  forget(): void;
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
  const moduleNamed = new Map(modules.map((m) => [m.name, m]));
  // Each API's spec and pipeline are made when first needed (its first request, or the health
  // check, docs or control plane reading its spec): a start parses only the spec it is asked for.
  // A spec the build did not parse as it is now is loaded here, so that its problem stops the start.
  const specs = new LazyMap(
    modules.map((m) => m.name),
    (name) => loadSpec(moduleNamed.get(name) as ApiModule),
  );
  for (const m of modules) if (!specLoadsSafely(m)) specs.get(m.name);
  // Every answer waits for --latency: none is sent from memory at once.
  const cache =
    config.responseCacheBytes > 0 && !config.latency
      ? new ResponseCache(config.responseCacheBytes)
      : undefined;

  const pipelines = new LazyMap(
    modules.map((m) => m.name.toLowerCase()),
    (key): ApiPipeline => {
      const m = modules.find((candidate) => candidate.name.toLowerCase() === key) as ApiModule;
      return createApiPipeline(m, specs.get(m.name) as LoadedSpec, config, sync, cache);
    },
  );
  const apis = new Set(pipelines.keys());
  const root = rootApi(modules)?.name.toLowerCase();

  // The app serves what is not an API (the listener dispatches API requests to their pipelines).
  if (!config.admin) {
    // Container health checks probe it: it stays when the rest of the control plane is off.
    app.get('/__mock/health', health(config, state, specs));
  }

  if (config.admin) {
    app.use('/__mock', createControlPlane(config, state, specs, sync));
    const docsApis = modules.map((m) => ({
      name: m.name,
      title: m.title,
      get spec() {
        return specs.get(m.name) as LoadedSpec;
      },
    }));
    app.use('/docs', createDocsRouter(docsApis, config, state));
  }

  app.use((req: Request, res: Response) => {
    res.status(404).json({
      error: {
        status: 404,
        code: 'not_found',
        message: `Nothing at ${req.method} ${req.path}. The APIs live under ${modules.map((m) => `/${m.name}`).join(', ')}${config.admin ? '; the control plane under /__mock, the docs at /docs' : ''}.`,
      },
    });
  });
  const fail = answerFailure(logger);
  app.use((error: unknown, req: Request, res: Response, _next: unknown) => fail(error, req, res));
  const listener = createListener({ app, config, state, cache, apis, root, pipelines, logger });
  const forget = () => {
    for (const module of modules) module.forget?.(app);
  };
  return { listener, state, specs, logger, forget };
}
