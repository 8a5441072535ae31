import { describe, expect, it } from 'vitest';
import { loadSpec, resolveRef } from '../../../src/core/spec.js';

const spec = loadSpec('chatbotcom');
const components = spec.document.components as Record<string, Record<string, Record<string, unknown>>>;

/** Where an item lacks provenance: no x-source, or inferred without a note. */
function missing(where: string, item: Record<string, unknown>): string[] {
  if (item['x-source'] === 'doc') return [];
  if (item['x-source'] === 'inferred' && typeof item['x-source-note'] === 'string') return [];
  return [where];
}

function schemaGaps(where: string, schema: Record<string, unknown>): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([name, property]) => [
    ...missing(`${where}.${name}`, property),
    ...schemaGaps(`${where}.${name}`, property),
  ]);
}

describe('ChatBot.com spec', () => {
  it('serves the six reports under /chatbotcom, the four unpublished paths marked inferred', () => {
    const paths = spec.operations.map((op) => `${op.path} ${(op.raw['x-source'] as string) ?? ''}`);
    expect(paths).toEqual([
      '/reports/conversations doc',
      '/reports/conversations.paid doc',
      '/reports/conversations.messages inferred',
      '/reports/conversations.average inferred',
      '/reports/conversations.busiestPeriod inferred',
      '/reports/interactions.popularity inferred',
    ]);
    expect((spec.document.servers as Array<{ url: string }>)[0]?.url).toBe('/chatbotcom');
  });

  it('carries x-source on every operation, parameter, schema and property', () => {
    const gaps = [
      ...spec.operations.flatMap((op) => [
        ...missing(op.operationId, op.raw),
        ...((op.raw.parameters ?? []) as unknown[]).flatMap((p) => {
          const param = resolveRef(spec.document, p);
          return missing(`${op.operationId} ${String(param.name)}`, param);
        }),
      ]),
      ...Object.entries(components.schemas ?? {}).flatMap(([name, schema]) => [
        ...missing(name, schema),
        ...schemaGaps(name, schema),
      ]),
      ...Object.entries(components.responses ?? {}).flatMap(([name, response]) => missing(name, response)),
    ];
    expect(gaps).toEqual([]);
  });
});
