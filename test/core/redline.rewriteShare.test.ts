/**
 * The rewrite test (isRewrite) stops counting a line's words once the answer is known; over
 * random token lists, hunks, thresholds and outside words it must give what the share computed
 * from every word gives, on fresh token lists and on lists it has already counted.
 */
import { describe, expect, it } from "vitest";
import type { Token } from "../../src/core/redline/tokens";
import { isRewrite, type TokenHunk } from "../../src/core/redline/wordDiff";
import { Random } from "../../src/core/samples/random";

const PIECES = ["shall", "city", "of", "(a)", "2-173", ".", ",", ";", "—", "“", "”"];
const PUNCTUATION = new Set([".", ",", ";", "—", "“", "”"]);

function tokenList(random: Random, length: number): Token[] {
  let at = 0;
  return Array.from({ length }, () => {
    const text = random.pick(PIECES);
    const token = { text, from: at, to: at + text.length };
    at += text.length + 1;
    return token;
  });
}

/** Sorted, non-overlapping hunks over lists of these lengths. */
function hunks(random: Random, lengthA: number, lengthB: number): TokenHunk[] {
  const list: TokenHunk[] = [];
  let a = 0;
  let b = 0;
  while (a < lengthA || b < lengthB) {
    a += random.int(0, 3);
    b += random.int(0, 3);
    const toA = Math.min(lengthA, a + random.int(0, 4));
    const toB = Math.min(lengthB, b + random.int(0, 4));
    if (a > lengthA || b > lengthB) break;
    if (toA > a || toB > b) list.push({ fromA: a, toA, fromB: b, toB, precise: random.chance(0.8) });
    a = toA + 1;
    b = toB + 1;
  }
  return list;
}

const words = (tokens: readonly Token[], from: number, to: number) => tokens.slice(from, to).filter((t) => !PUNCTUATION.has(t.text)).length;

function expected(list: readonly TokenHunk[], a: readonly Token[], b: readonly Token[], threshold: number, outside: number): boolean {
  let struck = 0, underscored = 0, unknownA = 0, unknownB = 0;
  for (const h of list) {
    if (h.precise) { struck += words(a, h.fromA, h.toA); underscored += words(b, h.fromB, h.toB); }
    else { unknownA += words(a, h.fromA, h.toA); unknownB += words(b, h.fromB, h.toB); }
  }
  return struck > threshold * (words(a, 0, a.length) - unknownA + outside) && underscored > threshold * (words(b, 0, b.length) - unknownB + outside);
}

describe("the rewrite share", () => {
  it("agrees with the share over every word on 20,000 random cases", () => {
    const random = new Random(31);
    const thresholds = [0, 0.25, 0.5, 0.6, 0.75, 1];
    for (let round = 0; round < 20_000; round++) {
      const a = tokenList(random, random.int(0, 40));
      const b = tokenList(random, random.int(0, 40));
      const list = hunks(random, a.length, b.length);
      const threshold = random.chance(0.7) ? random.pick(thresholds) : random.next();
      const outside = random.chance(0.5) ? 0 : random.int(0, 30);
      const truth = expected(list, a, b, threshold, outside);
      expect(isRewrite(list, a, b, threshold, outside), `round ${round}`).toBe(truth);
      // Asked again on the same lists (counted before, perhaps only in part).
      expect(isRewrite(list, a, b, threshold, outside), `round ${round}, again`).toBe(truth);
      const other = random.pick(thresholds);
      expect(isRewrite(list, a, b, other, outside), `round ${round}, threshold ${other}`).toBe(expected(list, a, b, other, outside));
    }
  });
});
