/** Sums the tests compare the mock's figures with, computed here independently of src/. */

/** The sum of some numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Element-wise sum of rows of equal length (a grouped series back to the ungrouped one). */
export function addUp(rows: readonly (readonly number[])[], length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (const row of rows) {
    row.forEach((v, i) => {
      out[i] = (out[i] ?? 0) + v;
    });
  }
  return out;
}

/** Sums of consecutive runs of `size` values (hours → days). */
export function chunkSums(values: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size) out.push(sum(values.slice(i, i + size)));
  return out;
}
