/**
 * The linear-memory token diff against oracles: over thousands of random token sequences its
 * hunks applied to A give B, and on inputs small enough for the exact table of lcs.ts it keeps
 * as many tokens unchanged as the longest common subsequence (it is minimal). Long sequences
 * with scattered edits are diffed precisely and close to the edits made; only input with
 * nothing to anchor on, past the cost bound, falls back to sentences.
 */
import { describe, expect, it } from "vitest";
import { lcsPairs } from "../../src/core/redline/lcs";
import { increasingChain } from "../../src/core/redline/anchors";
import { diffTokens, type DiffHunk } from "../../src/core/redline/linearDiff";
import { Random } from "../../src/core/samples/random";
import { applyHunks as apply, randomEdit, randomTokens } from "../support/tokenDiffs";

/** Checks the hunks' shape: in order, non-empty, not touching, and equal tokens between them. */
function checkShape(a: readonly string[], b: readonly string[], hunks: readonly DiffHunk[]): void {
  const problems: string[] = [];
  let nextA = 0;
  let nextB = 0;
  const sameRun = (fromA: number, fromB: number, length: number) => {
    for (let t = 0; t < length; t++) if (a[fromA + t] !== b[fromB + t]) return false;
    return true;
  };
  for (const [index, hunk] of hunks.entries()) {
    if (hunk.toA - hunk.fromA + hunk.toB - hunk.fromB <= 0) problems.push(`hunk ${index} is empty`);
    if (index > 0 && hunk.fromA === nextA && hunk.fromB === nextB) problems.push(`hunk ${index} touches the one before`);
    if (hunk.fromA - nextA !== hunk.fromB - nextB || !sameRun(nextA, nextB, hunk.fromA - nextA)) problems.push(`unequal tokens before hunk ${index}`);
    nextA = hunk.toA;
    nextB = hunk.toB;
  }
  if (a.length - nextA !== b.length - nextB || !sameRun(nextA, nextB, a.length - nextA)) problems.push("unequal tokens after the last hunk");
  expect(problems).toEqual([]);
}

function unchanged(a: readonly string[], hunks: readonly DiffHunk[]): number {
  return a.length - hunks.reduce((sum, hunk) => sum + hunk.toA - hunk.fromA, 0);
}

describe("the linear-memory diff", () => {
  it("is minimal and rebuilds B on 3000 random small pairs (the exact table and Myers' search)", () => {
    const random = new Random(7);
    let viaMyers = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = random.int(2, 30);
      const a = randomTokens(random, random.int(0, 160), alphabet);
      const b = random.chance(0.5) ? randomEdit(random, a, random.next(), alphabet) : randomTokens(random, random.int(0, 160), alphabet);
      const hunks = diffTokens(a, b, { maxEditLength: 2000 });
      const label = `trial ${trial}`;
      expect(apply(a, b, hunks), label).toEqual(b);
      checkShape(a, b, hunks);
      expect(unchanged(a, hunks), label).toBe(lcsPairs(a, 0, a.length, b, 0, b.length).length);
      expect(hunks.every((hunk) => hunk.precise), label).toBe(true);
      if (a.length * b.length > 4096) viaMyers++;
    }
    expect(viaMyers).toBeGreaterThan(1000);
  });

  it("rebuilds B when a tiny edit bound forces anchors and the sentence fallback", () => {
    const random = new Random(11);
    for (let trial = 0; trial < 1500; trial++) {
      const alphabet = random.int(2, 40);
      const a = randomTokens(random, random.int(50, 400), alphabet).map((token) => (random.chance(0.05) ? "." : token));
      const b = random.chance(0.7) ? randomEdit(random, a, random.next() * 0.5, alphabet) : randomTokens(random, random.int(50, 400), alphabet);
      const hunks = diffTokens(a, b, { maxEditLength: random.int(2, 12) });
      expect(apply(a, b, hunks), `trial ${trial}`).toEqual(b);
      checkShape(a, b, hunks);
    }
  });

  it("diffs a long sequence with 2% scattered edits precisely, near the edits made", () => {
    const random = new Random(3);
    const vocabulary = 400;
    const a = randomTokens(random, 150_000, vocabulary);
    const b: string[] = [];
    let ideal = 0;
    for (const token of a) {
      if (random.chance(0.02)) { b.push(`new${random.int(0, 50)}`); ideal += 2; } else b.push(token);
    }
    const hunks = diffTokens(a, b, { maxEditLength: 2000 });
    expect(apply(a, b, hunks)).toEqual(b);
    expect(hunks.every((hunk) => hunk.precise)).toBe(true);
    const marked = hunks.reduce((sum, hunk) => sum + hunk.toA - hunk.fromA + hunk.toB - hunk.fromB, 0);
    expect(marked).toBeLessThanOrEqual(ideal * 1.1);
  });

  /** Periodic text: every run of tokens recurs, so nothing anchors. */
  const periodic = (pattern: string[], length: number) => Array.from({ length }, (_, i) => pattern[i % pattern.length]!);
  const first = "The first sentence stays as it is .".split(" ");
  const last = "So does the last one .".split(" ");
  const a = [...first, ...periodic(["x", "y"], 300), ".", ...last];
  const b = [...first, ...periodic(["x", "x", "y"], 300), ".", ...last];

  it("falls back to sentences only where nothing anchors, leaving the equal sentences unmarked", () => {
    const hunks = diffTokens(a, b, { maxEditLength: 4 });
    expect(apply(a, b, hunks)).toEqual(b);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]!.precise).toBe(false);
    expect(hunks[0]!.fromA).toBeGreaterThanOrEqual(first.length);
    expect(hunks[0]!.toA).toBeLessThanOrEqual(first.length + 300);
  });

  it("diffs the same input exactly within the default bound", () => {
    const hunks = diffTokens(a, b, { maxEditLength: 2000 });
    expect(hunks.every((hunk) => hunk.precise)).toBe(true);
    expect(unchanged(a, hunks)).toBe(lcsPairs(a, 0, a.length, b, 0, b.length).length);
  });

  it("chains anchors by a longest increasing subsequence", () => {
    expect(increasingChain([])).toEqual([]);
    expect(increasingChain([3, 1, 2, 5, 4, 6])).toEqual([1, 2, 4, 5]);
    expect(increasingChain([5, 4, 3])).toHaveLength(1);
  });
});
