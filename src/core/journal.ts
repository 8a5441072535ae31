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
  /** The response's headers as sent; null while in flight and for a response whose head was never sent. */
  responseHeaders: Record<string, string> | null;
  /** Bytes written to the connection for the response, head included; null while in flight. */
  responseBytes: number | null;
  /** With --workers, the pid of the worker that received it (`pid` in its /__mock/health). */
  worker?: number;
}

/** Headers as Node hands them over (a repeated header is a list; a response's may be a number). */
export type RawHeaders = Readonly<Record<string, string | string[] | number | undefined>>;

/** A response's headers as one `writeHead` list: `[name, value, name, value, …]`, names as spelled. */
export type FlatHeaders = readonly (string | number | readonly string[])[];

/**
 * What is recorded while a request is served: its entry in the raw form it is cheapest to keep
 * (the receive time as epoch ms, the headers object as received); list() formats them.
 */
export interface JournalRecord
  extends Omit<JournalEntry, 'id' | 'receivedAt' | 'headers' | 'responseHeaders' | 'worker'> {
  receivedAtMs: number;
  /**
   * process.hrtime at arrival, in ns: a monotonic clock shared by the processes of one host, to merge
   * journals. A number, not the BigInt hrtime gives: the ring keeps one fewer object per request
   * (a double is exact to well under a microsecond here, and merging read it as a number anyway).
   */
  receivedAtNs: number;
  headers: RawHeaders;
  /** As `getHeaders()` gives them, or the list a held answer's head was written with. */
  responseHeaders: RawHeaders | FlatHeaders | null;
}

/** Told of each request once it has been answered (the console's live list). */
export type JournalWatcher = (entry: JournalEntry) => void;

/** An entry with its arrival on the monotonic clock (ns), for merging the journals of several processes. */
export interface TimedEntry {
  entry: JournalEntry;
  arrivedNs: number;
}

/** One value as a header record holds it: a repeated header's values joined. */
function joinedValue(v: string | number | readonly string[]): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function headerRecord(headers: RawHeaders | FlatHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  // A list: names in lower case, as getHeaders() gives them.
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      out[String(headers[i]).toLowerCase()] = joinedValue(
        headers[i + 1] as string | number | readonly string[],
      );
    return out;
  }
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
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
    responseHeaders: r.responseHeaders && headerRecord(r.responseHeaders),
    responseBytes: r.responseBytes,
  };
}

/**
 * Keeps the last `limit` records in a ring; older ones are overwritten. A slot whose record is
 * complete takes the next record's values in place: the ring keeps its objects instead of one new
 * object per request that would outlive the young generation (a record still in flight keeps its
 * own object, and the slot a new one).
 */
export class Journal {
  /** The records and, at the same index, their ids: two flat arrays, no wrapper object per request. */
  private readonly ring: JournalRecord[] = [];
  private readonly ringIds: number[] = [];
  private nextId = 1;
  private next = 0;
  private readonly ids = new WeakMap<JournalRecord, number>();
  private readonly watchers = new Set<JournalWatcher>();

  constructor(private readonly limit: number) {}

  /** Records a request and returns its record (the caller's or a reused one), to be completed when the response ends. */
  add(record: JournalRecord): JournalRecord {
    const id = this.nextId++;
    let kept = record;
    if (this.limit > 0) {
      const slot = this.ring[this.next];
      // Complete (its duration is set last): nobody writes to it any more.
      if (slot !== undefined && slot.durationMs !== null) kept = Object.assign(slot, record);
      this.ring[this.next] = kept;
      this.ringIds[this.next] = id;
      this.next = (this.next + 1) % this.limit;
    }
    // A reused object's id is the new one, or none for the watchers (received while nobody watched).
    if (this.watchers.size > 0) this.ids.set(kept, id);
    else if (kept !== record) this.ids.delete(kept);
    return kept;
  }

  /** Called by whoever completed a record (the response ended): tells the watchers, if any. */
  answered(record: JournalRecord): void {
    if (this.watchers.size === 0) return;
    const id = this.ids.get(record);
    if (id === undefined) return; // received before anyone watched
    const entry = entryOf(id, record);
    for (const watcher of this.watchers) watcher(entry);
  }

  /** Calls `watcher` with each request answered from now on; returns how to stop. */
  watch(watcher: JournalWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** The entries, oldest first. */
  list(): JournalEntry[] {
    return this.ordered().map(({ id, record }) => entryOf(id, record));
  }

  /** The entries, oldest first, each with its arrival on the monotonic clock (see TimedEntry). */
  timed(): TimedEntry[] {
    return this.ordered().map(({ id, record }) => ({
      entry: entryOf(id, record),
      arrivedNs: record.receivedAtNs,
    }));
  }

  private ordered(): { id: number; record: JournalRecord }[] {
    const n = this.ring.length;
    // Full: the oldest is the one `next` overwrites next.
    const start = n === this.limit ? this.next : 0;
    const out: { id: number; record: JournalRecord }[] = [];
    for (let i = 0; i < n; i++) {
      const at = (start + i) % n;
      out.push({ id: this.ringIds[at] as number, record: this.ring[at] as JournalRecord });
    }
    return out;
  }

  /** Forgets every entry. */
  clear(): void {
    this.ring.length = 0;
    this.ringIds.length = 0;
    this.next = 0;
  }
}
