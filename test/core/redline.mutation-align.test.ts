/**
 * Sequence alignment against slow truths: heaviest increasing subsequences against a quadratic
 * dynamic program (the longest, increasingChain, is tested with the anchors), and
 * `alignSequences` against its contract — every item once and in order, equal keys anchored as
 * a longest common subsequence, gaps paired for the greatest total similarity at or above the
 * threshold, unpaired deletions before insertions.
 */
import { describe, expect, it } from "vitest";
import { alignSequences, heaviestIncreasing, type AlignStep } from "../../src/core/redline/align";
import { Random } from "../../src/core/samples/random";

/** Greatest total weight of a strictly increasing subsequence (quadratic). */
function heaviest(values: readonly number[], weights: readonly number[]): number {
  const best = weights.slice();
  for (let i = 0; i < values.length; i++) for (let k = 0; k < i; k++) if (values[k]! < values[i]!) best[i] = Math.max(best[i]!, best[k]! + weights[i]!);
  return Math.max(0, ...best);
}

function isIncreasingChain(values: readonly number[], chosen: Set<number>): boolean {
  const picked = [...chosen].sort((x, y) => x - y).map((k) => values[k]!);
  return picked.every((value, k) => k === 0 || picked[k - 1]! < value);
}

function shuffled(count: number, random: Random): number[] {
  const values = Array.from({ length: count }, (_, k) => k);
  for (let k = count - 1; k > 0; k--) { const r = random.int(0, k); [values[k], values[r]] = [values[r]!, values[k]!]; }
  return values;
}

describe("heaviestIncreasing", () => {
  it("picks an increasing chain of the greatest total weight, over random permutations", () => {
    const random = new Random(12);
    for (let round = 0; round < 200; round++) {
      const size = random.int(0, 12);
      const count = random.int(0, size);
      const values = shuffled(size, random).slice(0, count);
      const weights = values.map(() => 1 + random.next() * 9);
      const chosen = heaviestIncreasing(values, weights, size);
      expect(isIncreasingChain(values, chosen)).toBe(true);
      const total = [...chosen].reduce((sum, k) => sum + weights[k]!, 0);
      expect(total).toBeCloseTo(heaviest(values, weights), 9);
    }
  });

  it("keeps the chain found first when two weigh the same", () => {
    expect([...heaviestIncreasing([1, 0], [1, 1], 2)]).toEqual([0]);
    expect([...heaviestIncreasing([2, 0, 1], [2, 1, 1], 3)]).toEqual([0]);
    // Two chains ending at the same value: the one through the earlier item is kept.
    expect([...heaviestIncreasing([1, 0, 2], [1, 1, 1], 3)].sort()).toEqual([0, 2]);
  });

  it("prefers one heavy item over many light ones out of its order", () => {
    expect([...heaviestIncreasing([3, 0, 1, 2], [100, 1, 1, 1], 4)]).toEqual([0]);
    expect([...heaviestIncreasing([3, 0, 1, 2], [2, 1, 1, 1], 4)].sort()).toEqual([1, 2, 3]);
  });
});

/** Checks the shape every alignment has: each index once, in order on both sides. */
function checkShape(steps: readonly AlignStep[], lengthA: number, lengthB: number): void {
  const seenA = steps.filter((step) => step.a !== undefined).map((step) => step.a!);
  const seenB = steps.filter((step) => step.b !== undefined).map((step) => step.b!);
  expect(seenA).toEqual(Array.from({ length: lengthA }, (_, k) => k));
  expect(seenB).toEqual(Array.from({ length: lengthB }, (_, k) => k));
}

/** Within every run of unpaired steps, the deletions come first. */
function deletionsFirst(steps: readonly AlignStep[]): boolean {
  let sawInsert = false;
  for (const step of steps) {
    if (step.a !== undefined && step.b !== undefined) sawInsert = false;
    else if (step.a === undefined) sawInsert = true;
    else if (sawInsert) return false;
  }
  return true;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
  }
  return table[a.length]![b.length]!;
}

