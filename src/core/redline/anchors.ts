/**
 * Anchors for the linear diff: runs of k tokens that occur exactly once in each of two
 * stretches, and the longest chain of them in the same order on both sides. Such runs are
 * almost surely the same text on both sides, so a long stretch can be cut at them.
 */

/** Hashes of the runs of k ids starting at each of seq[from, to - k]. */
function runHashes(seq: Int32Array, from: number, to: number, k: number): Int32Array {
  const hashes = new Int32Array(Math.max(0, to - from - k + 1));
  for (let i = 0; i < hashes.length; i++) {
    let h = 0;
    for (let t = 0; t < k; t++) h = (Math.imul(h, 0x01000193) ^ seq[from + i + t]!) | 0;
    hashes[i] = h;
  }
  return hashes;
}

/**
 * Starts (in A and in B, in increasing A order) of the runs of k ids found exactly once in
 * a[aLo, aHi) and exactly once in b[bLo, bHi), equal id for id (hash collisions are checked).
 */
export function uniqueRunPairs(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, k: number): { pairsA: number[]; pairsB: number[] } {
  const hashesA = runHashes(a, aLo, aHi, k);
  const hashesB = runHashes(b, bLo, bHi, k);
  // Each run's hash → its start when it occurs once, -1 when more often; B keeps only the
  // hashes found once in A, so a B start found below belongs to A's one run of that hash.
  const inA = new Map<number, number>();
  for (let i = 0; i < hashesA.length; i++) {
    const h = hashesA[i]!;
    inA.set(h, inA.has(h) ? -1 : aLo + i);
  }
  const inB = new Map<number, number>();
  for (let j = 0; j < hashesB.length; j++) {
    const h = hashesB[j]!;
    const atA = inA.get(h);
    if (atA !== undefined && atA >= 0) inB.set(h, inB.has(h) ? -1 : bLo + j);
  }
  const pairsA: number[] = [];
  const pairsB: number[] = [];
  for (let i = 0; i < hashesA.length; i++) {
    const h = hashesA[i]!;
    const j = inB.get(h);
    if (j === undefined || j < 0) continue;
    let same = true;
    for (let t = 0; t < k && same; t++) same = a[aLo + i + t] === b[j + t];
    if (same) { pairsA.push(aLo + i); pairsB.push(j); }
  }
  return { pairsA, pairsB };
}

/** Indices (into `values`) of one longest strictly increasing subsequence, in order. O(n log n). */
export function increasingChain(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1; else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const chain: number[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k]!) chain.push(k);
  return chain.reverse();
}
