/** The control plane under /__mock: health, request journal, scenario switch, scenario schema and the specs. */
import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { resolveNow } from '../../core/clock.js';
import { MockError } from '../../core/errors.js';
import type { LoadedSpec } from '../../core/spec.js';
import { isoMs } from '../../core/time.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import type { Config } from '../cli/config.js';
import { knownClientError } from '../front/known-status.js';
import { VERSION } from '../version.js';
import { createConsoleRouter } from './console/router.js';
import type { ControlSync } from './control-sync.js';
import type { MockState } from './state.js';

function controlError(res: express.Response, error: MockError): void {
  res
    .status(error.status)
    .json({ error: { status: error.status, code: error.code ?? 'bad_request', message: error.message } });
}

/** Guards the control plane with a bearer token; health stays open for container health checks. */
function requireToken(token: string): express.RequestHandler {
  const expected = Buffer.from(token);
  return (req, res, next) => {
    if (req.path === '/health') return next();
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="bot-analytics-mock control plane"');
    controlError(
      res,
      new MockError(
        401,
        'The control plane needs "Authorization: Bearer <admin token>" (the --admin-token the server was started with).',
      ),
    );
  };
}

/** GET /__mock/health: status, version, seed, clock, scenario, APIs, spec hashes, workers and the answering pid. */
export function health(
  config: Config,
  state: MockState,
  specs: ReadonlyMap<string, LoadedSpec>,
): express.RequestHandler {
  return (_req, res) => {
    res.json({
      status: 'ok',
      version: VERSION,
      seed: config.seed,
      now: isoMs(resolveNow(config.now)),
      clock: config.now === undefined ? 'real' : 'fixed',
      scenario: state.scenario.name,
      apis: [...specs.keys()].map((name) => ({ name, prefix: `/${name}`, spec: `/__mock/specs/${name}` })),
      specs: Object.fromEntries([...specs].map(([name, spec]) => [name, { sha256: spec.sha256 }])),
      workers: config.workers,
      // With --workers, which worker answered: each has its own journal section and log lines.
      pid: process.pid,
    });
  };
}

/** The /__mock router; changes and the journal go through `sync`, so that with --workers every worker agrees. */
export function createControlPlane(
  config: Config,
  state: MockState,
  specs: ReadonlyMap<string, LoadedSpec>,
  sync: ControlSync,
): Router {
  const router = express.Router();
  const guard = config.adminToken ? requireToken(config.adminToken) : undefined;
  // Before the guard: the page asks for the token itself (its stream is behind the guard).
  router.use('/console', createConsoleRouter({ state, sync, journalSize: config.journalSize, guard }));
  if (guard) router.use(guard);
  router.use(express.json({ limit: '16kb' }));

  router.get('/health', health(config, state, specs));

  router.get('/requests', async (_req, res) => {
    try {
      res.json({ requests: await sync.requests() });
    } catch (error) {
      controlError(res, error as MockError);
    }
  });
  router.delete('/requests', async (_req, res) => {
    try {
      await sync.forgetRequests();
      res.status(204).end();
    } catch (error) {
      controlError(res, error as MockError);
    }
  });

  router.get('/scenario', (_req, res) => {
    const { name, description } = state.scenario;
    res.json({ name, description });
  });
  router.put('/scenario', async (req, res) => {
    const name = (req.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || name === '') {
      controlError(
        res,
        new MockError(400, 'Send a JSON body {"name": "<scenario>"} with Content-Type: application/json.'),
      );
      return;
    }
    try {
      const { description } = await sync.switchScenario(name);
      res.json({ name, description });
    } catch (error) {
      controlError(res, error as MockError);
    }
  });
  router.get('/scenarios/schema', (_req, res) => {
    res.json(scenarioSchema());
  });
  router.get('/scenarios', (_req, res) => {
    res.json({
      current: state.scenario.name,
      scenarios: [...state.scenarios.values()].map(({ name, description }) => ({ name, description })),
    });
  });

  router.get('/specs/:api', (req, res) => {
    const spec = specs.get(req.params.api);
    if (!spec) {
      controlError(
        res,
        new MockError(404, `No spec named '${req.params.api}'. Known: ${[...specs.keys()].join(', ')}.`),
      );
      return;
    }
    if (req.accepts(['application/yaml', 'application/json']) === 'application/json') {
      res.json(spec.document);
    } else {
      res.type('application/yaml').send(spec.text);
    }
  });

  router.use((req, res) => {
    controlError(res, new MockError(404, `No control-plane endpoint at ${req.method} /__mock${req.path}.`));
  });
  router.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const known = knownClientError(error);
    const { type } = error as { type?: string };
    const message =
      type === 'entity.too.large'
        ? 'The request body is larger than 16 KB; the control plane takes small JSON bodies such as {"name": "empty"}.'
        : typeof type === 'string' && type.startsWith('entity.')
          ? 'The request body could not be read as JSON; send e.g. {"name": "empty"} with Content-Type: application/json.'
          : (known?.message ?? 'Internal error.');
    controlError(res, new MockError(known?.status ?? 500, message, { code: known?.code }));
  });
  return router;
}
