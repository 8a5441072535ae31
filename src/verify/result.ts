/** What a verify run found: one result per probe, and the run's outcome. */

import type { Probe } from '../core/probe.js';
import type { Difference } from './difference.js';
import type { ReceivedAnswer } from './http.js';

/** pass: no difference; drift: at least one; error: the probe got no answer. */
export type Verdict = 'pass' | 'drift' | 'error';

/** The outcome of one probe. */
export interface ProbeResult {
  name: string;
  operationId: string;
  method: string;
  /** Path and query as sent to the target, credentials masked. */
  request: string;
  verdict: Verdict;
  /** The live status (absent when no answer came). */
  status?: number;
  /** The mock's status for the same request. */
  mockStatus?: number;
  differences: Difference[];
  /** Why there is no answer (error verdict). */
  error?: string;
  /** Milliseconds the live request took. */
  ms: number;
  /** The probe and the live answer, for --record (not part of the reports). */
  probe?: Probe;
  live?: ReceivedAnswer;
}

/** A whole run. */
export interface VerifyReport {
  api: string;
  /** The target's origin and path (no credentials). */
  target: string;
  /** ISO instant the run started. */
  startedAt: string;
  results: ProbeResult[];
  /** The names (never the values) of the headers that carried credentials. */
  credentialHeaders: string[];
  /** Set when the run could not go on (unreachable target, refused credentials): exit 2. */
  problem?: string;
}

/** 0: no drift; 1: drift (or a probe without answer); 2: the run could not be made. */
export function exitCodeOf(report: VerifyReport): 0 | 1 | 2 {
  if (report.problem) return 2;
  return report.results.some((r) => r.verdict !== 'pass') ? 1 : 0;
}
