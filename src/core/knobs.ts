/** Data knobs: the settings a scenario can turn to change what the world model produces. */

/** Knobs every API understands; an API may read more from `extra`. */
export interface Knobs {
  /** Multiplies every tenant's traffic (0.5 = half, 20 = a busy day). */
  volume: number;
  /** Every tenant has no traffic at all. */
  empty: boolean;
  /** Rows per page where an API paginates. */
  pageSize: number;
  /** CSV field delimiter where an API answers CSV. */
  csvDelimiter: ',' | '|' | ';' | '\t';
  /** Share of sessions that hold only events, data retrievals or dialog starts (DigitalCX "inactive"). */
  inactiveShare: number;
  /** Knobs only one API reads, by name. */
  extra: Record<string, unknown>;
}

/** The knobs of the default world. */
export const DEFAULT_KNOBS: Knobs = Object.freeze({
  volume: 1,
  empty: false,
  pageSize: 500,
  csvDelimiter: ',',
  inactiveShare: 0.25,
  extra: Object.freeze({}),
}) as Knobs;

/** The default knobs with some of them turned. */
export function withKnobs(overrides: Partial<Knobs> | undefined): Knobs {
  return { ...DEFAULT_KNOBS, ...overrides, extra: { ...DEFAULT_KNOBS.extra, ...overrides?.extra } };
}

const keys = new WeakMap<Knobs, string>();

/** The knobs as a cache key part: derived data that depends on knobs is cached per distinct setting. */
export function knobsKey(knobs: Knobs): string {
  // The scenario's own knobs are one shared (frozen) object: stringified once.
  let key = keys.get(knobs);
  if (key === undefined) {
    key = JSON.stringify(knobs);
    if (Object.isFrozen(knobs)) keys.set(knobs, key);
  }
  return key;
}
