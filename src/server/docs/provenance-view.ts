/**
 * Provenance as /docs shows it: level badges and source links on the landing page, and, for the
 * Swagger UI reference, a copy of the spec whose descriptions end with each element's provenance
 * as Markdown links (Swagger UI renders description Markdown, not extension values, as links).
 */
import { provenanceElements, sourceHref } from '../../core/provenance.js';
import { escapeHtml as e } from './html.js';

type Node = Record<string, unknown>;

/** A short label for a source: the URL without its scheme, a repository file with a short commit. */
export function sourceLabel(ref: string): string {
  const repo = /^([^@\s]+)@([0-9a-f]{40}):(.+)$/.exec(ref);
  if (repo) return `${repo[1]}@${repo[2]?.slice(0, 7)}:${repo[3]}`;
  return ref.replace(/^https:\/\//, '');
}

/** One source as an HTML link (a repository path of ours, for an inferred choice, as code). */
export function sourceLinkHtml(ref: string): string {
  const href = sourceHref(ref);
  return href
    ? `<a class="source-ref" href="${e(href)}" rel="noreferrer">${e(sourceLabel(ref))}</a>`
    : `<code>${e(ref)}</code>`;
}

/** An element's level as a badge (its note on hover) followed by its sources as links. */
export function provenanceHtml(level: unknown, refs: readonly string[], note: string | undefined): string {
  const name = typeof level === 'string' ? level : 'unmarked';
  const title = note ? ` title="${e(note)}"` : '';
  const badge = `<span class="source source-${e(name)}"${title}>x-source: ${e(name)}</span>`;
  return refs.length > 0 ? `${badge} ${refs.map(sourceLinkHtml).join(' ')}` : badge;
}

function markdownLink(ref: string): string {
  const href = sourceHref(ref);
  // Brackets and parentheses would end the Markdown link early.
  const label = sourceLabel(ref).replace(/[[\]]/g, '');
  return href ? `[${label}](${href.replace(/[()]/g, encodeURIComponent)})` : `\`${ref}\``;
}

function provenanceMarkdown(level: unknown, refs: readonly string[], note: string | undefined): string {
  const parts = [`**Provenance:** \`${String(level)}\``];
  if (refs.length > 0) parts.push(`— ${refs.map(markdownLink).join(', ')}`);
  if (note) parts.push(`— ${note}`);
  return parts.join(' ');
}

function appendDescription(node: Node, line: string): void {
  const before = typeof node.description === 'string' ? node.description.trimEnd() : '';
  node.description = before ? `${before}\n\n${line}` : line;
}

/**
 * A copy of a spec for the reference page: every element's description ends with its level, its
 * sources as links and its note, and the introduction lists the spec's sources.
 */
export function specWithProvenance(document: Node): Node {
  const copy = structuredClone(document);
  // A YAML alias is one object reached twice: describe it once.
  const done = new WeakSet<Node>();
  for (const el of provenanceElements(copy)) {
    if (done.has(el.node)) continue;
    done.add(el.node);
    appendDescription(el.node, provenanceMarkdown(el.level, el.refs, el.note));
  }
  const info = (copy.info ?? {}) as Node;
  const vendorDoc = typeof info['x-vendor-doc'] === 'string' ? [info['x-vendor-doc']] : [];
  const defaults = Object.entries((info['x-source-refs'] ?? {}) as Record<string, unknown>).map(
    ([level, refs]) =>
      `- \`${level}\` (unless an element names its own): ${[refs].flat().map(String).map(markdownLink).join(', ')}`,
  );
  appendDescription(
    info,
    [
      '## Sources',
      ...vendorDoc.map((ref) => `- Vendor documentation: ${markdownLink(ref)}`),
      ...defaults,
      '',
      'Each operation, parameter, response, schema and property ends its description with its provenance.',
    ].join('\n'),
  );
  copy.info = info;
  return copy;
}
