/** A scenario file as written (after the schema accepted it), before it is turned into a Scenario. */
import type { Fault } from '../core/scenario.js';

/** A knob value as written. */
export type RawKnobs = Record<string, unknown> & { extra?: Record<string, unknown> };

/** A value or glob in `match.query` / `match.headers` (YAML may read `true` or `5` as non-strings). */
export type RawValue = string | number | boolean;

/** A rule as written. */
export interface RawRule {
  match?: {
    api?: string | string[];
    operationId?: string | string[];
    path?: string;
    method?: string | string[];
    query?: Record<string, RawValue>;
    headers?: Record<string, RawValue>;
    secured?: boolean;
    attempt?: number | number[];
  };
  share?: number | string;
  status?: number;
  error?: string;
  headers?: Record<string, RawValue>;
  body?: unknown;
  latency?: number | string;
  fault?: Fault;
  stallMs?: number;
  knobs?: RawKnobs;
}

/** A scenario file as written. */
export interface RawScenario {
  $schema?: string;
  name?: string;
  description: string;
  knobs?: RawKnobs;
  latency?: number | string;
  rules?: RawRule[];
}
