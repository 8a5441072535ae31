/** Latency: a fixed delay or a range, and the delay one request gets, seeded so that it is reproducible. */
import { hashKey, type KeyPart } from './rng.js';

/** A latency range in milliseconds (min = max for a fixed delay). */
export interface Latency {
  min: number;
  max: number;
}

/** The longest delay the mock adds (two minutes): longer ones are a stall, not a latency. */
export const MAX_LATENCY_MS = 120_000;

/** What a latency text may look like, for error messages. */
export const LATENCY_ACCEPTS = `milliseconds ("200") or a range ("100-400"), at most ${MAX_LATENCY_MS}`;

/** Parses "200" or "100-400"; undefined when the text is neither or the range is upside down or too long. */
export function parseLatency(text: string): Latency | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  return max < min || max > MAX_LATENCY_MS ? undefined : { min, max };
}

/** The delay for one request: a pure function of the range and the request's key (seed, method, URL…). */
export function delayFor(latency: Latency, ...key: readonly KeyPart[]): number {
  const { min, max } = latency;
  return min + (hashKey(...key, 'latency') % (max - min + 1));
}
