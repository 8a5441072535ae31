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
