#!/usr/bin/env node
/** The CLI entry: reads the config, listens, prints where everything is, and shuts down gracefully. */
import type { AddressInfo } from 'node:net';
import { isoMs } from '../core/time.js';
import { createMockApp } from './app.js';
import { ConfigError, configFromArgs, HELP } from './config.js';

function main(): void {
  let config: ReturnType<typeof configFromArgs>;
  try {
    config = configFromArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`bot-analytics-mock: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (config === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const cfg = config;
  const { app, state, specs } = createMockApp(cfg);
  const server = app.listen(cfg.port, cfg.host);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      `bot-analytics-mock: failed to listen on ${cfg.host}:${cfg.port}: ${error.message}\n`,
    );
    process.exit(1);
  });
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;
    const base = `http://${host}:${port}`;
    const lines = [
      `bot-analytics-mock listening on ${base}`,
      ...[...specs.keys()].map((name) => `  ${name.padEnd(12)} ${base}/${name}`),
      `  seed ${cfg.seed} · clock ${cfg.now === undefined ? 'real' : isoMs(cfg.now)} · scenario ${state.scenario.name}`,
      cfg.admin ? `  control plane ${base}/__mock/health` : '  control plane disabled (--no-admin)',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`bot-analytics-mock: ${signal} received, draining\n`);
    server.close(() => process.exit(0));
    // Keep-alive connections go idle as their last response ends: close them as they do.
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
