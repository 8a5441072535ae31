import { describe, expect, it } from 'vitest';
import { MockError } from '../../src/core/errors.js';
import { decodeToken, encodeToken } from '../../src/core/tokens.js';

describe('continuation tokens', () => {
  it('round-trips a cursor for the same seed and query', () => {
    const token = encodeToken(7, 'q1', { unit: 483537, index: 12 });
    expect(decodeToken(7, 'q1', token, 'continuationToken')).toEqual({ unit: 483537, index: 12 });
  });

  it('gives the same token again and accepts it again, and still refuses it for another seed or query', () => {
    const token = encodeToken(7, 'q3', { unit: 5, index: 1 });
    expect(encodeToken(7, 'q3', { unit: 5, index: 1 })).toBe(token);
    for (let i = 0; i < 2; i++) {
      expect(decodeToken(7, 'q3', token, 'continuationToken')).toEqual({ unit: 5, index: 1 });
      expect(() => decodeToken(8, 'q3', token, 'continuationToken')).toThrowError(MockError);
      expect(() => decodeToken(7, 'q4', token, 'continuationToken')).toThrowError(MockError);
    }
  });

  it.each([
    ['another query', 7, 'q2'],
    ['another seed', 8, 'q1'],
  ])('rejects a token issued for %s with a 400', (_, seed, query) => {
    const token = encodeToken(7, 'q1', { unit: 1, index: 2 });
    expect(() => decodeToken(seed, query, token, 'continuationToken')).toThrowError(MockError);
  });

  it.each(['', 'abc', 'a.b.c', 'djEuMS4y.AAAAAAAAAAAAAAAA', `${'x'.repeat(300)}.y`])(
    'rejects the malformed token %j',
    (token) => {
      try {
        decodeToken(7, 'q1', token, 'continuationToken');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MockError);
        expect((error as MockError).status).toBe(400);
        expect((error as MockError).message).toMatch(/^Invalid continuationToken/);
      }
    },
  );

  it('rejects a token whose payload was altered', () => {
    const token = encodeToken(7, 'q1', { unit: 1, index: 2 });
    const [, sig] = token.split('.');
    const forged = `${Buffer.from('v1.1.3').toString('base64url')}.${sig}`;
    expect(() => decodeToken(7, 'q1', forged, 'continuationToken')).toThrowError(/altered/);
  });
});
