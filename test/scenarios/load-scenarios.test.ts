import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnobSpec } from '../../src/core/api.js';
import { type ApiFacts, apiFacts } from '../../src/scenarios/api-facts.js';
import {
  BUILT_IN_DIR,
  loadScenarioDir,
  loadScenarioFile,
  loadScenarios,
} from '../../src/scenarios/load-scenarios.js';
import { ScenarioFileError } from '../../src/scenarios/problems.js';
import { API_MODULES } from '../../src/server/registry.js';

const FACTS = apiFacts(API_MODULES);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'scenarios-'));
}

function writeScenario(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function problemOf(file: string, facts: ApiFacts[] = FACTS): string {
  try {
    loadScenarioFile(file, facts);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    return (error as Error).message.replace(file, '<file>');
  }
  throw new Error(`${file} loaded`);
}

const BROKEN: [string, string, string][] = [
  [
    'not YAML',
    'description: x\nrules: [\n',
    '<file>:3:1: the file is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
  ],
  [
    'a duplicate key',
    'description: x\ndescription: y\n',
    '<file>:2:1: the file is not valid YAML: Map keys must be unique.',
  ],
  ['nothing', '', '<file>:1:1: the file is empty. Expected a mapping with at least a description.'],
  [
    'a list',
    '- a\n- b\n',
    '<file>:1:1: the file is ["a","b"]. Expected a mapping with description and optionally name, knobs, latency and rules.',
  ],
  [
    'no description',
    'knobs: {volume: 2}\n',
    '<file>:1:1: description is missing. Expected one line of 1 to 200 characters saying what the scenario does.',
  ],
  [
    'a description on two lines',
    'description: "a\\nb"\n',
    '<file>:1:14: description is "a\\nb". Expected one line of 1 to 200 characters saying what the scenario does.',
  ],
  [
    'an unknown top-level field',
    'description: x\nknob: {volume: 2}\n',
    '<file>:2:1: knob is not a known field. Expected one of name, description, knobs, latency, rules.',
  ],
  [
    'a name in capitals',
    'name: Flaky\ndescription: x\n',
    "<file>:1:7: name is \"Flaky\". Expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters.",
  ],
  [
    'a volume that is not a number',
    'description: x\nknobs:\n  volume: lots\n',
    '<file>:3:11: knobs.volume is "lots". Expected a multiplier from 0 to 100 (1 = normal traffic).',
  ],
  [
    'a volume out of range',
    'description: x\nknobs:\n  volume: 500\n',
    '<file>:3:11: knobs.volume is 500. Expected a multiplier from 0 to 100 (1 = normal traffic).',
  ],
  [
    'an unknown CSV delimiter',
    'description: x\nknobs:\n  csvDelimiter: "#"\n',
    "<file>:3:17: knobs.csvDelimiter is \"#\". Expected one of ',', '|', ';' or a tab.",
  ],
  [
    'an extra knob no API exposes',
    'description: x\nknobs:\n  extra: {botCount: 3}\n',
    '<file>:3:11: knobs.extra.botCount is not a knob any API exposes. Expected no extra knobs: none is exposed.',
  ],
  [
    'an upside-down latency range',
    'description: x\nlatency: 400-100\n',
    '<file>:2:10: latency is "400-100". Expected a range "min-max" with min <= max <= 120000.',
  ],
  [
    'a latency in words',
    'description: x\nlatency: fast\n',
    '<file>:2:10: latency is "fast". Expected milliseconds (200) or a range ("100-400"), at most 120000.',
  ],
  [
    'rules as a mapping',
    'description: x\nrules: {status: 500}\n',
    '<file>:2:8: rules is {"status":500}. Expected a list of at most 100 rules.',
  ],
  [
    'a misspelt rule field',
    'description: x\nrules:\n  - statuss: 500\n',
    '<file>:3:5: rules[0].statuss is not a known field. Expected one of match, share, status, error, headers, body, latency, fault, stallMs, knobs.',
  ],
  [
    'a share above 100 %',
    'description: x\nrules:\n  - share: 150%\n    status: 500\n',
    '<file>:3:12: rules[0].share is "150%". Expected a share from 0 to 1 or a percentage such as "10%".',
  ],
  [
    'a share above 1',
    'description: x\nrules:\n  - share: 1.5\n    status: 500\n',
    '<file>:3:12: rules[0].share is 1.5. Expected a share from 0 to 1 or a percentage such as "10%".',
  ],
  [
    'an unknown fault',
    'description: x\nrules:\n  - fault: explode\n',
    '<file>:3:12: rules[0].fault is "explode". Expected one of reset, truncate, stall.',
  ],
  [
    'stallMs without a stall',
    'description: x\nrules:\n  - fault: reset\n    stallMs: 100\n',
    '<file>:4:14: rules[0].stallMs is 100 without fault: stall. Expected it only with fault: stall.',
  ],
  [
    'an unknown API',
    'description: x\nrules:\n  - match: {api: digitalx}\n    status: 500\n',
    '<file>:3:18: rules[0].match.api is "digitalx". Expected one of logicdialog, chatlayer, chatbotcom, digitalcx, generalbots, or a list of them.',
  ],
  [
    'an unknown API in a list',
    'description: x\nrules:\n  - match: {api: [digitalcx, digitalx]}\n    status: 500\n',
    '<file>:3:30: rules[0].match.api[1] is "digitalx". Expected one of logicdialog, chatlayer, chatbotcom, digitalcx, generalbots, or a list of them.',
  ],
  [
    'a lower-case method',
    'description: x\nrules:\n  - match: {method: get}\n',
    '<file>:3:21: rules[0].match.method is "get". Expected one of GET, POST, PUT, PATCH, DELETE, or a list of them.',
  ],
  [
    'an attempt of 0',
    'description: x\nrules:\n  - match: {attempt: [1, 0]}\n    status: 500\n',
    '<file>:3:26: rules[0].match.attempt[1] is 0. Expected a whole number from 1, or a list of them.',
  ],
  [
    'an operation id the API does not have',
    'description: x\nrules:\n  - match: {api: digitalcx, operationId: getInteraction}\n    status: 500\n',
    '<file>:3:42: rules[0].match.operationId is "getInteraction". Expected an operation id of digitalcx: getInteractions, postToken, postTenantToken.',
  ],
  [
    'a named error no API has',
    'description: x\nrules:\n  - error: too-long\n',
    '<file>:3:12: rules[0].error is "too-long". Expected a documented error of digitalcx: end-before-start, unknown-project, window-too-long, too-far-back, before-data-start.',
  ],
  [
    'a status next to a named error',
    'description: x\nrules:\n  - status: 400\n    error: window-too-long\n',
    '<file>:3:13: rules[0].status cannot go with error. Expected one of them: a named error brings its own status.',
  ],
  [
    'a status the named operation does not document',
    'description: x\nrules:\n  - match: {operationId: postToken}\n    status: 403\n',
    '<file>:4:13: rules[0].status is 403, which postToken does not document. Expected one of 200, 400, 401, 413, 415, 500, or a body to send 403 anyway.',
  ],
  [
    'a header name with a space',
    'description: x\nrules:\n  - headers: {"Bad Name": 1}\n',
    '<file>:3:14: rules[0].headers is {"Bad Name":1}. Expected a mapping of header names (letters, digits and !#$%&\'*+.^_`|~-) to values.',
  ],
  [
    'a header value on two lines',
    'description: x\nrules:\n  - headers: {X-A: "a\\nb"}\n',
    '<file>:3:20: rules[0].headers["X-A"] is "a\\nb". Expected a header value on one line.',
  ],
  [
    'a header value that is a list',
    'description: x\nrules:\n  - headers: {Retry-After: [1]}\n    status: 500\n',
    '<file>:3:28: rules[0].headers["Retry-After"] is [1]. Expected a header value on one line.',
  ],
];

describe('scenario files', () => {
  it.each(BROKEN)(
    'refuses a file with %s, naming the file, line, field and what is accepted',
    (_, text, message) => {
      const file = writeScenario(tempDir(), 'broken.yaml', text);
      expect(problemOf(file)).toBe(`Invalid scenario file ${message}`);
    },
  );

  it('asks for a name when the file name cannot be one', () => {
    const file = writeScenario(tempDir(), 'My Scenario.yaml', 'description: x\n');
    expect(problemOf(file)).toBe(
      "Invalid scenario file <file>:1:1: name is missing. Expected a name, since the file's own name is not one: lower-case letters, digits, '-' and '_', starting with a letter or digit.",
    );
  });

  it('takes its name from the file unless it gives one, and reads shares, latencies and match values', () => {
    const dir = tempDir();
    const plain = loadScenarioFile(writeScenario(dir, 'retry-once.yaml', 'description: Retry.\n'), FACTS);
    expect(plain).toMatchObject({ name: 'retry-once', description: 'Retry.', knobs: {}, rules: [] });
    const full = loadScenarioFile(
      writeScenario(
        dir,
        'other.yaml',
        [
          'name: named',
          'description: All fields.',
          'latency: 100-400',
          'knobs: {volume: 2}',
          'rules:',
          '  - match: {api: digitalcx, query: {paginateData: true}, headers: {X-Try: 1}}',
          '    share: 12.5%',
          '    latency: 50',
          '    status: 429',
          '    headers: {Retry-After: 30}',
          '    body: {error: slow down}',
        ].join('\n'),
      ),
      FACTS,
    );
    expect(full).toEqual({
      name: 'named',
      description: 'All fields.',
      latency: { min: 100, max: 400 },
      knobs: { volume: 2 },
      file: join(dir, 'other.yaml'),
      rules: [
        {
          match: { api: 'digitalcx', query: { paginateData: 'true' }, headers: { 'X-Try': '1' } },
          share: 0.125,
          latency: { min: 50, max: 50 },
          status: 429,
          headers: { 'Retry-After': '30' },
          body: { error: 'slow down' },
        },
      ],
    });
  });

  it('refuses a folder where two files name the same scenario', () => {
    const dir = tempDir();
    writeScenario(dir, 'a.yaml', 'name: same\ndescription: x\n');
    const second = writeScenario(dir, 'b.yaml', 'name: same\ndescription: y\n');
    expect(() => loadScenarioDir(dir, FACTS)).toThrowError(
      `Invalid scenario file ${second}:1:1: the file defines scenario 'same' again. Expected one file per name; a.yaml defines it first.`,
    );
  });

  it('lets a folder replace a built-in, and a --scenario file replace both and be the one in force', () => {
    const dir = tempDir();
    writeScenario(dir, 'empty.yaml', 'description: Our own empty.\nknobs: {empty: true}\n');
    writeScenario(dir, 'ignored.txt', 'not a scenario');
    const fileDir = join(tempDir(), 'more');
    mkdirSync(fileDir);
    const file = writeScenario(fileDir, 'mine.yaml', 'name: flaky\ndescription: Our own flaky.\n');
    const loaded = loadScenarios({ scenario: file, scenarioDir: dir }, FACTS);
    const byName = new Map(loaded.scenarios.map((s) => [s.name, s]));
    expect(loaded.initial).toBe('flaky');
    expect(byName.get('empty')?.description).toBe('Our own empty.');
    expect(byName.get('flaky')?.description).toBe('Our own flaky.');
    expect(byName.get('slow')?.file).toBe(join(BUILT_IN_DIR, 'slow.yaml'));
    expect(byName.has('ignored')).toBe(false);
  });

  it('checks extra knobs against what the APIs that expose them accept', () => {
    const botCount: KnobSpec = {
      description: 'How many bots a team has.',
      accepts: 'a whole number from 1 to 50',
      schema: { type: 'integer', minimum: 1, maximum: 50 },
    };
    const facts: ApiFacts[] = [
      { name: 'fake', operations: new Map(), errors: {}, knobs: { botCount } },
      ...FACTS,
    ];
    const dir = tempDir();
    const good = writeScenario(dir, 'good.yaml', 'description: x\nknobs:\n  extra: {botCount: 3}\n');
    expect(loadScenarioFile(good, facts).knobs).toEqual({ extra: { botCount: 3 } });
    const bad = writeScenario(
      dir,
      'bad.yaml',
      'description: x\nrules:\n  - knobs:\n      extra: {botCount: 99}\n',
    );
    expect(problemOf(bad, facts)).toBe(
      'Invalid scenario file <file>:4:25: rules[0].knobs.extra.botCount is 99. Expected a whole number from 1 to 50.',
    );
    const unknown = writeScenario(dir, 'unknown.yaml', 'description: x\nknobs:\n  extra: {bots: 3}\n');
    expect(problemOf(unknown, facts)).toBe(
      'Invalid scenario file <file>:3:11: knobs.extra.bots is not a known field. Expected one of botCount.',
    );
  });

  it('accepts every scenario example of the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .filter((text) => text.includes('description:'));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const dir = tempDir();
    examples.forEach((text, i) => {
      expect(loadScenarioFile(writeScenario(dir, `example-${i}.yaml`, text), FACTS).description).toBeTruthy();
    });
  });
});
