/** Per-request controls from headers: X-Mock-Seed, X-Mock-Now, X-Mock-Scenario and Prefer. */
import { MockError } from './errors.js';
import { showValue } from './show-value.js';
import { isoSeconds, parseInstant } from './time.js';

/** What a request asked for through the control headers. */
export interface RequestedControls {
  seed?: number;
  now?: number;
  scenario?: string;
  preferCode?: number;
  preferScenario?: string;
}

/**
 * The instants a mock clock may be set to (X-Mock-Now, --now, MOCK_NOW), inclusive (inferred:
 * every tenant is created in 2022, and a far-away now would only make windows longer to walk).
 */
export const EARLIEST_NOW = Date.UTC(1970, 0, 1);
export const LATEST_NOW = Date.UTC(2100, 0, 1);
/** The accepted range of a mock clock, as the error messages state it. */
export const NOW_RANGE = `${isoSeconds(EARLIEST_NOW)} to ${isoSeconds(LATEST_NOW)}`;

/** Whether an instant is a clock the mock accepts. */
export function nowInRange(ms: number): boolean {
  return ms >= EARLIEST_NOW && ms <= LATEST_NOW;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a seed: a whole number from 0 to 4294967295. */
export function parseSeed(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 0xffffffff ? n : undefined;
}

/** Reads the control headers; a bad value is a 400 naming the header and what it accepts. */
export function readControls(headers: Record<string, string | string[] | undefined>): RequestedControls {
  const out: RequestedControls = {};
  const seed = single(headers['x-mock-seed']);
  if (seed !== undefined && seed !== '') {
    const n = parseSeed(seed.trim());
    if (n === undefined) {
      throw new MockError(
        400,
        `Invalid header 'X-Mock-Seed': '${showValue(seed)}' must be a whole number from 0 to 4294967295.`,
      );
    }
    out.seed = n;
  }
  const now = single(headers['x-mock-now']);
  if (now !== undefined && now !== '') {
    const parsed = parseInstant(now);
    if (!parsed) {
      throw new MockError(
        400,
        `Invalid header 'X-Mock-Now': '${showValue(now)}' must be an ISO 8601 instant such as 2025-03-01T12:00:00Z.`,
      );
    }
    if (!nowInRange(parsed.ms)) {
      throw new MockError(
        400,
        `Invalid header 'X-Mock-Now': '${showValue(now)}' must be an instant from ${NOW_RANGE}.`,
      );
    }
    out.now = parsed.ms;
  }
  const scenario = single(headers['x-mock-scenario']);
  if (scenario !== undefined && scenario !== '') out.scenario = scenario.trim();
  const prefer = single(headers.prefer);
  if (prefer) {
    for (const part of prefer.split(/[,;]/)) {
      const [key, value] = part.split('=').map((s) => s.trim());
      if (key === 'code' && value !== undefined) {
        if (!/^[1-5]\d\d$/.test(value)) {
          throw new MockError(
            400,
            `Invalid header 'Prefer': code=${showValue(value)} must be an HTTP status such as code=500.`,
          );
        }
        out.preferCode = Number(value);
      } else if (key === 'scenario' && value) {
        out.preferScenario = value;
      }
    }
  }
  return out;
}
