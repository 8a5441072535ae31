/** List values of a request: a parameter repeated (`a=1&a=2`), comma-separated (`a=1,2`), or both. */

/**
 * The items of a list value: each value (a string, or an array of strings) split at commas, empty
 * items dropped; `trim` also trims each item (for lists the vendor documents as `a, b`).
 */
export function listItems(value: unknown, options?: { trim?: boolean }): string[] {
  const items: string[] = [];
  if (value === undefined) return items;
  const trim = options?.trim === true;
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  for (const v of values) {
    for (const part of String(v).split(',')) {
      const item = trim ? part.trim() : part;
      if (item !== '') items.push(item);
    }
  }
  return items;
}

/** The items in their first order, each kept once. */
export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
