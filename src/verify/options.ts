/** What one verify run is asked to do (parsed from the command line by `config.ts`). */

/** The options of a verify run. */
export interface VerifyOptions {
  /** The API's registry name (`chatbotcom`). */
  api: string;
  /** The live API's base URL; the probes' paths are appended to it. */
  target: string;
  /** `--header` values, by name as given: the credentials. */
  headers: Readonly<Record<string, string>>;
  /** `--param name=value`: the caller's own ids and keys (bot_id, customerKey…). */
  params: Readonly<Record<string, string>>;
  /** Send the probes that create something at the vendor. */
  includeWrites: boolean;
  /** Milliseconds between two requests to the target. */
  delayMs: number;
  /** Milliseconds a request may take before it counts as unanswered. */
  timeoutMs: number;
  /** Client-credentials flow (DigitalCX): the token endpoint (default: the API's own under target). */
  tokenUrl: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** JUnit XML, JSON report and recorded scenarios: where to write them. */
  junitFile: string | undefined;
  jsonFile: string | undefined;
  recordDir: string | undefined;
  /** The instant windows are relative to (tests pin it); default the real clock at start. */
  now?: number;
}
