/**
 * The shape of a JSON body — which fields, which types, the shape of array items — and how two shapes
 * differ. Values are never compared: the live data and the mock's differ by design.
 */
import { type Difference, pointerJoin } from './difference.js';

/** What a value looks like, merged over every item of an array. */
interface Shape {
  /** JSON types seen: null, boolean, number, string, array, object (integers are numbers: data decide). */
  types: Set<string>;
  /** Where it was first seen (a real JSON pointer: the first item that had it). */
  pointer: string;
  props: Map<string, Shape>;
  items: Shape | undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function emptyShape(pointer: string): Shape {
  return { types: new Set(), pointer, props: new Map(), items: undefined };
}

/** Adds a value's shape into `shape` (so an array's items merge into one). */
function addShape(shape: Shape, value: unknown, pointer: string, depth: number): void {
  const type = typeOf(value);
  shape.types.add(type);
  if (depth > 64) return;
  if (type === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const at = pointerJoin(pointer, key);
      let prop = shape.props.get(key);
      if (!prop) {
        prop = emptyShape(at);
        shape.props.set(key, prop);
      }
      addShape(prop, child, at, depth + 1);
    }
  } else if (type === 'array') {
    (value as unknown[]).forEach((item, i) => {
      const at = pointerJoin(pointer, i);
      shape.items ??= emptyShape(at);
      addShape(shape.items, item, at, depth + 1);
    });
  }
}

/** The shape of a JSON value. */
export function shapeOf(value: unknown): Shape {
  const shape = emptyShape('');
  addShape(shape, value, '', 0);
  return shape;
}

function list(types: Set<string>): string {
  return [...types].sort().join(' or ');
}

function compare(live: Shape, mock: Shape, out: Difference[]): void {
  // Types that only sometimes differ (null in some rows) depend on data; types that never meet do not.
  const shared = [...live.types].some((t) => mock.types.has(t));
  if (!shared) {
    out.push({
      against: 'mock',
      where: 'body',
      pointer: live.pointer,
      rule: 'type',
      message: `live is ${list(live.types)}, the mock's is ${list(mock.types)}`,
    });
    return;
  }
  if (live.types.has('object') && mock.types.has('object')) {
    for (const [key, prop] of live.props) {
      const other = mock.props.get(key);
      if (other) compare(prop, other, out);
      else
        out.push({
          against: 'mock',
          where: 'body',
          pointer: prop.pointer,
          rule: 'shape',
          message: `field '${key}' is in the live answer, not in the mock's`,
        });
    }
    for (const [key, prop] of mock.props) {
      if (live.props.has(key)) continue;
      out.push({
        against: 'mock',
        where: 'body',
        pointer: pointerJoin(live.pointer, key),
        rule: 'shape',
        message: `field '${key}' is in the mock's answer (${prop.pointer}), not in the live one`,
      });
    }
  }
  // An empty array on either side says nothing about item shapes.
  if (live.items && mock.items) compare(live.items, mock.items, out);
}

/** Every difference in shape between the live body and the mock's, each at a JSON pointer of the live body. */
export function shapeDifferences(live: unknown, mock: unknown): Difference[] {
  const out: Difference[] = [];
  compare(shapeOf(live), shapeOf(mock), out);
  return out;
}
