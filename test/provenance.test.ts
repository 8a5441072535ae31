/**
 * Provenance, the one test (docs/spec-conventions.md, "Provenance"): every element of every spec
 * has a known level and a public source, and nothing a user reads points at files we do not ship.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/core/paths.js';
import {
  isPublicSource,
  LEVELS,
  provenanceElements,
  provenanceProblems,
  sourceHref,
} from '../src/core/provenance.js';
import { loadSpec } from '../src/core/spec.js';

const APIS = readdirSync(packagePath('specs'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

const inRepo = (path: string): boolean => existsSync(packagePath(path));

describe.each(APIS)('provenance of %s', (api) => {
  const document = loadSpec(api).document;

  it('gives every element a known level and a public source (or, if inferred, a reason)', () => {
    expect(provenanceProblems(document, inRepo)).toEqual([]);
  });

  it('covers every operation, and each source opens as a link', () => {
    const elements = provenanceElements(document);
    const operations = elements.filter((el) => el.kind === 'operation');
    expect(operations).toHaveLength(loadSpec(api).operations.length);
    for (const el of elements)
      for (const ref of el.refs)
        if (isPublicSource(ref)) expect(sourceHref(ref), el.where).toMatch(/^https:/);
  });
});

/** Every source a spec cites: its vendor doc, its defaults and its elements' own, without line anchors. */
function citedSources(document: Record<string, unknown>): string[] {
  const info = (document.info ?? {}) as Record<string, unknown>;
  const refs = [
    String(info['x-vendor-doc']),
    ...Object.values((info['x-source-refs'] ?? {}) as Record<string, unknown>)
      .flat()
      .map(String),
    ...provenanceElements(document).flatMap((el) => el.refs),
  ];
  return [...new Set(refs.filter(isPublicSource).map((ref) => ref.replace(/#L\d+(-L\d+)?$/, '')))];
}

describe('docs/sources.md', () => {
  const text = readFileSync(packagePath('docs/sources.md'), 'utf8');
  const listed = text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| source') && !line.startsWith('| ---'))
    .map((line) => line.split('|')[1]?.trim() ?? '');

  it('lists every source a spec cites', () => {
    const missing = APIS.flatMap((api) => citedSources(loadSpec(api).document)).filter(
      (ref) => !listed.includes(ref),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('lists each source once, and only public ones', () => {
    expect(listed.filter((ref, i) => listed.indexOf(ref) !== i)).toEqual([]);
    expect(listed.filter((ref) => !isPublicSource(ref))).toEqual([]);
  });
});

describe('the provenance check', () => {
  const good = {
    info: {
      'x-vendor-doc': 'https://vendor.example/docs',
      'x-source-refs': { doc: 'https://vendor.example/docs' },
    },
    paths: {
      '/a': {
        get: {
          'x-source': 'doc',
          parameters: [{ name: 'q', in: 'query', 'x-source': 'inferred', 'x-source-note': 'ours' }],
          responses: {
            '200': {
              'x-source': 'client',
              'x-source-ref': 'acme/client@0123456789abcdef0123456789abcdef01234567:src/api.rs#L10-L20',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { n: { type: 'integer', 'x-source': 'doc' } } },
                },
              },
            },
          },
        },
      },
    },
  };
  type Doc = Record<string, unknown>;
  const withProperty = (property: Doc): Doc => {
    const copy = structuredClone(good) as Doc & typeof good;
    copy.paths['/a'].get.responses['200'].content['application/json'].schema.properties.n = property as never;
    return copy;
  };

  it('accepts a spec that follows the convention', () => {
    expect(provenanceProblems(good, () => false)).toEqual([]);
    expect(provenanceElements(good).map((el) => el.kind)).toEqual([
      'operation',
      'parameter',
      'response',
      'property',
    ]);
  });

  it.each<[string, Doc, RegExp]>([
    [
      'a missing level',
      { type: 'integer' },
      /x-source is undefined; levels are doc, vendor-spec, client, inferred/,
    ],
    ['an unknown level', { 'x-source': 'vendor' }, /x-source is "vendor"/],
    ['inferred without a reason', { 'x-source': 'inferred' }, /inferred without an x-source-note/],
    ['a level without a source', { 'x-source': 'vendor-spec' }, /vendor-spec without a source/],
    [
      'a captured copy outside the repo',
      { 'x-source': 'doc', 'x-source-ref': 'captures/acme.txt' },
      /source 'captures\/acme\.txt' is not public/,
    ],
    [
      'a path climbing out of the repo',
      { 'x-source': 'inferred', 'x-source-note': 'why', 'x-source-ref': '../shared/NOTES.md' },
      /not public/,
    ],
    [
      'a repository without a commit',
      { 'x-source': 'client', 'x-source-ref': 'acme/client:src/api.rs' },
      /not public/,
    ],
    [
      'a repository file that does not exist here',
      { 'x-source': 'inferred', 'x-source-note': 'why', 'x-source-ref': 'docs/nowhere.md' },
      /'docs\/nowhere\.md' is not a file of this repository/,
    ],
  ])('rejects %s, naming the element', (_, property, message) => {
    const problems = provenanceProblems(withProperty(property), () => false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^GET \/a → 200 application\/json\.n \(property\): /);
    expect(problems[0]).toMatch(message);
  });

  it('accepts an inferred element citing a file of this repository', () => {
    const spec = withProperty({
      'x-source': 'inferred',
      'x-source-note': 'why',
      'x-source-ref': 'README.md',
    });
    expect(provenanceProblems(spec, inRepo)).toEqual([]);
  });

  it('requires a public vendor doc and known levels in the defaults', () => {
    const spec = structuredClone(good) as Doc & typeof good;
    (spec.info as Doc)['x-vendor-doc'] = 'captures/acme.txt';
    (spec.info as Doc)['x-source-refs'] = {
      doc: 'https://vendor.example/docs',
      manual: 'https://x.example/y',
    };
    expect(provenanceProblems(spec, () => false)).toEqual([
      expect.stringMatching(/^info\.x-vendor-doc is "captures\/acme\.txt"/),
      expect.stringMatching(/^info\.x-source-refs has level 'manual'/),
    ]);
  });

  it('links a repository file to GitHub at its commit', () => {
    expect(sourceHref('acme/client@0123456789abcdef0123456789abcdef01234567:src/api.rs#L10-L20')).toBe(
      'https://github.com/acme/client/blob/0123456789abcdef0123456789abcdef01234567/src/api.rs#L10-L20',
    );
    expect(LEVELS).toEqual(['doc', 'vendor-spec', 'client', 'inferred']);
  });
});

/** Files a user reads: the front door, docs, specs, scenarios, examples, sources and tests. */
const READ_BY_USERS = [
  'README.md',
  'SECURITY.md',
  'docs',
  'specs',
  'scenarios',
  'examples',
  'src',
  'test',
  'scripts',
  'bench',
];
const TEXT = /\.(md|ya?ml|ts|js|mjs|json|txt|html|sh)$/;

function files(path: string): string[] {
  const full = packagePath(path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((f) => join(full, f))
    .filter((f) => TEXT.test(f) && !f.includes('node_modules') && statSync(f).isFile());
}

describe('references a user cannot follow', () => {
  // Spelled in two parts so that this file does not find itself.
  const FORBIDDEN = [new RegExp(['vendor', 'docs'].join('-'), 'i'), new RegExp(['DESIGN', 'md'].join('\\.'))];

  it('names no captured vendor copy and no design document outside the repository', () => {
    const hits: string[] = [];
    for (const root of READ_BY_USERS)
      for (const file of files(root)) {
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          if (FORBIDDEN.some((re) => re.test(line)))
            hits.push(`${relative(packagePath('.'), file)}:${i + 1}: ${line.trim()}`);
        });
      }
    expect(hits).toEqual([]);
  });
});
