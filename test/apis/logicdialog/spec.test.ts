import { describe, expect, it } from 'vitest';
import { logicdialog } from '../../../src/apis/logicdialog/index.js';
import { loadSpec } from '../../../src/core/spec.js';
import { ENDPOINTS } from './helpers.js';

type Node = Record<string, unknown>;

/** Every place of the spec that must say where it comes from, with its node. */
function provenanceSites(document: Node): [string, Node][] {
  const sites: [string, Node][] = [];
  const components = document.components as Node;
  const visit = (node: unknown, where: string) => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as Node;
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Node)) {
      sites.push([`${where}.properties.${name}`, property as Node]);
      visit(property, `${where}.properties.${name}`);
    }
    for (const key of ['items', 'allOf', 'oneOf', 'anyOf']) {
      const child = schema[key];
      if (!Array.isArray(child)) visit(child, `${where}.${key}`);
      else for (const [i, c] of child.entries()) visit(c, `${where}.${key}[${i}]`);
    }
  };
  for (const [name, schema] of Object.entries(components.schemas as Node)) {
    sites.push([`schemas.${name}`, schema as Node]);
    visit(schema, `schemas.${name}`);
  }
  for (const [name, parameter] of Object.entries(components.parameters as Node))
    sites.push([`parameters.${name}`, parameter as Node]);
  for (const [path, item] of Object.entries(document.paths as Node))
    sites.push([`paths.${path}.get`, (item as Node).get as Node]);
  return sites;
}

describe('logicdialog spec', () => {
  it('documents the sixteen vendor paths, each with a handler', () => {
    const spec = loadSpec('logicdialog');
    expect(spec.operations.map((op) => op.path).sort()).toEqual(
      ENDPOINTS.map((e) => `/api/agent/analytics/${e}`).sort(),
    );
    expect(Object.keys(logicdialog.handlers).sort()).toEqual(
      spec.operations.map((op) => op.operationId).sort(),
    );
    for (const op of spec.operations) expect(op.method).toBe('GET');
  });

  it('says where every operation, parameter, schema and property comes from', () => {
    const spec = loadSpec('logicdialog');
    const sites = provenanceSites(spec.document);
    expect(sites.length).toBeGreaterThan(100);
    for (const [where, node] of sites) {
      expect(['doc', 'inferred'], where).toContain(node['x-source']);
      if (node['x-source'] === 'inferred') expect(node['x-source-note'], where).toEqual(expect.any(String));
    }
  });

  it('gives every operation the four common query parameters and the wbb-client header', () => {
    const spec = loadSpec('logicdialog');
    for (const op of spec.operations) {
      expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
        'query:dateFrom',
        'query:dateTo',
        'query:client',
        'query:resolution',
        'header:wbb-client',
      ]);
      expect(op.responses.map((r) => r.status)).toEqual(['200', '400', '401', '403', '500']);
    }
  });
});
