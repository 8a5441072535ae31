import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/core/spec.js';
import { ENDPOINTS } from './helpers.js';

describe('logicdialog spec', () => {
  it('documents the sixteen vendor paths (their handlers: the conformance suite)', () => {
    const spec = loadSpec('logicdialog');
    expect(spec.operations.map((op) => op.path).sort()).toEqual(
      ENDPOINTS.map((e) => `/api/agent/analytics/${e}`).sort(),
    );
    for (const op of spec.operations) expect(op.method).toBe('GET');
  });

  it('gives every operation the four common query parameters, the wbb-client header and the same statuses (the retry ones included)', () => {
    const spec = loadSpec('logicdialog');
    for (const op of spec.operations) {
      expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
        'query:dateFrom',
        'query:dateTo',
        'query:client',
        'query:resolution',
        'header:wbb-client',
      ]);
      expect(op.responses.map((r) => r.status)).toEqual([
        '200',
        '400',
        '401',
        '403',
        '408',
        '429',
        '500',
        '504',
      ]);
    }
  });
});
