/**
 * The command line of `bot-analytics-mock verify`: flags and environment into VerifyOptions, or a
 * ConfigError naming the flag and what it accepts. Like server/config.ts, it is handed argv and env.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../server/cli/config.js';
import { API_MODULES } from '../server/registry.js';
import type { VerifyOptions } from './options.js';

/** Timeouts and delays accepted, in milliseconds. */
const MAX_MS = 600_000;

function fail(flag: string, value: string, accepted: string): never {
  throw new ConfigError(`Invalid ${flag}: '${value}'. Expected ${accepted}.`);
}

function milliseconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > MAX_MS) fail(flag, value, `milliseconds from 0 to ${MAX_MS}`);
  return Number(value);
}

function headerOf(value: string): [string, string] {
  const colon = value.indexOf(':');
  const name = colon > 0 ? value.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    fail('--header', value.replace(/:.*/s, ': …'), "'Name: value', as curl takes it");
  return [name, value.slice(colon + 1).trim()];
}

function paramOf(value: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) fail('--param', value, 'name=value, e.g. bot_id=1234');
  return [value.slice(0, eq), value.slice(eq + 1)];
}

function targetOf(value: string | undefined): string {
  if (value === undefined)
    throw new ConfigError(
      'Missing --target: give the live API base URL, e.g. --target https://api.chatbot.com.',
    );
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol))
    fail('--target', value, 'an http(s) base URL such as https://api.chatbot.com');
  return value.replace(/\/+$/, '');
}

function probedApis(): string[] {
  return API_MODULES.filter((m) => m.probes).map((m) => m.name);
}

/** The --help of `verify`, with an example per API. */
export function verifyHelp(): string {
  const examples = API_MODULES.flatMap((m) => (m.probes ? [`  bot-analytics-mock ${m.probes.example}`] : []));
  const params = API_MODULES.flatMap((m) =>
    Object.entries(m.probes?.params ?? {}).map(([name, what]) => `  ${m.name}: ${name} — ${what}`),
  );
  return `bot-analytics-mock verify — check the mock against the live API and report where they differ

Usage: bot-analytics-mock verify <api> --target <base URL> [options]

<api> is one of ${probedApis().join(', ')}. Every read operation of the API is probed with a valid
request for now, plus its documented errors; each live answer is compared with the spec and with
the mock's own answer to the same request (the mock clock set to the live call's instant).

Options:
  --target <url>        the live API's base URL (required)
  --header 'N: v'       a request header, curl-style; repeatable; carries the credentials
  --param name=value    an id or key of your account the probes use (below); repeatable
  --junit <file>        also write a JUnit XML report (one testcase per probe)
  --json <file>         also write a JSON report
  --record <dir>        write the live answers as a scenario file, <dir>/verify-<api>.yaml
  --include-writes      also send the probes that create something at the vendor
  --delay <ms>          pause between two requests to the target (default 250)
  --timeout <ms>        how long one request may take (default 30000)
  --token-url <url>     OAuth2 token endpoint (DigitalCX; default <target>/oauth2/token)
  --client-id <id>      client-credentials flow: client id [VERIFY_CLIENT_ID]
  --client-secret <s>   client-credentials flow: client secret [VERIFY_CLIENT_SECRET]
  -h, --help            show this help

Parameters (--param; defaults suit the mock):
${params.join('\n')}

Examples:
${examples.join('\n')}

Exit status: 0 no drift; 1 drift found (or a probe got no answer); 2 could not run (bad flag,
target unreachable, credentials refused). Credentials and tokens are redacted from every output.
`;
}

/** Reads `verify`'s arguments (after the word verify) and environment, or returns 'help'. */
export function verifyOptionsFromArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): VerifyOptions | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ConfigError(
      `${(error as Error).message.replace(/\. To specify.*$/s, '')}. See bot-analytics-mock verify --help.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const api = positionals[0];
  const apis = probedApis();
  if (api === undefined) throw new ConfigError(`Missing <api>: name one of ${apis.join(', ')}.`);
  if (!apis.includes(api)) fail('<api>', api, `one of ${apis.join(', ')}`);
  if (positionals.length > 1) fail('argument', positionals[1] as string, 'one API name and flags');
  const headers: Record<string, string> = {};
  for (const value of values.header ?? []) {
    const [name, v] = headerOf(value);
    headers[name] = v;
  }
  const params: Record<string, string> = {};
  for (const value of values.param ?? []) {
    const [name, v] = paramOf(value);
    params[name] = v;
  }
  const tokenUrl = values['token-url'];
  if (tokenUrl !== undefined) targetOf(tokenUrl);
  return {
    api,
    target: targetOf(values.target),
    headers,
    params,
    includeWrites: values['include-writes'] === true,
    delayMs: milliseconds('--delay', values.delay, 250),
    timeoutMs: milliseconds('--timeout', values.timeout, 30_000) || 1,
    tokenUrl,
    clientId: values['client-id'] ?? env.VERIFY_CLIENT_ID,
    clientSecret: values['client-secret'] ?? env.VERIFY_CLIENT_SECRET,
    junitFile: values.junit,
    jsonFile: values.json,
    recordDir: values.record,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      header: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      junit: { type: 'string' },
      json: { type: 'string' },
      record: { type: 'string' },
      'include-writes': { type: 'boolean' },
      delay: { type: 'string' },
      timeout: { type: 'string' },
      'token-url': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
