/** Requests born Express's (front/express-classes.ts): no prototype swap per request, the same answers. */
import { IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expressClasses } from '../../../src/server/front/express-classes.js';
import { drain, listen } from '../../../src/server/front/listen.js';
import { testApp } from '../../support/app.js';
import { closeServers, sendRaw, serve } from '../../support/wire.js';

const MONTH = '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day';
const BEARER = { authorization: 'Bearer lane' };
const listening: Server[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await closeServers();
  await Promise.all(listening.splice(0).map((server) => drain(server, 100)));
});

describe('expressClasses', () => {
  it("makes Node's requests and responses with the app's request and response methods", () => {
    const app = express();
    const classes = expressClasses(app);
    const req = new classes.IncomingMessage(null as never);
    const res = new classes.ServerResponse(req);
    expect(Object.prototype.isPrototypeOf.call(app.request, req)).toBe(true);
    expect(Object.prototype.isPrototypeOf.call(app.response, res)).toBe(true);
    expect(req).toBeInstanceOf(IncomingMessage);
    expect(res).toBeInstanceOf(ServerResponse);
    // Express's methods, and Node's constructors ran: the stream and message state is there.
    expect(typeof (req as unknown as express.Request).get).toBe('function');
    expect(typeof (res as unknown as express.Response).json).toBe('function');
    expect(req.headers).toEqual({});
    expect(res.statusCode).toBe(200);
    expect(res.req).toBe(req);
  });
});

describe('a server made by listen() for the mock', () => {
  async function listenTo(listener: Parameters<typeof listen>[0]): Promise<number> {
    const server = await listen(listener, 0, '127.0.0.1');
    listening.push(server);
    return (server.address() as AddressInfo).port;
  }

  it('swaps no prototype on an API request, computed or held, and answers as a plain server does', async () => {
    const born = await listenTo(testApp({ responseCacheBytes: 0 }).listener);
    const heldBorn = await listenTo(testApp().listener);
    const plain = await serve(testApp({ responseCacheBytes: 0 }));
    const swap = vi.spyOn(Object, 'setPrototypeOf');
    const computed = await sendRaw(born, MONTH, BEARER);
    const held = [await sendRaw(heldBorn, MONTH, BEARER), await sendRaw(heldBorn, MONTH, BEARER)];
    expect(swap).not.toHaveBeenCalled();
    const reference = await sendRaw(plain, MONTH, BEARER);
    // The plain server's requests are Node's own: they get Express's prototypes swapped in.
    expect(swap).toHaveBeenCalled();
    expect(reference.status).toBe(200);
    expect(computed).toEqual(reference);
    for (const answer of held) expect(answer).toEqual(reference);
  });

  it('serves the control plane, the docs, an unknown path and a bad API request as a plain server does', async () => {
    const born = await listenTo(testApp().listener);
    const plain = await serve(testApp());
    for (const path of ['/__mock/health', '/docs', '/nowhere', '/chatbotcom/reports/conversations?from=x']) {
      const answer = await sendRaw(born, path, BEARER);
      expect(answer).toEqual(await sendRaw(plain, path, BEARER));
    }
  });
});
