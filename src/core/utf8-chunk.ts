/**
 * A chunk of UTF-8 bytes built from many strings, written into one growing Buffer: joining tens of
 * thousands of records into one string and encoding it cost three times as much (the join flattens
 * every record again, and a record with a character beyond Latin-1 makes the whole string two-byte).
 */
export class Utf8Chunk {
  protected buffer: Buffer;
  protected length = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, expectedBytes));
  }

  /** Makes room for `bytes` more bytes. */
  protected reserve(bytes: number): void {
    if (this.buffer.length - this.length >= bytes) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  /** Appends a string's UTF-8 bytes. */
  add(text: string): void {
    // A UTF-16 code unit never takes more than three UTF-8 bytes.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Appends bytes already encoded. */
  addBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** How many bytes so far. */
  get byteLength(): number {
    return this.length;
  }

  /** The bytes so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
