/** The report as a table for people: one row per probe, each difference on a line of its own. */
import { formatDifference } from './difference.js';
import type { VerifyReport } from './result.js';

const VERDICT: Record<string, string> = { pass: 'PASS', drift: 'DRIFT', error: 'ERROR' };

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The stdout table, ending in a summary line. */
export function textReport(report: VerifyReport): string {
  const lines = [`verify ${report.api} against ${report.target} (${report.startedAt})`, ''];
  const width = Math.min(60, Math.max(5, ...report.results.map((r) => r.name.length)));
  lines.push(`${pad('probe', width)}  ${pad('verdict', 7)}  status (live/mock)`);
  for (const r of report.results) {
    const status = r.status === undefined ? '-' : `${r.status}/${r.mockStatus ?? '-'}`;
    lines.push(`${pad(r.name, width)}  ${pad(VERDICT[r.verdict] ?? r.verdict, 7)}  ${status}`);
    if (r.error) lines.push(`    ${r.error}`);
    for (const d of r.differences) lines.push(`    ${formatDifference(d)}`);
  }
  const count = (v: string) => report.results.filter((r) => r.verdict === v).length;
  lines.push('');
  lines.push(
    `${report.results.length} probes: ${count('pass')} passed, ${count('drift')} drifted, ${count('error')} without answer`,
  );
  if (report.problem) lines.push(`could not verify: ${report.problem}`);
  return `${lines.join('\n')}\n`;
}
