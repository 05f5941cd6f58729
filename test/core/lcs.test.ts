/**
 * `lcsPairs` on its own: pairs of equal items, increasing on both sides, as many as a
 * brute-force longest common subsequence over 1,500 random small lists (offsets included), and
 * on a tie A is consumed first, so a deletion comes before an insertion.
 */
import { describe, expect, it } from "vitest";
import { lcsPairs } from "../../src/core/redline/lcs";
import { Random } from "../../src/core/samples/random";

function longest(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a[0] === b[0]) return 1 + longest(a.slice(1), b.slice(1));
  return Math.max(longest(a.slice(1), b), longest(a, b.slice(1)));
}

describe("lcsPairs", () => {
  it("gives a longest common subsequence of the ranges asked for, over 1,500 random lists", () => {
    const random = new Random(9);
    for (let trial = 0; trial < 1500; trial++) {
      const a = Array.from({ length: random.int(0, 8) }, () => random.pick(["x", "y", "z"]));
      const b = Array.from({ length: random.int(0, 8) }, () => random.pick(["x", "y", "z"]));
      const fromA = random.int(0, a.length);
      const toA = random.int(fromA, a.length);
      const fromB = random.int(0, b.length);
      const toB = random.int(fromB, b.length);
      const pairs = lcsPairs(a, fromA, toA, b, fromB, toB);
      pairs.forEach(([i, j], k) => {
        expect(a[i]).toBe(b[j]);
        expect(i >= fromA && i < toA && j >= fromB && j < toB).toBe(true);
        if (k > 0) expect(i > pairs[k - 1]![0] && j > pairs[k - 1]![1]).toBe(true);
      });
      expect(pairs.length).toBe(longest(a.slice(fromA, toA), b.slice(fromB, toB)));
    }
  });

  it("consumes A first on a tie: of x y against y x it keeps y, striking x before inserting it", () => {
    expect(lcsPairs(["x", "y"], 0, 2, ["y", "x"], 0, 2)).toEqual([[1, 0]]);
  });
});
