import { describe, expect, it } from 'vitest';
import { readBasic, readBearer } from '../../src/core/credentials.js';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('credentials', () => {
  it.each([
    ['missing', undefined, { kind: 'missing' }],
    ['blank', '  ', { kind: 'missing' }],
    ['a token', 'Bearer abc', { kind: 'ok', value: 'abc' }],
    ['a token, any case and spaces', 'bearer   abc  ', { kind: 'ok', value: 'abc' }],
    ['another scheme', 'Basic abc', { kind: 'malformed' }],
  ] as const)('reads a Bearer header: %s, the same the first time and again', (_, header, expected) => {
    expect(readBearer(header)).toMatchObject(expected);
    expect(readBearer(header)).toMatchObject(expected);
  });

  it.each([
    ['missing', undefined, { kind: 'missing' }],
    ['id and secret', basic('bench:s3cret'), { kind: 'ok', value: { id: 'bench', secret: 's3cret' } }],
    ['a secret with a colon', basic('a:b:c'), { kind: 'ok', value: { id: 'a', secret: 'b:c' } }],
    ['no secret', basic('bench:'), { kind: 'malformed' }],
    ['another scheme', 'Bearer abc', { kind: 'malformed' }],
  ] as const)('reads a Basic header: %s, the same the first time and again', (_, header, expected) => {
    expect(readBasic(header)).toMatchObject(expected);
    expect(readBasic(header)).toMatchObject(expected);
  });

  it('shares a remembered answer read only', () => {
    const read = readBasic(basic('bench:s3cret'));
    if (read.kind !== 'ok') throw new Error('not read');
    expect(() => {
      (read.value as { id: string }).id = 'other';
    }).toThrow(TypeError);
    expect(readBasic(basic('bench:s3cret'))).toMatchObject({ kind: 'ok', value: { id: 'bench' } });
  });
});
