/** Issue 20 item 5: --max-connections holds the open connections to a cap and still serves a normal client. */
import type { RequestListener, Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, drain, listen } from '../../../src/server/front/listen.js';
import { testApp } from '../../support/app.js';

const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => drain(server, 100)));
});

async function start(listener: RequestListener, maxConnections: number): Promise<number> {
  const server = await listen(listener, 0, '127.0.0.1', DEFAULT_TIMEOUTS, maxConnections);
  servers.push(server);
  return (server.address() as { port: number }).port;
}

/** A connection that sends part of a request head and then nothing (a slowloris trickler). */
function trickler(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET /__mock/health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      resolve(socket);
    });
    socket.on('error', () => {});
    sockets.push(socket);
  });
}

/** One raw request on a new connection; resolves with what came back (status line first). */
function rawGet(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    sockets.push(socket);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    socket.on('error', () => resolve(text));
    socket.on('close', () => resolve(text));
  });
}

/** A connection kept open after its requests (keep-alive), nothing sent yet. */
function keptAlive(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => {});
    sockets.push(socket);
  });
}

/** Sends one request on a kept-alive connection; resolves once its answer has come back. */
function answeredOn(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
  });
}

const closed = (socket: Socket) => new Promise((resolve) => socket.once('close', resolve));

describe('connection cap', () => {
  it('serves a normal client while slow sockets hold the cap, closing the oldest of them', async () => {
    const port = await start(testApp().listener, 5);
    const slow = [];
    for (let i = 0; i < 5; i++) slow.push(await trickler(port));
    const oldestClosed = closed(slow[0] as Socket);
    const answer = await rawGet(port, '/__mock/health');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    await oldestClosed;
    expect(slow.slice(1).every((socket) => !socket.destroyed)).toBe(true);
  });

  it('at the cap, closes the oldest connection without a request in flight: an answered keep-alive one, never one still answering', async () => {
    const held: (() => void)[] = [];
    const port = await start((req, res) => {
      if (req.url === '/hold') held.push(() => res.end('done'));
      else res.end('ok');
    }, 3);
    // The oldest connection has a request in flight; the next two were answered and stay open (keep-alive).
    const busy = await keptAlive(port);
    busy.write('GET /hold HTTP/1.1\r\nHost: x\r\n\r\n');
    while (held.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const idle = [await keptAlive(port), await keptAlive(port)];
    for (const socket of idle) await answeredOn(socket, '/quick');
    const idleClosed = closed(idle[0] as Socket);
    expect(await rawGet(port, '/new')).toMatch(/^HTTP\/1\.1 200 /);
    await idleClosed;
    expect(busy.destroyed).toBe(false);
    expect(idle[1]?.destroyed).toBe(false);
    // The one in flight is still answered.
    const last = new Promise<string>((resolve) =>
      busy.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    held[0]?.();
    expect(await last).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('refuses a connection with a 503 when every open one has a request in flight', async () => {
    const held: (() => void)[] = [];
    const port = await start((_req, res) => {
      held.push(() => res.end('done'));
    }, 3);
    const inFlight = [rawGet(port, '/a'), rawGet(port, '/b'), rawGet(port, '/c')];
    while (held.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = await rawGet(port, '/d');
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toContain('Connection: close');
    expect(refused).toContain('--max-connections');
    for (const release of held) release();
    for (const answer of await Promise.all(inFlight)) expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(held).toHaveLength(3);
  });
});
