/** Listening and stopping, shared by the CLI and startMockServer: timeouts, URLs, a graceful drain. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { capConnections } from './connection-cap.js';
import type { ServerClasses } from './express-classes.js';

/** How long a slow or stuck client may hold a connection (milliseconds). */
export interface Timeouts {
  /** Until the request's headers are complete (slowloris). */
  headers: number;
  /** Until the whole request is received. */
  request: number;
  /** An idle keep-alive connection. */
  keepAlive: number;
  /** How often Node checks the first two. */
  checkEvery: number;
}

/** The timeouts of a running mock. */
export const DEFAULT_TIMEOUTS: Timeouts = {
  headers: 10_000,
  request: 30_000,
  keepAlive: 5_000,
  checkEvery: 1_000,
};

/**
 * Starts listening; resolves once the port is bound, rejects with a message naming host and port.
 * `maxConnections` caps the open client connections (connection-cap.ts). A listener that names the
 * request and response classes it wants (the mock's, listener.ts) gets requests made with them.
 */
export function listen(
  listener: RequestListener & { readonly classes?: ServerClasses },
  port: number,
  host: string,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
  maxConnections = Number.POSITIVE_INFINITY,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Slow or stuck clients must not pin a connection forever.
    const server = createServer({
      headersTimeout: timeouts.headers,
      requestTimeout: timeouts.request,
      keepAliveTimeout: timeouts.keepAlive,
      connectionsCheckingInterval: timeouts.checkEvery,
      ...listener.classes,
    });
    server.on(
      'request',
      Number.isFinite(maxConnections) ? capConnections(server, maxConnections, listener) : listener,
    );
    server.once('listening', () => {
      // After start-up (e.g. EMFILE under a flood of connections): say so instead of crashing unheard.
      server.on('error', (error) =>
        process.stderr.write(`bot-analytics-mock: server error: ${error.message}\n`),
      );
      resolve(server);
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(`Failed to listen on ${host}:${port}: ${error.message}. Choose another --port or --host.`),
      );
    });
    server.listen(port, host);
  });
}

/** The server's base URL; a wildcard bind address is shown as localhost. */
export function baseUrl(server: Server, host: string): string {
  return baseUrlOf((server.address() as AddressInfo).port, host);
}

/** The base URL of a port on a bound host (the cluster primary knows its workers' port, not their server). */
export function baseUrlOf(port: number, host: string): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The base URL of each API, by name. */
export function apiUrls(base: string, names: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...names].map((name) => [name, `${base}/${name}`]));
}

/**
 * Stops accepting connections, lets requests in flight finish (idle keep-alive connections are
 * closed at once), and cuts whatever is still open after `graceMs`.
 */
export function drain(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    // Keep-alive connections go idle as their last response ends: close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    idle.unref();
    server.close(() => {
      clearTimeout(timer);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
