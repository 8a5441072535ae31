/**
 * CSV records written straight into UTF-8 bytes, field by field. A day is tens of thousands of
 * records: building each as a string (a rope of ~56 pieces that the encoder must flatten first) cost
 * more than generating the rows. Recurring texts are encoded once per delimiter and copied; ids,
 * numbers and timestamps are written byte by byte. The bytes are those of csv.ts's csvField.
 */
import { csvField } from './csv.js';
import { isoMs, MS_HOUR, YEAR_10000 } from './time.js';
import { Utf8Chunk } from './utf8-chunk.js';

/** Delimiters no id, number or timestamp holds: with one of them such fields need no quoting test. */
const PLAIN_DELIMITERS = new Set([',', '|', ';', '\t']);

// Recurring texts (catalog answers, JSON columns of articles, pages and dialogs) as written, per
// delimiter; cleared when full, so memory stays bounded.
const encoded = new Map<string, Map<string, Uint8Array>>();
const ENCODED_LIMIT = 10_000;

const CRLF = Buffer.from('\r\n');

/** A chunk of CSV records: fields are appended one at a time, the delimiter between them. */
export class CsvChunk extends Utf8Chunk {
  private readonly known: Map<string, Uint8Array>;
  private readonly delimiterBytes: Buffer;
  /** The delimiter's one byte, or -1 when it is longer. */
  private readonly delimiterByte: number;
  private readonly plain: boolean;
  private atRecordStart = true;
  // The ISO prefix of the last hour a timestamp fell in ("2025-02-28T09:"): rows come in time order.
  private prefixHour = Number.NaN;
  private prefix = Buffer.alloc(0);

  constructor(
    private readonly delimiter: string,
    expectedBytes?: number,
  ) {
    super(expectedBytes);
    let known = encoded.get(delimiter);
    if (!known) {
      known = new Map();
      encoded.set(delimiter, known);
    }
    this.known = known;
    this.delimiterBytes = Buffer.from(delimiter);
    this.delimiterByte = this.delimiterBytes.length === 1 ? (this.delimiterBytes[0] as number) : -1;
    this.plain = PLAIN_DELIMITERS.has(delimiter);
  }

  private separate(): void {
    if (this.atRecordStart) {
      this.atRecordStart = false;
      return;
    }
    if (this.delimiterByte < 0) {
      this.addBytes(this.delimiterBytes);
      return;
    }
    this.reserve(1);
    this.buffer[this.length++] = this.delimiterByte;
  }

  /** A text that recurs from record to record: encoded (and quoted where needed) once. */
  field(value: string): void {
    this.separate();
    let bytes = this.known.get(value);
    if (bytes === undefined) {
      bytes = Buffer.from(csvField(value, this.delimiter));
      if (this.known.size >= ENCODED_LIMIT) this.known.clear();
      this.known.set(value, bytes);
    }
    if (bytes.length > 0) this.addBytes(bytes);
  }

  /** A text seen once or a few times (user info): quoted where needed and encoded, not remembered. */
  text(value: string): void {
    this.separate();
    this.add(csvField(value, this.delimiter));
  }

  /**
   * An ASCII text that never holds a quote, a line break or a plain delimiter (ids, numbers):
   * copied as it is, or quoted where needed with any other delimiter.
   */
  plainText(value: string): void {
    if (!this.plain) {
      this.text(value);
      return;
    }
    this.separate();
    const n = value.length;
    this.reserve(n);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) buffer[at++] = value.charCodeAt(i);
    this.length = at;
  }

  /** A whole number as String(n) writes it. */
  integer(n: number): void {
    if (!(Number.isSafeInteger(n) && n >= 0) || !this.plain) {
      this.plainText(String(n));
      return;
    }
    this.separate();
    this.reserve(16);
    const buffer = this.buffer;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    let rest = n;
    do {
      const next = Math.floor(rest / 10);
      buffer[--at] = 48 + (rest - next * 10);
      rest = next;
    } while (rest > 0);
  }

  /** An instant as isoMs writes it (2025-02-28T09:41:07.123Z). */
  isoMs(ms: number): void {
    if (!(ms >= 0 && ms < YEAR_10000 && Number.isInteger(ms)) || !this.plain) {
      this.plainText(isoMs(ms));
      return;
    }
    const hour = Math.floor(ms / MS_HOUR);
    if (hour !== this.prefixHour) {
      this.prefixHour = hour;
      this.prefix = Buffer.from(isoMs(hour * MS_HOUR).slice(0, 14), 'latin1');
    }
    this.separate();
    this.reserve(24);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < 14; i++) buffer[at++] = this.prefix[i] as number;
    let rest = ms - hour * MS_HOUR;
    const minute = Math.floor(rest / 60_000);
    rest -= minute * 60_000;
    const second = Math.floor(rest / 1000);
    rest -= second * 1000;
    at = twoDigits(buffer, at, minute);
    buffer[at++] = 58; // :
    at = twoDigits(buffer, at, second);
    buffer[at++] = 46; // .
    buffer[at++] = 48 + Math.floor(rest / 100);
    at = twoDigits(buffer, at, rest % 100);
    buffer[at++] = 90; // Z
    this.length = at;
  }

  /** Ends the record (CRLF); the next field starts a new one. */
  endRecord(): void {
    this.addBytes(CRLF);
    this.atRecordStart = true;
  }
}

function twoDigits(buffer: Buffer, at: number, n: number): number {
  const tens = Math.floor(n / 10);
  buffer[at] = 48 + tens;
  buffer[at + 1] = 48 + (n - tens * 10);
  return at + 2;
}
