/** The report as JSON: the run, each probe's verdict and differences (answers themselves left out). */
import type { VerifyReport } from './result.js';
import { exitCodeOf } from './result.js';

/** The JSON report's text. */
export function jsonReport(report: VerifyReport): string {
  const { results, ...run } = report;
  return `${JSON.stringify(
    {
      ...run,
      exitCode: exitCodeOf(report),
      results: results.map(({ live: _live, probe: _probe, ...result }) => result),
    },
    null,
    2,
  )}\n`;
}
