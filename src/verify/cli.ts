/** `bot-analytics-mock verify …`: parses the flags, runs the probes, prints and writes the reports, returns the exit code. */
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../server/cli/config.js';
import { verifyHelp, verifyOptionsFromArgs } from './config.js';
import { junitReport } from './junit.js';
import { writeRecording } from './record.js';
import { Redactor } from './redact.js';
import { jsonReport } from './report-json.js';
import { textReport } from './report-text.js';
import { exitCodeOf } from './result.js';
import { runVerify } from './run.js';

/** Where verify writes: stdout for the table, stderr for problems. */
export interface VerifyIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `verify` with its arguments (after the word `verify`); resolves with the exit code (0, 1 or 2). */
export async function verifyMain(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: VerifyIo,
  now?: number,
): Promise<number> {
  let options: ReturnType<typeof verifyOptionsFromArgs>;
  const redactor = new Redactor();
  try {
    options = verifyOptionsFromArgs(argv, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // A bad flag may carry a secret (a mistyped --header): mask the values of the credential flags.
    argv.forEach((arg, i) => {
      const inline = /^--(header|client-id|client-secret)=(.*)$/s.exec(arg);
      if (inline) redactor.addSecret(inline[2]);
      else if (/^--(header|client-id|client-secret)$/.test(argv[i - 1] ?? '')) redactor.addSecret(arg);
    });
    io.err(`bot-analytics-mock verify: ${redactor.text(error.message)}\n`);
    return 2;
  }
  if (options === 'help') {
    io.out(verifyHelp());
    return 0;
  }
  if (now !== undefined) options.now = now;
  const report = await runVerify(options, redactor);
  const write = (file: string, text: string) => writeFileSync(file, redactor.text(text));
  io.out(redactor.text(textReport(report)));
  try {
    if (options.junitFile) write(options.junitFile, junitReport(report));
    if (options.jsonFile) write(options.jsonFile, jsonReport(report));
    if (options.recordDir && report.results.some((r) => r.live))
      io.out(`recorded: ${writeRecording(options.recordDir, report, redactor)}\n`);
  } catch (error) {
    io.err(
      `bot-analytics-mock verify: Failed to write a report: ${redactor.text((error as Error).message)}\n`,
    );
    return 2;
  }
  if (report.problem) io.err(`bot-analytics-mock verify: ${report.problem}\n`);
  return exitCodeOf(report);
}
