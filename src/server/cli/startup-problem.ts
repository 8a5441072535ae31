/** Start-up problems a user can cause (a bad flag, variable, scenario name or file): their exit code and message. */
import { MockError } from '../../core/errors.js';
import { ScenarioFileError } from '../../scenarios/problems.js';
import { ConfigError } from './config.js';

/** A start-up problem: what to print on stderr and the exit code. */
export interface StartupProblem {
  code: number;
  message: string;
}

/** The problem a start-up error stands for, or undefined for a bug (to be thrown as is). */
export function startupProblem(error: unknown): StartupProblem | undefined {
  if (error instanceof ConfigError || error instanceof ScenarioFileError)
    return { code: 2, message: `bot-analytics-mock: ${error.message}` };
  // An unknown scenario is only found once the scenarios are loaded: still a bad flag or variable.
  if (error instanceof MockError && error.code === 'unknown_scenario')
    return {
      code: 2,
      message: `bot-analytics-mock: ${error.message} Set --scenario or MOCK_SCENARIO to one of them.`,
    };
  return undefined;
}
