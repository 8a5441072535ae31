/** The IPC messages between the cluster primary and its workers (--workers): control changes, asks, answers. */
import { MockError } from '../../core/errors.js';
import type { JournalEntry } from '../../core/journal.js';

/** A change of state every worker applies, in the one order the primary sends them. */
export type Change =
  | { kind: 'scenario'; name: string }
  | { kind: 'forget' }
  | { kind: 'reload' }
  /** To a worker joining late (a restart): the changes it missed that still matter. */
  | { kind: 'sync'; scenario: string | undefined; reload: boolean };

/** What the primary has a worker do: apply a change, or hand over its journal. */
export type Order = Change | { kind: 'journal' };

/** What a worker asks of the primary. */
export type Ask =
  /** Apply a scenario switch or a journal reset in every worker; answered once all have. */
  | { kind: 'change'; change: Extract<Change, { kind: 'scenario' | 'forget' }> }
  /** Every worker's journal, merged. */
  | { kind: 'journal' }
  /** The shared attempt count of a request. */
  | { kind: 'attempt'; scenario: string; request: string }
  /** Bring me up to date and send me the changes from now on (before listening). */
  | { kind: 'join' };

/** How an order or an ask went: a value, or an error to answer the client with. */
export type Outcome =
  | { ok: true; value?: unknown }
  | { ok: false; status: number; message: string; code?: string | undefined };

/** A journal entry as a worker hands it over: with its pid, and its arrival on the monotonic clock. */
export interface WorkerEntry {
  entry: JournalEntry & { worker: number };
  arrivedNs: number;
}

/** Messages from a worker to the primary. */
export type FromWorker =
  | { mock: 'ask'; id: number; ask: Ask }
  | { mock: 'done'; id: number; outcome: Outcome }
  | { mock: 'ready'; port: number; apis: string[]; scenario: string }
  | { mock: 'failed'; code: number; message: string };

/** Messages from the primary to a worker. */
export type FromPrimary =
  | { mock: 'answer'; id: number; outcome: Outcome }
  | { mock: 'order'; id: number; order: Order }
  | { mock: 'drain' };

/** Whether an IPC message is one of ours (Node's cluster sends its own on the same channel). */
export function isMockMessage<T extends { mock: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as T).mock === 'string';
}

/** The outcome of an error: a MockError keeps its status, message and code; anything else is a 500. */
export function failureOf(error: unknown): Outcome {
  if (error instanceof MockError)
    return { ok: false, status: error.status, message: error.message, code: error.code };
  return { ok: false, status: 500, message: `Internal error in the mock: ${(error as Error).message}` };
}

/** The MockError a failed outcome stands for. */
export function errorOf(outcome: Extract<Outcome, { ok: false }>): MockError {
  return new MockError(outcome.status, outcome.message, outcome.code ? { code: outcome.code } : {});
}
