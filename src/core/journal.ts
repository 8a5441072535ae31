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
}

/** Keeps the last `limit` entries; older ones fall off. */
export class Journal {
  private readonly entries: JournalEntry[] = [];
  private nextId = 1;

  constructor(private readonly limit: number) {}

  /** Records a request and returns its entry, to be completed when the response ends. */
  add(entry: Omit<JournalEntry, 'id'>): JournalEntry {
    const full = { id: this.nextId++, ...entry };
    if (this.limit <= 0) return full;
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.shift();
    return full;
  }

  /** The entries, oldest first. */
  list(): JournalEntry[] {
    return [...this.entries];
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.length = 0;
  }
}
