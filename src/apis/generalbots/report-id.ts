/**
 * Stateless report ids: an id is the report request itself (type, window, format, creation
 * instant) plus an HMAC keyed by the seed and bound to the account, so any process with the same
 * seed can answer GET /reports/{id}, and an altered or foreign id is simply not found.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const REPORT_TYPES = ['usage', 'conversations', 'engagement', 'satisfaction', 'custom'] as const;
export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;

export type ReportType = (typeof REPORT_TYPES)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a report was asked for, all an id encodes. */
export interface ReportRequest {
  type: ReportType;
  format: ReportFormat;
  /** The window [start, end) as asked (end not clamped). */
  start: number;
  end: number;
  createdAt: number;
}

const SIGNATURE_BYTES = 12;
const PAYLOAD = /^r1\|([a-z]+)\|(-?[0-9a-z]+)\|(-?[0-9a-z]+)\|([a-z]+)\|(-?[0-9a-z]+)$/;

function signature(seed: number, account: string, payload: string): Buffer {
  return createHmac('sha256', `bot-analytics-mock:generalbots-report:${seed}`)
    .update(`${account}|${payload}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

/** The id of a report request, for an account under a seed (base64url, about 70 characters). */
export function encodeReportId(seed: number, account: string, r: ReportRequest): string {
  const payload = [
    'r1',
    r.type,
    r.start.toString(36),
    r.end.toString(36),
    r.format,
    r.createdAt.toString(36),
  ].join('|');
  return Buffer.concat([Buffer.from(payload), signature(seed, account, payload)]).toString('base64url');
}

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return list.includes(value as T);
}

/** The request behind an id, or undefined when the id was not issued for this account and seed. */
export function decodeReportId(seed: number, account: string, id: string): ReportRequest | undefined {
  const bytes = Buffer.from(id, 'base64url');
  // Node's decoder ignores stray bits and characters: only the canonical spelling is ours.
  if (bytes.length <= SIGNATURE_BYTES || bytes.toString('base64url') !== id) return undefined;
  const payload = bytes.subarray(0, bytes.length - SIGNATURE_BYTES).toString('utf8');
  const given = bytes.subarray(bytes.length - SIGNATURE_BYTES);
  if (!timingSafeEqual(given, signature(seed, account, payload))) return undefined;
  const m = PAYLOAD.exec(payload);
  if (!m || !isOneOf(REPORT_TYPES, m[1]) || !isOneOf(REPORT_FORMATS, m[4])) return undefined;
  const [start, end, createdAt] = [m[2], m[3], m[5]].map((n) => Number.parseInt(n as string, 36));
  return {
    type: m[1],
    format: m[4],
    start: start as number,
    end: end as number,
    createdAt: createdAt as number,
  };
}
