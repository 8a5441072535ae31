/**
 * --record: what the vendor answered, as a scenario file the mock can replay — one rule per probe
 * (method, path and query as sent → status, content type, documented headers, body), credentials masked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from '../core/lazy-deps.js';
import type { Redactor } from './redact.js';
import type { ProbeResult, VerifyReport } from './result.js';
import { pathAndQuery } from './target-request.js';

/** Scenario files hold at most this many rules (scenario.schema.json). */
const MAX_RULES = 100;

/** Headers worth replaying: the content type and the vendor's own (never credentials or hop-by-hop ones). */
const REPLAYED = /^(content-type|continuationtoken|retry-after|www-authenticate)$/i;

function queryOf(result: ProbeResult): Record<string, string> | undefined {
  const query = result.probe?.query;
  if (!query || Object.keys(query).length === 0) return undefined;
  const out: Record<string, string> = {};
  // A rule matches one value per name; a repeated parameter is matched by its first value.
  for (const [name, value] of Object.entries(query))
    out[name] = typeof value === 'string' ? value : (value[0] ?? '');
  return out;
}

function ruleOf(
  report: VerifyReport,
  result: ProbeResult,
  redactor: Redactor,
): Record<string, unknown> | undefined {
  const { api } = report;
  const { probe, live } = result;
  // A rule cannot match a missing credential: replaying the 401 would shadow the credentialed twin.
  if (!probe || !live || probe.anonymous) return undefined;
  const query = queryOf(result);
  if (`${probe.path}${JSON.stringify(query ?? {})}`.includes('*')) return undefined; // '*' would be a glob
  const match: Record<string, unknown> = { api, method: probe.method, path: `/${api}${probe.path}` };
  if (query) match.query = redactor.value(query);
  // The headers that made the answer (Accept: JSON, not CSV), and the credentials being present: a
  // request without them (the probe of the 401) is not answered by this rule.
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(probe.headers ?? {})) sent[name.toLowerCase()] = value;
  for (const name of report.credentialHeaders) sent[name.toLowerCase()] = '*';
  if (Object.keys(sent).length > 0) match.headers = sent;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(redactor.headers(live.headers)))
    if (REPLAYED.test(name)) headers[name] = value;
  const body = typeof live.body === 'string' ? redactor.text(live.body) : redactor.value(live.body);
  return { match, status: live.status, headers, body };
}

/** The scenario document recorded from a run. */
export function recordedScenario(report: VerifyReport, redactor: Redactor): Record<string, unknown> {
  const seen = new Set<string>();
  const rules: Record<string, unknown>[] = [];
  // The rule with more parameters and headers first: a rule matches any request that has at least its own.
  const weight = (r: ProbeResult) =>
    Object.keys(r.probe?.query ?? {}).length + Object.keys(r.probe?.headers ?? {}).length;
  const ordered = [...report.results].sort((a, b) => weight(b) - weight(a));
  for (const result of ordered) {
    const key = result.probe
      ? `${result.probe.method} ${pathAndQuery(result.probe)} ${JSON.stringify(result.probe.headers ?? {})}`
      : '';
    if (seen.has(key)) continue;
    const rule = ruleOf(report, result, redactor);
    if (!rule) continue;
    seen.add(key);
    rules.push(rule);
    if (rules.length === MAX_RULES) break;
  }
  return {
    name: `verify-${report.api}`,
    description:
      `What ${redactor.url(report.target)} answered to verify at ${report.startedAt} (credentials redacted).`.slice(
        0,
        200,
      ),
    rules,
  };
}

/** Writes `<dir>/verify-<api>.yaml`; returns its path. */
export function writeRecording(dir: string, report: VerifyReport, redactor: Redactor): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `verify-${report.api}.yaml`);
  const text = yaml().stringify(recordedScenario(report, redactor), { lineWidth: 0 });
  writeFileSync(file, redactor.text(text));
  return file;
}
