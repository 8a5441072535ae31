/** The cluster primary's side of the control plane: one queue of changes, applied by every worker before it is answered. */
import type { Worker } from 'node:cluster';
import type { JournalEntry } from '../../core/journal.js';
import { AttemptCounts } from '../control/attempt-counts.js';
import {
  type Ask,
  type Change,
  type FromPrimary,
  type FromWorker,
  isMockMessage,
  type Order,
  type Outcome,
  type WorkerEntry,
} from './messages.js';

/** How long the primary waits for every worker to confirm an order before it answers anyway, with a 503. */
const CONFIRM_MS = 10_000;

/** One order in flight: the workers that have not confirmed yet, and what those that did said. */
interface Pending {
  waiting: Set<number>;
  outcomes: Map<number, Outcome>;
  settle: () => void;
}

function send(worker: Worker, message: FromPrimary): void {
  // A worker that just died cannot be told anything; its exit detaches it.
  if (worker.isConnected()) worker.send(message);
}

/**
 * Keeps the workers agreeing. Changes (scenario switch, journal reset, scenario reload, a late
 * worker's catch-up) run one at a time, in one order, and each is confirmed by every worker before
 * the worker that asked is answered. Attempt counts are kept here, once for every worker, so a
 * request's attempt number does not depend on which worker gets it.
 */
export class ControlHub {
  private readonly members = new Map<number, Worker>();
  private readonly attempts = new AttemptCounts();
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;
  /** The scenario switched to at run time, for workers that join later. */
  private scenario: string | undefined;
  private reloaded = false;

  constructor(
    private readonly journalSize: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Listens to a forked worker's asks and confirmations. */
  attach(worker: Worker): void {
    worker.on('message', (message: unknown) => {
      if (!isMockMessage<FromWorker>(message)) return;
      if (message.mock === 'ask') this.onAsk(worker, message.id, message.ask);
      else if (message.mock === 'done') this.onDone(worker, message.id, message.outcome);
    });
  }

  /** A worker exited: it gets no more orders, and no order waits for it any longer. */
  detach(worker: Worker): void {
    this.members.delete(worker.id);
    for (const pending of this.pending.values()) {
      pending.waiting.delete(worker.id);
      if (pending.waiting.size === 0) pending.settle();
    }
  }

  /** Has every worker reload the scenario files (--watch) and logs what they say, once per distinct line. */
  reload(): void {
    this.enqueue(async () => {
      this.reloaded = true;
      this.attempts.clear();
      const outcomes = await this.broadcast({ kind: 'reload' }, [...this.members.values()]);
      const lines = new Set([...outcomes.values()].map((o) => (o.ok ? String(o.value) : o.message)));
      for (const line of lines) this.log(line);
    });
  }

  private onAsk(worker: Worker, id: number, ask: Ask): void {
    const answer = (outcome: Outcome) => send(worker, { mock: 'answer', id, outcome });
    switch (ask.kind) {
      case 'attempt':
        answer({ ok: true, value: this.attempts.next(ask.scenario, ask.request) });
        return;
      case 'join':
        this.enqueue(async () => {
          const sync: Change = { kind: 'sync', scenario: this.scenario, reload: this.reloaded };
          const outcome = (await this.broadcast(sync, [worker])).get(worker.id);
          if (outcome && !outcome.ok) this.log(`worker ${worker.process.pid}: ${outcome.message}`);
          else if (outcome?.value) this.log(String(outcome.value));
          this.members.set(worker.id, worker);
          answer({ ok: true });
        });
        return;
      case 'change':
        this.enqueue(async () => {
          // Counts restart with the change, before any worker serves under it.
          this.attempts.clear();
          const outcomes = await this.broadcast(ask.change, [...this.members.values()]);
          const failed = [...outcomes.values()].find((o) => !o.ok);
          if (!failed && ask.change.kind === 'scenario') this.scenario = ask.change.name;
          answer(failed ?? { ok: true });
        });
        return;
      case 'journal':
        this.enqueue(async () => {
          const outcomes = await this.broadcast({ kind: 'journal' }, [...this.members.values()]);
          const failed = [...outcomes.values()].find((o) => !o.ok);
          answer(failed ?? { ok: true, value: this.merge(outcomes) });
        });
        return;
    }
  }

  private onDone(worker: Worker, id: number, outcome: Outcome): void {
    const pending = this.pending.get(id);
    if (!pending?.waiting.delete(worker.id)) return;
    pending.outcomes.set(worker.id, outcome);
    if (pending.waiting.size === 0) pending.settle();
  }

  /** Runs a job after the ones before it; a failing job does not stop the queue. */
  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((error: unknown) => this.log(`control error: ${String(error)}`));
  }

  /** Sends an order to the workers and resolves with each one's outcome; a worker silent past CONFIRM_MS gets a 503. */
  private broadcast(order: Order, workers: Worker[]): Promise<Map<number, Outcome>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const pending: Pending = {
        waiting: new Set(workers.map((w) => w.id)),
        outcomes: new Map(),
        settle: () => {
          clearTimeout(timer);
          this.pending.delete(id);
          resolve(pending.outcomes);
        },
      };
      const timer = setTimeout(() => {
        for (const silent of pending.waiting) {
          const pid = workers.find((w) => w.id === silent)?.process.pid;
          pending.outcomes.set(silent, {
            ok: false,
            status: 503,
            message: `Worker ${pid} did not confirm within ${CONFIRM_MS / 1000} s; the change may not be in force in every worker. Please retry.`,
          });
        }
        pending.settle();
      }, CONFIRM_MS);
      this.pending.set(id, pending);
      if (pending.waiting.size === 0) pending.settle();
      for (const worker of workers) send(worker, { mock: 'order', id, order });
    });
  }

  /** The workers' journals as one, in arrival order, keeping the last `journalSize` like one process would. */
  private merge(outcomes: Map<number, Outcome>): JournalEntry[] {
    const all = [...outcomes.values()].flatMap((o) => (o.ok ? (o.value as WorkerEntry[]) : []));
    all.sort(
      (a, b) => a.arrivedNs - b.arrivedNs || a.entry.worker - b.entry.worker || a.entry.id - b.entry.id,
    );
    return all.slice(Math.max(0, all.length - this.journalSize)).map((e) => e.entry);
  }
}
