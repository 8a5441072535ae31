/** List values of a request: a parameter repeated (`a=1&a=2`), comma-separated (`a=1,2`), or both. */

/**
 * The items of a list value: each value (a string, or an array of strings) split at commas, empty
 * items dropped; `trim` also trims each item (for lists the vendor documents as `a, b`).
 */
export function listItems(value: unknown, { trim = false }: { trim?: boolean } = {}): string[] {
  if (value === undefined) return [];
  // The usual case, one value without a comma: its one item, without the intermediate lists.
  if (typeof value === 'string' && !value.includes(',')) {
    const item = trim ? value.trim() : value;
    return item === '' ? [] : [item];
  }
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  const items = values.flatMap((v) => v.split(','));
  return (trim ? items.map((s) => s.trim()) : items).filter((s) => s !== '');
}

/** The items in their first order, each kept once. */
export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
