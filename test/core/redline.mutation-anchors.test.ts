/**
 * The linear diff's anchors against slow truths: `uniqueRunPairs` against counting every run of
 * k ids by its text on each side, and `increasingChain` against a quadratic longest increasing
 * subsequence (strict, indices in order).
 *
 * Surviving mutants judged equivalent (no input can tell them apart), by line of anchors.ts:
 * - 10, 28, 33, 40: a loop bound `<` made `<=` takes one step past the hashes: at 10 it writes
 *   past the end of an Int32Array (a no-op); at 28 it stores the key `undefined` in inA, which no
 *   numeric hash looks up; at 33 and 40 it looks up hash `undefined`, found in no map (the other
 *   loops being unmutated), so nothing is stored or paired.
 * - 36: `atA !== undefined` made `true`: the `atA >= 0` beside it is false for undefined anyway.
 * - 43 (four mutants: the `continue` test made false, `||` made `&&`, either half made false):
 *   a start `j` that is undefined or -1 reaches the id-for-id check, where b[j + 0] is
 *   undefined, equal to no id of A, so nothing is paired; the test only saves that work.
 * - 53: `tails` starting as ["Stryker was here"] instead of []: the first value's binary search
 *   compares against values["Stryker was here"] (undefined; `<` is false), lands at 0 and
 *   overwrites it; for no values the chain starts at k = "Stryker was here", and `k >= 0` is
 *   false, so the chain is empty as before.
 */
import { describe, expect, it } from "vitest";
import { increasingChain, uniqueRunPairs } from "../../src/core/redline/anchors";
import { Random } from "../../src/core/samples/random";

/** Starts of the runs of k ids found exactly once in each stretch, by counting run texts. */
function slowUniquePairs(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, k: number): { pairsA: number[]; pairsB: number[] } {
  const startsOf = (seq: Int32Array, lo: number, hi: number) => {
    const starts = new Map<string, number[]>();
    for (let i = lo; i + k <= hi; i++) {
      const text = Array.from(seq.subarray(i, i + k)).join(",");
      starts.set(text, [...(starts.get(text) ?? []), i]);
    }
    return starts;
  };
  const inA = startsOf(a, aLo, aHi);
  const inB = startsOf(b, bLo, bHi);
  const pairsA: number[] = [];
  const pairsB: number[] = [];
  for (const [text, starts] of inA) {
    const other = inB.get(text);
    if (starts.length === 1 && other?.length === 1) { pairsA.push(starts[0]!); pairsB.push(other[0]!); }
  }
  const order = pairsA.map((_, n) => n).sort((x, y) => pairsA[x]! - pairsA[y]!);
  return { pairsA: order.map((n) => pairsA[n]!), pairsB: order.map((n) => pairsB[n]!) };
}

/** Length of a longest strictly increasing subsequence (quadratic). */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) for (let k = 0; k < i; k++) if (values[k]! < values[i]!) best[i] = Math.max(best[i]!, best[k]! + 1);
  return Math.max(0, ...best);
}

describe("uniqueRunPairs", () => {
  it("finds exactly the runs that occur once on each side, inside the given stretches, over random id sequences", () => {
    const random = new Random(21);
    for (let round = 0; round < 400; round++) {
      const alphabet = random.int(1, 12);
      const a = Int32Array.from({ length: random.int(0, 40) }, () => random.int(0, alphabet - 1));
      const b = Int32Array.from({ length: random.int(0, 40) }, () => random.int(0, alphabet - 1));
      const aLo = random.int(0, a.length);
      const aHi = random.int(aLo, a.length);
      const bLo = random.int(0, b.length);
      const bHi = random.int(bLo, b.length);
      const k = random.int(1, 5);
      expect(uniqueRunPairs(a, aLo, aHi, b, bLo, bHi, k), `round ${round}`).toEqual(slowUniquePairs(a, aLo, aHi, b, bLo, bHi, k));
    }
  });

  it("works out a small case by hand", () => {
    // Runs of 2 in A: 1,2 (at 0) 2,3 (1) 3,1 (2) 1,2 (3) 2,9 (4); in B: 3,1 (0) 1,2 (1) 2,9 (2) 9,4 (3).
    const a = Int32Array.from([1, 2, 3, 1, 2, 9]);
    const b = Int32Array.from([3, 1, 2, 9, 4]);
    expect(uniqueRunPairs(a, 0, a.length, b, 0, b.length, 2)).toEqual({ pairsA: [2, 4], pairsB: [0, 2] });
    // Within A[3, 6) only 1,2 and 2,9 are runs, each once; within B[1, 5) 1,2 2,9 9,4.
    expect(uniqueRunPairs(a, 3, 6, b, 1, 5, 2)).toEqual({ pairsA: [3, 4], pairsB: [1, 2] });
    // A stretch shorter than k has no run at all.
    expect(uniqueRunPairs(a, 0, 1, b, 0, b.length, 2)).toEqual({ pairsA: [], pairsB: [] });
    expect(uniqueRunPairs(a, 0, a.length, b, 0, 1, 2)).toEqual({ pairsA: [], pairsB: [] });
  });

  it("checks runs whose hashes collide id for id (a collision can only lose an anchor, never make a false one)", () => {
    // The hash of a run [x, y] is imul(x, 0x01000193) ^ y, so [0, 5] and [1, 0x01000193 ^ 5] collide.
    const colliding = 0x01000193 ^ 5;
    expect(uniqueRunPairs(Int32Array.from([0, 5]), 0, 2, Int32Array.from([1, colliding]), 0, 2, 2)).toEqual({ pairsA: [], pairsB: [] });
    expect(uniqueRunPairs(Int32Array.from([7, 0, 5]), 0, 3, Int32Array.from([7, 0, 1, colliding]), 0, 4, 2)).toEqual({ pairsA: [0], pairsB: [0] });
  });
});

describe("increasingChain", () => {
  it("gives indices in order of a strictly increasing chain as long as the longest, over random sequences with repeats", () => {
    const random = new Random(22);
    for (let round = 0; round < 400; round++) {
      const values = Array.from({ length: random.int(0, 14) }, () => random.int(0, 8));
      const chain = increasingChain(values);
      expect(chain.length, `round ${round}`).toBe(lisLength(values));
      for (let n = 1; n < chain.length; n++) {
        expect(chain[n]!).toBeGreaterThan(chain[n - 1]!);
        expect(values[chain[n]!]!).toBeGreaterThan(values[chain[n - 1]!]!);
      }
      for (const index of chain) expect(index >= 0 && index < values.length).toBe(true);
    }
  });

  it("works out small cases by hand", () => {
    expect(increasingChain([])).toEqual([]);
    expect(increasingChain([4])).toEqual([0]);
    expect(increasingChain([2, 2, 2])).toHaveLength(1);
    expect(increasingChain([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(increasingChain([3, 1, 2, 5, 4, 6])).toEqual([1, 2, 4, 5]);
  });
});
