import type { Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../src/core/journal.js';
import { ControlHub } from '../../../src/server/cluster/hub.js';
import type { Ask, FromPrimary, Outcome, WorkerEntry } from '../../../src/server/cluster/messages.js';

/** A stand-in for a forked worker: records what the primary sends, emits what the worker would. */
class FakeWorker extends EventEmitter {
  readonly sent: FromPrimary[] = [];
  readonly process: { pid: number };
  connected = true;

  constructor(readonly id: number) {
    super();
    this.process = { pid: 1000 + id };
  }

  isConnected(): boolean {
    return this.connected;
  }

  send(message: FromPrimary): boolean {
    this.sent.push(message);
    return true;
  }

  ask(id: number, ask: Ask): void {
    this.emit('message', { mock: 'ask', id, ask });
  }

  /** Confirms every order it has not confirmed yet, with `value` (or with what `reply` says). */
  confirmAll(reply: (order: FromPrimary & { mock: 'order' }) => Outcome = () => ({ ok: true })): void {
    for (const message of this.sent.splice(0)) {
      if (message.mock === 'order')
        this.emit('message', { mock: 'done', id: message.id, outcome: reply(message) });
      else this.sent.push(message);
    }
  }

  orders(): string[] {
    return this.sent.flatMap((m) => (m.mock === 'order' ? [m.order.kind] : []));
  }

  answers(): Outcome[] {
    return this.sent.flatMap((m) => (m.mock === 'answer' ? [m.outcome] : []));
  }
}

async function hubWith(count: number, journalSize = 1000) {
  const lines: string[] = [];
  const hub = new ControlHub(journalSize, (line) => lines.push(line));
  const workers = Array.from({ length: count }, (_, i) => new FakeWorker(i + 1));
  for (const worker of workers) {
    hub.attach(worker as unknown as Worker);
    worker.ask(1, { kind: 'join' });
    await tick();
    worker.confirmAll();
    await tick();
    worker.sent.length = 0;
  }
  return { hub, workers, lines };
}

function entry(worker: number, id: number, url: string, arrivedNs: number): WorkerEntry {
  const base: JournalEntry = {
    id,
    receivedAt: '2025-03-01T12:00:00.000Z',
    method: 'GET',
    url,
    api: null,
    operationId: null,
    scenario: null,
    headers: {},
    status: 200,
    fault: null,
    durationMs: 1,
    responseHeaders: null,
    responseBytes: null,
  };
  return { entry: { ...base, worker }, arrivedNs };
}

describe('ControlHub (the cluster primary)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a scenario switch only once every worker has confirmed it', async () => {
    const { workers } = await hubWith(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    a.ask(7, { kind: 'change', change: { kind: 'scenario', name: 'empty' } });
    await tick();
    expect(a.orders()).toEqual(['scenario']);
    expect(b.orders()).toEqual(['scenario']);
    a.confirmAll();
    await tick();
    expect(a.answers()).toEqual([]);
    b.confirmAll();
    await tick();
    expect(a.answers()).toEqual([{ ok: true }]);
  });

  it('applies changes one at a time: the next is sent once the one before is confirmed', async () => {
    const { workers } = await hubWith(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    a.ask(1, { kind: 'change', change: { kind: 'scenario', name: 'empty' } });
    b.ask(1, { kind: 'change', change: { kind: 'forget' } });
    await tick();
    expect(b.orders()).toEqual(['scenario']);
    a.confirmAll();
    b.confirmAll();
    await tick();
    expect(b.orders()).toEqual(['forget']);
  });

  it("passes a worker's refusal back to the worker that asked", async () => {
    const { workers } = await hubWith(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    a.ask(1, { kind: 'change', change: { kind: 'scenario', name: 'gone' } });
    await tick();
    const refusal: Outcome = { ok: false, status: 400, message: "Unknown scenario 'gone'.", code: 'x' };
    a.confirmAll(() => refusal);
    b.confirmAll(() => refusal);
    await tick();
    expect(a.answers()).toEqual([refusal]);
  });

  it('stops waiting for a worker that exits, and answers with the others', async () => {
    const { hub, workers } = await hubWith(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    a.ask(1, { kind: 'change', change: { kind: 'forget' } });
    await tick();
    a.confirmAll();
    hub.detach(b as unknown as Worker);
    await tick();
    expect(a.answers()).toEqual([{ ok: true }]);
  });

  it('answers 503 when a worker does not confirm in time', async () => {
    vi.useFakeTimers();
    const { workers } = await hubWith(2);
    const [a] = workers as [FakeWorker, FakeWorker];
    a.ask(1, { kind: 'change', change: { kind: 'forget' } });
    await vi.advanceTimersByTimeAsync(0);
    a.confirmAll();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(a.answers()).toEqual([
      expect.objectContaining({
        ok: false,
        status: 503,
        message: expect.stringMatching(/Worker 1002 did not confirm/),
      }),
    ]);
  });

  it('brings a late worker up to date with the scenario switched to before it joined', async () => {
    const { hub, workers } = await hubWith(1);
    const [a] = workers as [FakeWorker];
    a.ask(1, { kind: 'change', change: { kind: 'scenario', name: 'empty' } });
    await tick();
    a.confirmAll();
    await tick();
    const late = new FakeWorker(9);
    hub.attach(late as unknown as Worker);
    late.ask(1, { kind: 'join' });
    await tick();
    expect(late.sent).toEqual([
      { mock: 'order', id: expect.any(Number), order: { kind: 'sync', scenario: 'empty', reload: false } },
    ]);
    late.confirmAll();
    await tick();
    expect(late.answers()).toEqual([{ ok: true }]);
    // From now on it gets the changes too.
    a.ask(2, { kind: 'change', change: { kind: 'forget' } });
    await tick();
    expect(late.orders()).toEqual(['forget']);
  });

  it('merges the journals in arrival order and keeps the last journalSize entries', async () => {
    const { workers } = await hubWith(2, 3);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    a.ask(1, { kind: 'journal' });
    await tick();
    a.confirmAll(() => ({ ok: true, value: [entry(1001, 1, '/1', 10), entry(1001, 2, '/3', 30)] }));
    b.confirmAll(() => ({ ok: true, value: [entry(1002, 1, '/2', 20), entry(1002, 2, '/4', 40)] }));
    await tick();
    const [answer] = a.answers();
    expect(answer?.ok).toBe(true);
    const merged = (answer as { value: (JournalEntry & { worker: number })[] }).value;
    expect(merged.map((e) => [e.url, e.worker])).toEqual([
      ['/2', 1002],
      ['/3', 1001],
      ['/4', 1002],
    ]);
  });

  it('counts attempts once for every worker, and restarts the counts with a change', async () => {
    const { workers } = await hubWith(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    const attempt: Ask = { kind: 'attempt', scenario: 'flaky', request: 'GET /x' };
    a.ask(1, attempt);
    b.ask(1, attempt);
    a.ask(2, attempt);
    expect([...a.answers(), ...b.answers()].map((o) => (o as { value: number }).value)).toEqual([1, 3, 2]);
    b.ask(2, { kind: 'change', change: { kind: 'forget' } });
    await tick();
    a.confirmAll();
    b.confirmAll();
    await tick();
    a.sent.length = 0;
    a.ask(3, attempt);
    expect(a.answers()).toEqual([{ ok: true, value: 1 }]);
  });

  it('has every worker reload the scenario files and logs each distinct line once', async () => {
    const { hub, workers, lines } = await hubWith(2);
    hub.reload();
    await tick();
    for (const worker of workers)
      worker.confirmAll(() => ({ ok: true, value: "reloaded 17 scenarios; 'default' is in force." }));
    await tick();
    expect(lines).toEqual(["reloaded 17 scenarios; 'default' is in force."]);
  });
});
