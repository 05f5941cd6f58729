/**
 * Word similarity against its definition: the words of a text (letters, digits, $ and §, joined
 * by inner hyphens, apostrophes, periods, commas, colons, slashes and parentheses; lower-cased,
 * quote and dash shapes folded) and the Dice coefficient of two word multisets, recomputed
 * here from sorted word lists.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, formatText } from "../../src/core/redline";
import { similarity, textSimilarity, wordBag, wordCount } from "../../src/core/redline/similarity";
import { Random } from "../../src/core/samples/random";

function words(text: string): string[] {
  return [...wordBag(text).counts].flatMap(([word, count]) => new Array<string>(count).fill(word)).sort();
}

/** Dice coefficient of two word lists, by merging the sorted lists. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const x = [...a].sort();
  const y = [...b].sort();
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) { shared++; i++; j++; } else if (x[i]! < y[j]!) i++; else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

describe("wordBag", () => {
  it("takes the words of legal text as the Code writes them", () => {
    expect(words("The the THE")).toEqual(["the", "the", "the"]);
    expect(words("Section 2-173-042 of the Code.")).toEqual(["2-173-042", "code", "of", "section", "the"]);
    expect(words("a fine of $500, payable")).toEqual(["$500", "a", "fine", "of", "payable"]);
    // A connector joins only when a letter or digit follows it: the closing parenthesis is left out.
    expect(words("under § 2-173-020(a) and (b)(1)")).toEqual(["1", "2-173-020(a", "and", "b", "under", "§"]);
    expect(words("the city's and/or 1,000.50 at 10:30")).toEqual(["1,000.50", "10:30", "and/or", "at", "city's", "the"]);
    expect(words("end. (b) next; -dash 'quoted'")).toEqual(["b", "dash", "end", "next", "quoted"]);
    expect(words("Über naïve 三")).toEqual(["naïve", "über", "三"]);
    expect(words("  ")).toEqual([]);
    expect(wordBag("one two two").size).toBe(3);
  });

  it("folds quote and dash shapes", () => {
    expect(words("the city\u2019s \u201Cagency\u201D 2\u2013173")).toEqual(words("the city's \"agency\" 2-173"));
  });

  it("counts the same words without building the bag (wordCount)", () => {
    expect(wordCount("under § 2-173-020(a) and (b)(1)")).toBe(6);
    expect(wordCount("the city\u2019s \u201Cagency\u201D")).toBe(3);
    expect(wordCount("  ")).toBe(0);
    const random = new Random(41);
    const pieces = ["a", "B", "7", "$", "§", "-", "'", "\u2019", ".", ",", ":", "/", "(", ")", " ", "  ", "İ", "ß", "三", "é", "\u2013", ";"];
    for (let trial = 0; trial < 3_000; trial++) {
      let text = "";
      const length = random.int(0, 24);
      for (let k = 0; k < length; k++) text += pieces[random.int(0, pieces.length - 1)];
      // Counted before the bag exists (a cached bag would answer for it), then against the bag.
      const counted = wordCount(text);
      expect(counted, JSON.stringify(text)).toBe(wordBag(text).size);
    }
  });

  it("is the same bag for the same text, asked twice", () => {
    const first = wordBag("a repeated text of words");
    expect(wordBag("a repeated text of words").counts).toEqual(first.counts);
  });
});

describe("similarity", () => {
  it("is the Dice coefficient of the word multisets wherever it reaches 0.2, over random texts", () => {
    const random = new Random(21);
    const vocabulary = ["city", "agency", "shall", "not", "the", "of", "a", "officer", "request", "detain", "§", "$5"];
    const text = () => Array.from({ length: random.int(0, 12) }, () => random.pick(vocabulary)).join(" ");
    for (let round = 0; round < 1000; round++) {
      const a = text();
      const b = text();
      const expected = dice(words(a), words(b));
      const actual = similarity(wordBag(a), wordBag(b));
      if (expected >= 0.2) expect(actual).toBeCloseTo(expected, 12);
      else expect(actual === 0 || Math.abs(actual - expected) < 1e-12).toBe(true);
      expect(similarity(wordBag(b), wordBag(a))).toBe(actual);
    }
  });

  it("gives 1 for two empty texts, 0 for one empty, 0 for nothing shared", () => {
    expect(similarity(wordBag(""), wordBag(""))).toBe(1);
    expect(similarity(wordBag("words"), wordBag(""))).toBe(0);
    expect(similarity(wordBag(""), wordBag("words"))).toBe(0);
    expect(similarity(wordBag("alpha beta"), wordBag("gamma delta"))).toBe(0);
  });

  it("gives 0 for bags whose sizes alone keep them below 0.2", () => {
    // One word against twelve: at most 2 × 1 ÷ 13 shared, so it is not counted.
    expect(similarity(wordBag("agency"), wordBag("agency a b c d e f g h i j k"))).toBe(0);
    expect(similarity(wordBag("agency a b c d e f g h i j k"), wordBag("agency"))).toBe(0);
    // One word against eight can reach 2 ÷ 9, and is counted.
    expect(similarity(wordBag("agency"), wordBag("agency a b c d e f g"))).toBeCloseTo(2 / 9, 12);
  });

  it("counts a repeated word only as often as the other side has it", () => {
    expect(similarity(wordBag("the the the city"), wordBag("the city"))).toBeCloseTo((2 * 2) / 6, 12);
    expect(similarity(wordBag("a a a a a a a a a b"), wordBag("a b c"))).toBeCloseTo((2 * 2) / 13, 12);
    // A small distinct set with many repeats against a larger set of single words.
    expect(similarity(wordBag("x x x x x x x x"), wordBag("x y z"))).toBeCloseTo(2 / 11, 12);
    expect(similarity(wordBag("x y"), wordBag("x y p q r s t u"))).toBeCloseTo(4 / 10, 12);
  });
});

describe("textSimilarity", () => {
  it("gives 1 for two empty texts and the word similarity for texts without long shared ends", () => {
    expect(textSimilarity("", "")).toBe(1);
    expect(textSimilarity("", "x")).toBe(0);
    expect(textSimilarity("alpha beta gamma", "gamma beta alpha")).toBe(1);
    expect(textSimilarity("one two three four", "five six seven eight")).toBe(0);
  });

  it("scores texts sharing most of their beginning and end by the shared share", () => {
    const base = "The commissioner shall publish the annual report on the city website by March 1.";
    const one = base.replace("annual", "yearly");
    const score = textSimilarity(base, one);
    expect(score).toBeGreaterThanOrEqual(0.7);
    expect(score).toBeLessThanOrEqual(1);
    // Every character is kept except a word changed in the middle.
    const longer = Math.max(base.length, one.length);
    expect(score).toBeGreaterThan((longer - 7) / longer - 1e-9);
  });

  it("scores by the shared ends from exactly 70% of the longer text", () => {
    expect(textSimilarity("abcdefghij", "abcdefgxyz")).toBeCloseTo(0.7, 12);
    expect(textSimilarity("abcdefghij", "abcdefxyzw")).toBe(0);
  });

  it("scores a text that begins another by its length, counting no shared end twice", () => {
    expect(textSimilarity("The agency shall act.", "The agency shall act. Now.")).toBeCloseTo(21 / 26, 12);
    expect(textSimilarity("The agency shall act. Now.", "The agency shall act.")).toBeCloseTo(21 / 26, 12);
    expect(textSimilarity("Now the agency shall act.", "The agency shall act.".replace("The", "the"))).toBeCloseTo(21 / 25, 12);
  });

  it("gives a text a higher score against its nearer edit", () => {
    const base = "The commissioner shall publish the annual report on the city website by March 1 of each year.";
    const near = base.replace("annual", "yearly");
    const far = base.replace("annual report on", "full written summary on");
    expect(textSimilarity(base, near)).toBeGreaterThan(textSimilarity(base, far));
    expect(textSimilarity(base, far)).toBeGreaterThan(0.7);
  });
});

describe("the redline of a paragraph followed by a new one like it", () => {
  it("shows the nearer version as the edit and the other as inserted", () => {
    const P = "The commissioner shall publish the annual report on the city website by March 1 of each year and keep it there.";
    const near = P.replace("annual", "yearly");
    const far = P.replace("annual report on", "full written summary on");
    const section = (...lines: string[]) => ["2-173-020 Test.", "Intro words here.", ...lines, "Closing words here."];
    const chapter = (lines: string[]) => parseCodeText(`CHAPTER 2-173 TEST\n\n${[lines[0], "", ...lines.slice(1).flatMap((line) => [line, ""])].join("\n")}`).document;
    for (const draft of [[near, far], [far, near]]) {
      const redline = compare(chapter(section(P)), chapter(section(...draft)));
      const lines = formatText(redline).split("\n");
      expect(lines).toContain("The commissioner shall publish the [-annual-] {+yearly+} report on the city website by March 1 of each year and keep it there.");
      expect(lines).toContain(`{+${far}+}`);
    }
  });
});
