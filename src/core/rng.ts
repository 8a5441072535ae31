/** Seeded, derivable pseudo-random numbers: any piece of data gets its own stream from a key. */

const HEX = '0123456789abcdef';
const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));
const DASH = 0x2d;
const VERSION_4 = 0x34;

/** The character code of the hex digit of `n` at bit `shift` (0, 4, … 28). */
function digit(n: number, shift: number): number {
  return HEX_CODES[(n >>> shift) & 15] as number;
}

/** One key part: the seed, an API name, a tenant, an hour index… */
export type KeyPart = string | number;

const FNV_OFFSET = 0x811c9dc5;

/**
 * The FNV-1a state after some key parts: `hashFrom(hashState(...a), ...b)` is `hashKey(...a, ...b)`,
 * so keys sharing a prefix (seed, API, tenant…) hash it once.
 */
export function hashState(...parts: readonly KeyPart[]): number {
  return absorb(FNV_OFFSET, parts);
}

function absorb(state: number, parts: readonly KeyPart[]): number {
  let h = state;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // separator, so ('ab','c') and ('a','bc') differ
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash of a key whose first parts were absorbed into `state` (see hashState). */
export function hashFrom(state: number, ...parts: readonly KeyPart[]): number {
  let h = absorb(state, parts);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the parts, then a murmur3 finaliser: a well-mixed 32-bit hash of a key. */
export function hashKey(...parts: readonly KeyPart[]): number {
  return hashFrom(FNV_OFFSET, ...parts);
}

/** A small, fast generator (mulberry32) with the helpers generators need. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream derived from a key: independent of every other key, reproducible from the key alone. */
  static derive(...parts: readonly KeyPart[]): Rng {
    return new Rng(hashKey(...parts));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick needs a non-empty list');
    return item;
  }

  /** Index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson-distributed count with mean lambda (exact for small means, normal approximation above 60). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Binomial count of n trials with probability p (exact below 40 trials, normal approximation above). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    return Math.min(n, Math.max(0, Math.round(mean + sd * this.normal())));
  }

  /**
   * A random RFC 4122 version-4 UUID drawn from this stream: words a, b, c, d as
   * `aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd` (b's fifth digit gives way to the version, c's first two
   * bits to the variant V). Made in one piece from character codes: a DigitalCX CSV day draws one per
   * row, and joining it from hex pieces allocated ~850 bytes of short strings per uuid.
   */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    // biome-ignore format: one line per part of the uuid
    return String.fromCharCode(
      digit(a, 28), digit(a, 24), digit(a, 20), digit(a, 16), digit(a, 12), digit(a, 8), digit(a, 4), digit(a, 0),
      DASH, digit(b, 28), digit(b, 24), digit(b, 20), digit(b, 16),
      DASH, VERSION_4, digit(b, 8), digit(b, 4), digit(b, 0),
      DASH, HEX_CODES[((c >>> 28) & 0x3) | 0x8] as number, digit(c, 24), digit(c, 20), digit(c, 16),
      DASH, digit(c, 12), digit(c, 8), digit(c, 4), digit(c, 0),
      digit(d, 28), digit(d, 24), digit(d, 20), digit(d, 16), digit(d, 12), digit(d, 8), digit(d, 4), digit(d, 0),
    );
  }

  /** A lower-case hex string of the given length. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

/** Splits a total into parts proportional to weights, exactly (the parts always add up to the total). */
export function splitCount(total: number, weights: readonly number[], rng: Rng): number[] {
  const parts = new Array<number>(weights.length).fill(0);
  let remaining = total;
  let weightLeft = 0;
  for (const w of weights) weightLeft += w;
  for (let i = 0; i < weights.length - 1 && remaining > 0; i++) {
    const w = weights[i] ?? 0;
    const share = weightLeft > 0 ? w / weightLeft : 0;
    const k = rng.binomial(remaining, share);
    parts[i] = k;
    remaining -= k;
    weightLeft -= w;
  }
  if (weights.length > 0) parts[weights.length - 1] = (parts[weights.length - 1] ?? 0) + remaining;
  return parts;
}

/**
 * Draws `k` items without replacement from categories holding `counts` items: the result never
 * exceeds a category's count and always sums to k (k must not exceed the total).
 */
export function drawWithoutReplacement(counts: readonly number[], k: number, rng: Rng): number[] {
  const out = new Array<number>(counts.length).fill(0);
  let left = counts.reduce((a, b) => a + b, 0);
  let wanted = Math.min(k, left);
  for (let i = 0; i < counts.length && wanted > 0; i++) {
    const n = counts[i] as number;
    const rest = left - n;
    // Take at least what the later categories cannot hold, at most what this one holds.
    const lowest = Math.max(0, wanted - rest);
    const highest = Math.min(n, wanted);
    const take = Math.min(highest, Math.max(lowest, rng.binomial(wanted, left > 0 ? n / left : 0)));
    out[i] = take;
    wanted -= take;
    left = rest;
  }
  return out;
}
