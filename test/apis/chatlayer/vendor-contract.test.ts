/** The vendor's OpenAPI fixture and the check built on it: it must be able to fail. */
import { readFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/core/spec.js';
import { expectMatchesVendor, VENDOR_SOURCE, vendorDocument, vendorOperations } from './vendor-contract.js';

const fake = (body: unknown) =>
  ({ status: 200, headers: { 'content-type': 'application/json' }, body }) as unknown as Response;

describe("the vendor's own spec as an independent check", () => {
  it('is the fixture whose header names its source repo@commit:path', () => {
    const text = readFileSync(
      new URL('./vendor/sinch-chatlayer-analytics-api-openapi.yaml', import.meta.url),
      'utf8',
    );
    expect(text.split('\n').slice(0, 5).join('\n')).toContain(`Source: ${VENDOR_SOURCE}`);
    expect(vendorDocument.openapi).toBe('3.0.1');
    expect(vendorOperations).toHaveLength(31);
  });

  it('serves all 31 of the vendor operations', () => {
    const ids = (ops: readonly { operationId: string }[]) => ops.map((o) => o.operationId).sort();
    expect(ids(loadSpec('chatlayer').operations)).toEqual(ids(vendorOperations));
  });

  it("has each of our operations with the vendor's method, path, id and parameters (extras inferred)", () => {
    const spec = loadSpec('chatlayer');
    for (const op of spec.operations) {
      const vendor = vendorOperations.find((v) => v.operationId === op.operationId);
      expect(vendor && `${vendor.method} ${vendor.path}`, op.operationId).toBe(`${op.method} ${op.path}`);
      const names = (ps: typeof op.parameters) => ps.map((p) => `${p.in}:${p.name}`);
      const ours = names(op.parameters);
      for (const name of names(vendor?.parameters ?? [])) expect(ours, op.operationId).toContain(name);
      const extras = op.parameters.filter(
        (p) => !names(vendor?.parameters ?? []).includes(`${p.in}:${p.name}`),
      );
      for (const extra of extras) {
        const raw = ((op.raw.parameters as Record<string, unknown>[]) ?? []).find(
          (p) => p.name === extra.name,
        );
        expect(raw?.['x-source'], `${op.operationId} ${extra.name} is ours, so inferred`).toBe('inferred');
      }
    }
  });

  it('passes a body of the vendor shape', async () => {
    await expectMatchesVendor('POST', '/v1/echo', fake({ message: 'hi' }));
  });

  it('fails a field the vendor does not name', async () => {
    await expect(expectMatchesVendor('POST', '/v1/echo', fake({ message: 'hi', extra: 1 }))).rejects.toThrow(
      /does not name/,
    );
  });

  it('fails a value of the wrong type', async () => {
    await expect(
      expectMatchesVendor('GET', '/v1/bots/b/messages', fake({ data: { series: [{ values: ['1'] }] } })),
    ).rejects.toThrow(/vendor Analytics_GetMessages/);
  });
});
