/** The request log: one structured JSON line per request (pino-http), at the configured level. */
import type { Request, RequestHandler, Response } from 'express';
import { type DestinationStream, type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../cli/config.js';
import type { RouteInfo } from './facts.js';
import { stdoutSink } from './log-sink.js';

/** Where a silent logger writes: nowhere (pino would otherwise open its own stdout stream). */
const NOWHERE: DestinationStream = { write() {} };

/**
 * The mock's logger: JSON lines on stdout unless a destination is given (tests capture it). Stdout
 * is written through the log sink (log-sink.ts): a log reader that goes away or falls behind costs
 * lines, never the server.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const to = destination ?? (level === 'silent' ? NOWHERE : stdoutSink());
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime }, to);
}

function routeOf(res: Response): { api?: string; operationId?: string } {
  const route = res.locals.route as RouteInfo | undefined;
  if (!route) return {};
  return route.operationId ? { api: route.api, operationId: route.operationId } : { api: route.api };
}

function summary(req: Request, res: Response): string {
  return `${req.method} ${req.originalUrl} ${res.statusCode}`;
}

/**
 * Logs each request once it is answered: method, URL, status, time, and the API operation it
 * reached. Health probes log at debug so a sidecar's health checks do not flood the log. A 5xx
 * the mock emulates (`Prefer: code=500`, a scenario) is not an error of the mock: it logs at info
 * without a stack; only a real failure (`res.err`, set by the app's error handler) logs at error.
 */
export function requestLog(logger: Logger): RequestHandler {
  const middleware = pinoHttp<Request, Response>({
    logger,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => {
      if (error || res.err) return 'error';
      return req.originalUrl === '/__mock/health' ? 'debug' : 'info';
    },
    customSuccessMessage: summary,
    customErrorMessage: summary,
    customSuccessObject: (_req, res, fields: Record<string, unknown>) => ({ ...fields, ...routeOf(res) }),
    customErrorObject: (_req, res, _error, fields: Record<string, unknown>) => {
      const { err, ...rest } = fields;
      return res.err ? { ...fields, ...routeOf(res) } : { ...rest, ...routeOf(res) };
    },
  });
  return (req, res, next) => middleware(req, res, next);
}
