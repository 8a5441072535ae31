import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/core/spec.js';

const spec = loadSpec('chatbotcom');

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
});
