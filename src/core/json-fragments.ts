/**
 * JSON text written faster than JSON.stringify finds it, the same text. A series body is mostly
 * rows of one shape, `{"date":"2025-02-01T00:00:00.000Z","value":397}`, whose labels repeat
 * request after request (time.ts keeps each window's list): each row's text up to its first value
 * is written once per kept label list, and a row costs its numbers. Such rows are a fragment
 * (`LabelledRows`); `jsonWithFragments` writes a body holding fragments, JSON.stringify the rest.
 * A fragment's `toJSON` gives its plain value, so JSON.stringify and every other reader see the
 * same thing.
 */

/** A part of a body that writes its own JSON text, the text JSON.stringify gives for its `toJSON()`. */
export abstract class JsonFragment {
  abstract toJSON(): unknown;
  abstract text(): string;
}

/** A number as JSON.stringify writes it (a non-finite one as null). */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/**
 * The shape of a list of rows: a label field, then number fields, in this order. Keeps, per label
 * list (read only: a kept list such as bucketStartLabels'), each row's text up to its first value.
 */
export class RowShape {
  private readonly heads = new WeakMap<readonly string[], readonly string[]>();
  /** The text between one value and the next field's value: `,"messages":`. */
  private readonly between: readonly string[];

  constructor(
    readonly labelField: string,
    readonly valueFields: readonly [string, ...string[]],
  ) {
    this.between = valueFields.map((field) => `,${JSON.stringify(field)}:`);
  }

  /** Each row's text up to its first value, for these labels: `{"date":"…","value":`. */
  private headsOf(labels: readonly string[]): readonly string[] {
    let heads = this.heads.get(labels);
    if (heads === undefined) {
      const first = `${JSON.stringify(this.labelField)}:`;
      const firstValue = `,${JSON.stringify(this.valueFields[0])}:`;
      heads = labels.map((label) => `{${first}${JSON.stringify(label)}${firstValue}`);
      this.heads.set(labels, heads);
    }
    return heads;
  }

  /** The rows' JSON text: one row per label, `columns[f][row]` the f-th value field's (0 where missing). */
  text(labels: readonly string[], columns: readonly (readonly number[])[]): string {
    const heads = this.headsOf(labels);
    const between = this.between;
    const first = columns[0] ?? [];
    let text = '[';
    // A row is one template: V8 joins its pieces at once (a piece at a time cost twice as much).
    if (between.length === 1) {
      for (let row = 0; row < heads.length; row++)
        text += `${row === 0 ? '' : ','}${heads[row]}${numberText(first[row] ?? 0)}}`;
    } else if (between.length === 3) {
      const second = columns[1] ?? [];
      const third = columns[2] ?? [];
      for (let row = 0; row < heads.length; row++)
        text += `${row === 0 ? '' : ','}${heads[row]}${numberText(first[row] ?? 0)}${between[1]}${numberText(second[row] ?? 0)}${between[2]}${numberText(third[row] ?? 0)}}`;
    } else {
      for (let row = 0; row < heads.length; row++) {
        let item = `${row === 0 ? '' : ','}${heads[row]}${numberText(first[row] ?? 0)}`;
        for (let f = 1; f < between.length; f++) item += `${between[f]}${numberText(columns[f]?.[row] ?? 0)}`;
        text += `${item}}`;
      }
    }
    return `${text}]`;
  }

  /** The same rows as objects (what JSON.stringify and other readers see). */
  rows(
    labels: readonly string[],
    columns: readonly (readonly number[])[],
  ): Record<string, string | number>[] {
    const rows: Record<string, string | number>[] = [];
    for (let row = 0; row < labels.length; row++) {
      const item: Record<string, string | number> = { [this.labelField]: labels[row] as string };
      this.valueFields.forEach((field, f) => {
        item[field] = columns[f]?.[row] ?? 0;
      });
      rows.push(item);
    }
    return rows;
  }
}

/** Rows of one shape, one per label: a fragment. */
export class LabelledRows extends JsonFragment {
  constructor(
    readonly shape: RowShape,
    readonly labels: readonly string[],
    readonly columns: readonly (readonly number[])[],
  ) {
    super();
  }

  toJSON(): Record<string, string | number>[] {
    return this.shape.rows(this.labels, this.columns);
  }

  text(): string {
    return this.shape.text(this.labels, this.columns);
  }
}

/** An object that holds a fragment as one of its own values: written by hand, the rest by JSON.stringify. */
function holdsFragment(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // JSON.stringify writes what its toJSON gives instead.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in value)
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] instanceof JsonFragment)
      return true;
  return false;
}

/** A value that is a fragment, holds one, or is a list whose first item holds one: written by hand. */
function walked(value: unknown): boolean {
  return (
    value instanceof JsonFragment ||
    holdsFragment(value) ||
    (Array.isArray(value) && value.length > 0 && holdsFragment(value[0]))
  );
}

/** A value's text: a fragment's own, a list of objects holding fragments walked, else JSON.stringify's. */
function valueText(value: unknown): string | undefined {
  if (value instanceof JsonFragment) return value.text();
  if (Array.isArray(value) && value.length > 0 && holdsFragment(value[0])) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      const item: unknown = value[i];
      text += (holdsFragment(item) ? objectText(item) : JSON.stringify(item)) ?? 'null';
    }
    return `${text}]`;
  }
  if (holdsFragment(value)) return objectText(value);
  return JSON.stringify(value);
}

/** A plain object's text, key by key, as JSON.stringify writes it. */
function objectText(value: Record<string, unknown>): string {
  let text = '{';
  let first = true;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    // Undefined: what JSON.stringify leaves out of an object (undefined, a function, a symbol).
    const itemText = valueText(value[key]);
    if (itemText === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${itemText}`;
    first = false;
  }
  return `${text}}`;
}

/**
 * `JSON.stringify(body)`, the same text, for a plain object body: walked by hand down to its
 * fragments (a value that is one, an object holding one, a list of such objects), each written by
 * itself; every other value goes to JSON.stringify whole (a fragment deeper down writes its
 * `toJSON()` value there).
 */
export function jsonWithFragments(body: Record<string, unknown>): string {
  // A body with no fragment near its top (most of them) is one JSON.stringify.
  for (const key in body) if (Object.hasOwn(body, key) && walked(body[key])) return objectText(body);
  return JSON.stringify(body);
}
