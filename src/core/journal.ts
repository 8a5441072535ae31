/** A bounded ring buffer of received requests, for verification in tests (`GET /__mock/requests`). */

/** One journal entry. */
export interface JournalEntry {
  id: number;
  receivedAt: string;
  method: string;
  url: string;
  api: string | null;
  operationId: string | null;
  /** The scenario the request saw. */
  scenario: string | null;
  headers: Record<string, string>;
  /** Null while in flight, and for a response whose head was never sent (a reset or stall). */
  status: number | null;
  /** The fault a scenario injected (`reset`, `truncate`, `stall`), if any. */
  fault: string | null;
  durationMs: number | null;
  /** With --workers, the pid of the worker that received it (`pid` in its /__mock/health). */
  worker?: number;
}

/** Request headers as Node hands them over (a repeated header is a list). */
export type RawHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * What is recorded while a request is served: its entry in the raw form it is cheapest to keep
 * (the receive time as epoch ms, the headers object as received); list() formats them.
 */
export interface JournalRecord extends Omit<JournalEntry, 'id' | 'receivedAt' | 'headers' | 'worker'> {
  receivedAtMs: number;
  /** process.hrtime at arrival: a monotonic clock shared by the processes of one host, to merge journals. */
  receivedAtNs: bigint;
  headers: RawHeaders;
}

/** An entry with its arrival on the monotonic clock (ns), for merging the journals of several processes. */
export interface TimedEntry {
  entry: JournalEntry;
  arrivedNs: number;
}

function headerRecord(headers: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function entryOf(id: number, r: JournalRecord): JournalEntry {
  return {
    id,
    receivedAt: new Date(r.receivedAtMs).toISOString(),
    method: r.method,
    url: r.url,
    api: r.api,
    operationId: r.operationId,
    scenario: r.scenario,
    headers: headerRecord(r.headers),
    status: r.status,
    fault: r.fault,
    durationMs: r.durationMs,
  };
}

/** Keeps the last `limit` records in a ring; older ones are overwritten. */
export class Journal {
  private readonly ring: { id: number; record: JournalRecord }[] = [];
  private nextId = 1;
  private next = 0;

  constructor(private readonly limit: number) {}

  /** Records a request and returns its record, to be completed when the response ends. */
  add(record: JournalRecord): JournalRecord {
    const id = this.nextId++;
    if (this.limit <= 0) return record;
    this.ring[this.next] = { id, record };
    this.next = (this.next + 1) % this.limit;
    return record;
  }

  /** The entries, oldest first. */
  list(): JournalEntry[] {
    return this.ordered().map(({ id, record }) => entryOf(id, record));
  }

  /** The entries, oldest first, each with its arrival on the monotonic clock (see TimedEntry). */
  timed(): TimedEntry[] {
    return this.ordered().map(({ id, record }) => ({
      entry: entryOf(id, record),
      arrivedNs: Number(record.receivedAtNs),
    }));
  }

  private ordered(): { id: number; record: JournalRecord }[] {
    const full = this.ring.length === this.limit;
    return full ? [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)] : this.ring;
  }

  /** Forgets every entry. */
  clear(): void {
    this.ring.length = 0;
    this.next = 0;
  }
}
