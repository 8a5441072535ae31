import { describe, expect, it } from 'vitest';
import { documentedErrors, MockError } from '../../src/core/errors.js';

describe('documentedErrors', () => {
  it('builds the documented error of a status from the table', () => {
    const error = documentedErrors({ 400: 'Incorrect request' })(400);
    expect(error).toBeInstanceOf(MockError);
    expect([error.status, error.message, error.code]).toEqual([400, 'Incorrect request', undefined]);
  });

  it('carries the code of a table entry that has one', () => {
    const error = documentedErrors({ 403: { message: 'Forbidden', code: 'insufficient_permissions' } })(403);
    expect([error.status, error.message, error.code]).toEqual([403, 'Forbidden', 'insufficient_permissions']);
  });

  it('answers a status the table lacks with HTTP <status>, or with the fallback given', () => {
    expect(documentedErrors({})(418).message).toBe('HTTP 418');
    const withFallback = documentedErrors({}, (status) => ({ message: `status ${status}`, code: 'other' }));
    expect([withFallback(502).message, withFallback(502).code]).toEqual(['status 502', 'other']);
  });
});
