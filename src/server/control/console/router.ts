/**
 * /__mock/console: the page, its files and its event stream. The page and its files hold no data
 * and are served without the admin token, so that the page can ask for it; the stream (and the
 * control plane the page calls) needs it. Nothing here is served to a page of another origin.
 */
import express, { type RequestHandler, type Router } from 'express';
import type { ControlSync } from '../control-sync.js';
import type { MockState } from '../state.js';
import { consoleAssets } from './assets.js';
import { consoleEvents } from './events.js';

/** What the console is built from. */
export interface ConsoleParts {
  state: MockState;
  sync: ControlSync;
  journalSize: number;
  /** The control plane's admin-token check, when it has one: the stream is behind it too. */
  guard: RequestHandler | undefined;
}

/** Own files and nothing inline: a script injected into a shown value could not run. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Refuses requests a page of another origin makes (a fetch, a <script src>, a frame): browsers
 * say where a request comes from in Sec-Fetch-Site (and Origin). Another port on localhost is
 * another origin — the frontend the developer works on — so even --cors-origin does not open it.
 */
const sameOriginOnly: RequestHandler = (req, res, next) => {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (origin !== undefined) {
    try {
      foreign ||= new URL(origin).host !== req.headers.host;
    } catch {
      foreign = true;
    }
  }
  if (foreign) {
    // The front's CORS may have let an origin named in --cors-origin in: not here.
    for (const name of [
      'Access-Control-Allow-Origin',
      'Access-Control-Allow-Credentials',
      'Access-Control-Expose-Headers',
    ])
      res.removeHeader(name);
    res.status(403).type('text/plain').send('The console is served to its own origin only.');
    return;
  }
  next();
};

/** The /__mock/console router. */
export function createConsoleRouter({ state, sync, journalSize, guard }: ConsoleParts): Router {
  const router = express.Router();
  // Found when the console is first asked for: resolving the chart packages cost every start some 10 ms.
  let assets: ReadonlyMap<string, string> | undefined;
  const asset = (name: string) => {
    assets ??= consoleAssets();
    return assets.get(name);
  };
  router.use(sameOriginOnly, (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.get('/', (_req, res) => {
    res.sendFile(asset('index.html') as string);
  });
  router.get('/assets/:file', (req, res) => {
    const file = req.params.file === 'index.html' ? undefined : asset(req.params.file);
    if (!file) {
      res.status(404).type('text/plain').send(`No console file named '${req.params.file}'.`);
      return;
    }
    res.sendFile(file);
  });
  router.get('/events', ...(guard ? [guard] : []), consoleEvents(state, sync, journalSize));
  router.use((req, res) => {
    res
      .status(404)
      .type('text/plain')
      .send(`Nothing at /__mock/console${req.path}; the console is at /__mock/console.`);
  });
  return router;
}
