/** One way the live answer differs from the spec or from the mock's answer, and how it is printed. */

/** A difference found by a probe. */
export interface Difference {
  /** What the live answer was compared with. */
  against: 'spec' | 'mock';
  /** The part of the answer: the status line, the content type, a header or the body. */
  where: 'status' | 'content-type' | 'header' | 'body';
  /** JSON pointer into the body (`''` = the whole body; a header's name for `where: 'header'`). */
  pointer: string;
  /** The rule it broke: an ajv keyword with its schema path, or `shape`, `type`, `message`, `columns`… */
  rule: string;
  /** One line for people. */
  message: string;
}

/** `[spec] /data/0/total (type at #/…/type): must be integer` — one line of the report. */
export function formatDifference(d: Difference): string {
  const place =
    d.where === 'body'
      ? d.pointer === ''
        ? 'body'
        : d.pointer
      : d.where === 'header'
        ? `header ${d.pointer}`
        : d.where;
  return `[${d.against}] ${place} (${d.rule}): ${d.message}`;
}

/** Appends a segment to a JSON pointer (RFC 6901 escapes). */
export function pointerJoin(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