/** Greatest total of a monotone matching counting only pairs at or above the threshold. */
function bestMatching(m: number, n: number, score: (i: number, j: number) => number, threshold: number): number {
  const table = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 1; i <= m; i++) for (let j = 1; j <= n; j++) {
    const s = score(i - 1, j - 1);
    table[i]![j] = Math.max(table[i - 1]![j]!, table[i]![j - 1]!, s >= threshold ? table[i - 1]![j - 1]! + s : 0);
  }
  return table[m]![n]!;
}

describe("alignSequences", () => {
  it("anchors a longest common subsequence of equal keys, over random key lists", () => {
    const random = new Random(13);
    for (let round = 0; round < 200; round++) {
      const alphabet = random.int(1, 6);
      const a = Array.from({ length: random.int(0, 14) }, () => String(random.int(0, alphabet)));
      const b = Array.from({ length: random.int(0, 14) }, () => String(random.int(0, alphabet)));
      const steps = alignSequences(a, b, (i, j) => (a[i] === b[j] ? 1 : 0), 0.5);
      checkShape(steps, a.length, b.length);
      expect(deletionsFirst(steps)).toBe(true);
      const pairs = steps.filter((step) => step.a !== undefined && step.b !== undefined);
      expect(pairs.every((step) => a[step.a!] === b[step.b!])).toBe(true);
      expect(pairs.length).toBe(lcsLength(a, b));
    }
  });

  it("anchors equal keys even when nothing else is similar", () => {
    const random = new Random(14);
    for (let round = 0; round < 100; round++) {
      const a = Array.from({ length: random.int(0, 40) }, () => String(random.int(0, 8)));
      const b = Array.from({ length: random.int(0, 40) }, () => String(random.int(0, 8)));
      const steps = alignSequences(a, b, () => 0, 0.5);
      checkShape(steps, a.length, b.length);
      const pairs = steps.filter((step) => step.a !== undefined && step.b !== undefined);
      expect(pairs.every((step) => a[step.a!] === b[step.b!])).toBe(true);
      // Equal keys at both ends always anchor; the middle may keep fewer when it is one item wide.
      let ends = 0;
      while (ends < a.length && ends < b.length && a[ends] === b[ends]) ends++;
      expect(pairs.length).toBeGreaterThanOrEqual(ends);
      expect(pairs.length).toBeLessThanOrEqual(lcsLength(a, b));
    }
  });

  it("pairs a gap of distinct keys for the greatest total similarity reaching the threshold", () => {
    const random = new Random(15);
    for (let round = 0; round < 250; round++) {
      const m = random.int(0, 6);
      const n = random.int(0, 6);
      const a = Array.from({ length: m }, (_, k) => `a${k}`);
      const b = Array.from({ length: n }, (_, k) => `b${k}`);
      const table = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round(random.next() * 20) / 20));
      const score = (i: number, j: number) => table[i]![j]!;
      const threshold = 0.5;
      const steps = alignSequences(a, b, score, threshold);
      checkShape(steps, m, n);
      expect(deletionsFirst(steps)).toBe(true);
      const pairs = steps.filter((step) => step.a !== undefined && step.b !== undefined);
      expect(pairs.every((step) => score(step.a!, step.b!) >= threshold)).toBe(true);
      const total = pairs.reduce((sum, step) => sum + score(step.a!, step.b!), 0);
      // Paragraphs each similar to the one at their own place are taken as edited in place.
      const inPlace = m === n && a.every((_, k) => score(k, k) >= threshold);
      if (inPlace) expect(pairs.map((step) => [step.a, step.b])).toEqual(a.map((_, k) => [k, k]));
      else expect(total).toBeCloseTo(bestMatching(m, n, score, threshold), 9);
    }
  });

  it("pairs a similar pair exactly at the threshold, and not just below it", () => {
    expect(alignSequences(["x"], ["y"], () => 0.5, 0.5)).toEqual([{ a: 0, b: 0 }]);
    expect(alignSequences(["x"], ["y"], () => 0.49, 0.5)).toEqual([{ a: 0 }, { b: 0 }]);
    expect(alignSequences(["x", "y"], ["p", "q"], () => 0.5, 0.5)).toEqual([{ a: 0, b: 0 }, { a: 1, b: 1 }]);
  });

  it("takes paragraphs each alike enough to the one at their place as edited in place, though another pairing scores more", () => {
    const score = (i: number, j: number) => (i === j ? 0.5 : j === i + 1 ? 1 : 0);
    expect(alignSequences(["a0", "a1", "a2"], ["b0", "b1", "b2"], score, 0.5)).toEqual([{ a: 0, b: 0 }, { a: 1, b: 1 }, { a: 2, b: 2 }]);
    // One of them below the threshold: the best total decides.
    const below = (i: number, j: number) => (i === j ? (i === 2 ? 0.4 : 0.5) : j === i + 1 ? 1 : 0);
    expect(alignSequences(["a0", "a1", "a2"], ["b0", "b1", "b2"], below, 0.5)).toEqual([{ b: 0 }, { a: 0, b: 1 }, { a: 1, b: 2 }, { a: 2 }]);
  });

  it("anchors an equal key in a middle one item wide, as in a wider one", () => {
    expect(alignSequences(["p"], ["r", "p", "s"], () => 0, 0.5)).toEqual([{ b: 0 }, { a: 0, b: 1 }, { b: 2 }]);
    expect(alignSequences(["r", "p", "s"], ["p"], () => 0, 0.5)).toEqual([{ a: 0 }, { a: 1, b: 0 }, { a: 2 }]);
    expect(alignSequences(["q", "p"], ["r", "p", "s"], () => 0, 0.5).filter((step) => step.a !== undefined && step.b !== undefined)).toEqual([{ a: 1, b: 1 }]);
  });

  it("keeps equal ends and pairs inside the middle between them", () => {
    const a = ["s", "x", "y", "e"];
    const b = ["s", "p", "e"];
    const score = (i: number, j: number) => (a[i] === "y" && b[j] === "p" ? 0.8 : 0);
    expect(alignSequences(a, b, score, 0.5)).toEqual([{ a: 0, b: 0 }, { a: 1 }, { a: 2, b: 1 }, { a: 3, b: 2 }]);
  });

  it("pairs gaps up to 1600 cells and leaves larger ones unpaired, deletions first", () => {
    const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${k}`);
    const within = alignSequences(keys("a", 40), keys("b", 40), (i, j) => (i === j ? 0.9 : 0), 0.5);
    expect(within.filter((step) => step.a !== undefined && step.b !== undefined)).toHaveLength(40);
    const beyond = alignSequences(keys("a", 41), keys("b", 40), (i, j) => (i === j ? 0.9 : 0), 0.5);
    expect(beyond).toEqual([...keys("a", 41).map((_, a) => ({ a })), ...keys("b", 40).map((_, b) => ({ b }))]);
  });

  it("pairs around anchors found by a diff of long key lists", () => {
    const random = new Random(16);
    for (let round = 0; round < 8; round++) {
      const a = Array.from({ length: random.int(40, 80) }, () => String(random.int(0, 30)));
      const b = a.filter(() => !random.chance(0.2)).map((key) => (random.chance(0.1) ? `${key}'` : key));
      const score = (i: number, j: number) => (`${a[i]}'` === b[j] ? 0.9 : 0);
      const steps = alignSequences(a, b, score, 0.5);
      checkShape(steps, a.length, b.length);
      expect(deletionsFirst(steps)).toBe(true);
      const pairs = steps.filter((step) => step.a !== undefined && step.b !== undefined);
      expect(pairs.every((step) => a[step.a!] === b[step.b!] || score(step.a!, step.b!) >= 0.5)).toBe(true);
      const equal = pairs.filter((step) => a[step.a!] === b[step.b!]).length;
      expect(equal).toBe(lcsLength(a, b));
    }
  });
});
