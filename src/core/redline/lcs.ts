/**
 * Longest common subsequence of two short lists (strings, or token ids) by a full table: exact,
 * allocation-light, and without the set-up cost of a general diff, which dominates for the
 * small inputs that most edits produce. Callers use it only below a size bound (the table's
 * entries are 16-bit) and use a general diff above it.
 */

/** Largest m × n table the paragraph aligner builds; beyond it it falls back to jsdiff. */
export const SMALL_TABLE = 1024;

/**
 * Index pairs [i, j] of one longest common subsequence of a[fromA, toA) and b[fromB, toB), in
 * increasing order. Ties prefer consuming A first, so deletions come before insertions.
 */
export function lcsPairs<T>(a: ArrayLike<T>, fromA: number, toA: number, b: ArrayLike<T>, fromB: number, toB: number): Array<[number, number]> {
  const m = toA - fromA;
  const n = toB - fromB;
  const width = n + 1;
  const table = new Uint16Array((m + 1) * width);
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      table[i * width + j] = a[fromA + i] === b[fromB + j]
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[fromA + i] === b[fromB + j]) {
      pairs.push([fromA + i, fromB + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}
