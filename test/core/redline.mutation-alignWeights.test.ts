/**
 * Section alignment at its exact thresholds and in the choices between crossing pairs: a
 * same-numbered section outweighs a section paired by content; between two pairs by content the
 * one with more matched text stays and the other is shown moved; ties go to reading order. The
 * paragraphs are built so each likeness is known exactly from the definition (equal paragraphs
 * count their characters on both sides, paragraphs of disjoint words and ends count nothing).
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { alignSections, matchChapter, rematchChapter, surePair, type SectionStep } from "../../src/core/redline/alignSections";
import { resolveOptions } from "../../src/core/redline/compare";

const options = resolveOptions();
let ids = 0;

function section(number: string, paragraphs: readonly string[], catchline = "Test."): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `q${ids++}`, enumerator: null, level: 0, text }));
  return { id: `t${ids++}`, number, catchline, blocks };
}

/** A paragraph of `length` characters, one word repeated: two keys share no word, and keys of different first letters share no end either. */
const para = (key: string, length = 100) => `${key} `.repeat(Math.ceil(length / (key.length + 1))).slice(0, length - 1) + key[0];
/** `count` paragraphs of the family `key`. */
const paras = (key: string, count: number, length = 100) => Array.from({ length: count }, (_, k) => para(`${key}${k}x`, length));
const num = (k: number) => `2-173-${String(k * 10).padStart(3, "0")}`;
const pair = (a: number, b: number): SectionStep => ({ kind: "pair", a, b });

describe("same-numbered sections at the exact thresholds", () => {
  const shared = paras("s", 9);
  const base = section(num(0), [...shared, para("alpha")]);

  it("takes a section exactly 0.9 alike (9 of 10 equal paragraphs) as the same section before any search", () => {
    const draft = section(num(0), [...shared, para("beta")]);
    expect(surePair(base, draft)).toBe(true);
    expect(Array.from(matchChapter([base], [draft], options).sureB)).toEqual([0]);
  });

  it("gives up a re-match when an edit makes a same-numbered pair exactly 0.9 alike (a fresh match settles it as sure)", () => {
    const before = section(num(0), [...shared.slice(0, 8), para("gamma"), para("beta")]);
    const other = [section(num(1), paras("o", 3))];
    const match = matchChapter([base, ...other], [before, ...other], options);
    expect(match.sureB[0]).toBe(-1);
    const after = [section(num(0), [...shared, para("beta")]), ...other];
    const again = rematchChapter(match, [base, ...other], after, [0], options);
    const fresh = matchChapter([base, ...other], after, options);
    expect(fresh.sureB[0]).toBe(0);
    if (again !== null) expect(Array.from(again.sureB)).toEqual(Array.from(fresh.sureB));
  });

  it("pairs a long same-numbered section exactly 0.3 alike (3 of 10 equal paragraphs)", () => {
    const a = [section(num(0), [...paras("t", 3), ...paras("a", 7)])];
    const b = [section(num(0), [...paras("t", 3), ...paras("b", 7)])];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0)]);
  });
});

describe("crossing pairs: which one anchors and which one is a move", () => {
  // Base: a large section A0 (number 0), then A1 (number 1). Draft: A1 edited to half its text,
  // still under number 1, then A0's text under number 5. The two pairs cross; the section kept
  // under its number stays, the large one is shown moved, however large it is.
  const big = paras("p", 20);
  const a = [section(num(0), big), section(num(1), [...paras("k", 2)])];
  const kept = section(num(1), [para("k0x"), para("zulu")]);
  const moved = (paragraphs: readonly string[], catchline = "Test.") => [kept, section(num(5), paragraphs, catchline)];
  const expected = [{ kind: "delete", a: 0, moveTo: 1 }, pair(1, 0), { kind: "insert", b: 1, moveFrom: 0 }];

  it("keeps the same-numbered pair over an equal renumbered section", () => {
    expect(alignSections(a, moved(big), options)).toEqual(expected);
  });

  it("keeps the same-numbered pair over an equal renumbered section of 300,000 characters", () => {
    const huge = [section(num(0), paras("h", 3000)), a[1]!];
    expect(alignSections(huge, [kept, section(num(5), huge[0]!.blocks.map((block) => block.text))], options)).toEqual(expected);
  });

  it("keeps the same-numbered pair over a renumbered section with the same paragraphs under a new catchline", () => {
    expect(alignSections(a, moved(big, "New."), options)).toEqual(expected);
  });

  it("keeps the same-numbered pair over a renumbered section edited by a tenth", () => {
    expect(alignSections(a, moved([...big.slice(0, 18), para("yankee"), para("xray")]), options)).toEqual(expected);
  });

  it("between two renumbered equal sections, keeps the larger in place and shows the smaller moved", () => {
    const x = paras("x", 10);
    const y = paras("y", 5);
    const base = [section(num(0), x), section(num(1), y)];
    const draft = [section(num(7), y), section(num(8), x)];
    const steps = alignSections(base, draft, options);
    expect(steps.filter((step) => step.kind === "pair")).toEqual([pair(0, 1)]);
    expect(steps).toContainEqual({ kind: "delete", a: 1, moveTo: 0 });
    expect(steps).toContainEqual({ kind: "insert", b: 0, moveFrom: 1 });
  });

  it("weighs a pair by the text it matches: 800 characters equal outweigh 700 of 1,000 shared", () => {
    const x = paras("x", 10);
    const y = paras("y", 8);
    const base = [section(num(0), x), section(num(1), y)];
    const draft = [section(num(7), y), section(num(8), [...x.slice(0, 7), ...paras("w", 3)])];
    const steps = alignSections(base, draft, options);
    expect(steps.filter((step) => step.kind === "pair")).toEqual([pair(1, 0)]);
    expect(steps).toContainEqual({ kind: "delete", a: 0, moveTo: 1 });
  });
});

describe("ties between sections equally alike", () => {
  it("pairs the first of three base sections equally like one renumbered draft section", () => {
    const common = paras("c", 7);
    const a = [0, 1, 2].map((k) => section(num(k), [...common, ...paras(`u${k}`, 3)]));
    const b = [section(num(9), [...common, ...paras("v", 3)])];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), { kind: "delete", a: 1 }, { kind: "delete", a: 2 }]);
  });

  it("pairs the first of three renumbered draft sections equally like one base section", () => {
    const common = paras("c", 7);
    const a = [section(num(0), [...common, ...paras("v", 3)])];
    const b = [0, 1, 2].map((k) => section(num(k + 5), [...common, ...paras(`u${k}`, 3)]));
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), { kind: "insert", b: 1 }, { kind: "insert", b: 2 }]);
  });
});

describe("sure pairs are settled before the search by content", () => {
  it("a short text on a sure pair does not make the same text elsewhere ambiguous", () => {
    const a = [section(num(0), ["Reserved."]), section(num(1), ["Reserved."])];
    const b = [section(num(0), ["Reserved."]), section(num(5), ["Reserved."])];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), pair(1, 1)]);
  });

  it("gives steps with no move fields unless they are moves", () => {
    const a = [section(num(0), paras("d", 2)), section(num(1), paras("e", 2))];
    const b = [section(num(1), paras("e", 2)), section(num(2), paras("f", 2))];
    expect(alignSections(a, b, options)).toStrictEqual([{ kind: "delete", a: 0 }, pair(1, 0), { kind: "insert", b: 1 }]);
  });
});
