/** Finds where a field of a parsed YAML document stands, so messages can name its line and column. */
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../core/lazy-deps.js';
import type { FieldPath, Position } from './problems.js';

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * The position of a field: its value, or its key with `atKey`. A field that does not exist (a missing
 * one) is placed at the nearest enclosing node that does.
 */
export function positionOf(doc: Document, lines: LineCounter, path: FieldPath, atKey = false): Position {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
      );
      if (!pair) break;
      if (last && atKey) {
        offset = startOf(pair.key) ?? offset;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
    } else {
      break;
    }
    offset = startOf(node) ?? offset;
  }
  const { line, col } = lines.linePos(offset);
  return { line, col };
}
