/**
 * The report as JUnit XML: one testsuite, one testcase per probe; a drift is a <failure> listing the
 * differences, a probe without answer an <error>. Written by hand: the XML is small, and the JUnit
 * writers on npm bring an XML builder and lodash for it.
 */
import { formatDifference } from './difference.js';
import type { VerifyReport } from './result.js';

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text escaped for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');
}

/** The JUnit XML document. */
export function junitReport(report: VerifyReport): string {
  const failures = report.results.filter((r) => r.verdict === 'drift').length;
  const errors = report.results.filter((r) => r.verdict === 'error').length + (report.problem ? 1 : 0);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.results.reduce((sum, r) => sum + r.ms, 0);
  const suite = `verify.${report.api}`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const counts = { tests: report.results.length + (report.problem ? 1 : 0), failures, errors, skipped: 0 };
  lines.push(`<testsuites${attrs({ name: 'bot-analytics-mock verify', ...counts, time: seconds(total) })}>`);
  lines.push(
    `  <testsuite${attrs({ name: suite, ...counts, time: seconds(total), timestamp: report.startedAt })}>`,
  );
  lines.push(`    <properties><property${attrs({ name: 'target', value: report.target })}/></properties>`);
  for (const r of report.results) {
    const head = `    <testcase${attrs({ classname: `${suite}.${r.operationId}`, name: r.name, time: seconds(r.ms) })}`;
    if (r.verdict === 'pass') {
      lines.push(`${head}/>`);
      continue;
    }
    lines.push(`${head}>`);
    if (r.verdict === 'error') {
      lines.push(`      <error${attrs({ message: r.error ?? 'no answer', type: 'no-answer' })}/>`);
    } else {
      const summary = `${r.differences.length} difference(s): ${r.differences.map((d) => d.pointer || d.where).join(', ')}`;
      const body = [`${r.method} ${r.request}`, ...r.differences.map(formatDifference)].join('\n');
      lines.push(`      <failure${attrs({ message: summary, type: 'drift' })}>${xmlEscape(body)}</failure>`);
    }
    lines.push('    </testcase>');
  }
  if (report.problem) {
    lines.push(`    <testcase${attrs({ classname: suite, name: 'run', time: '0.000' })}>`);
    lines.push(`      <error${attrs({ message: report.problem, type: 'could-not-run' })}/>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
