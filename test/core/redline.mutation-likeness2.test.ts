/**
 * Section likeness on hand-worked cases the random definition test does not reach: the multiset
 * count on its own (likenessByCount), notes and history blocks never counted as body text on
 * either side (in any position), a paragraph edited into the text of another one, paragraphs
 * without words ("* * *"), the 70% kept-ends boundary, and word-run shingles over empty
 * paragraphs and over texts sharing no words.
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { likeness, likenessByCount, shingles } from "../../src/core/redline/sectionLikeness";

let ids = 0;
type BlockSpec = string | { history: string } | { note: string };

/** A section of these blocks: a string is a paragraph, `{ history }` a history note, `{ note }` an editor's note. */
function section(blocks: readonly BlockSpec[], catchline = "Permits.", number = "2-173-040"): Section {
  const made: Block[] = blocks.map((spec) => {
    if (typeof spec === "string") return { kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text: spec };
    if ("history" in spec) return { kind: "history", id: `h${ids++}`, text: spec.history };
    return { kind: "note", id: `n${ids++}`, text: spec.note };
  });
  return { id: `s${ids++}`, number, catchline, blocks: made };
}

/** Both ways round, through likeness and through the plain count, which must agree. */
function expectLikeness(a: Section, b: Section, expected: number): void {
  expect(likeness(a, b)).toBeCloseTo(expected, 12);
  expect(likenessByCount(a, b)).toBeCloseTo(expected, 12);
  expect(likeness(b, a)).toBeCloseTo(expected, 12);
  expect(likenessByCount(b, a)).toBeCloseTo(expected, 12);
}

const KEPT = "The Commissioner shall issue a permit to every applicant who meets the requirements of this section."; // 100 characters
const HISTORY = "(Added Coun. J. 5-5-21, p. 100)"; // 31 characters, no word in common with "Reserved."

describe("likenessByCount", () => {
  it("is 1 for two sections without body text, whatever their catchlines", () => {
    expect(likenessByCount(section([], "Reserved."), section([], "Repealed."))).toBe(1);
    expect(likenessByCount(section([{ history: HISTORY }], "Reserved."), section([], "Scope."))).toBe(1);
  });

  it("is 0 for paragraphs of the same length sharing no word and no beginning or end", () => {
    // 13 characters each; the kept ends are the final period alone (1 of 13).
    expect("Fees are due.".length).toBe("Taxes levied.".length);
    expectLikeness(section(["Fees are due."]), section(["Taxes levied."]), 0);
  });

  it("is 1 for the same paragraphs in another order, and counts an edited one by its kept ends", () => {
    const p = "Applications shall be filed with the Department.";
    expectLikeness(section([KEPT, p]), section([p, KEPT], "Other."), 1);
    // "Fees are due Monday." → "Fees are due Nov 30.": 13 kept at the start and 1 at the end, of 20 = 0.7 exactly.
    const edited = 0.7 * 40;
    expectLikeness(section([KEPT, "Fees are due Monday."]), section([KEPT, "Fees are due Nov 30."]), (200 + edited) / 240);
  });
});

describe("likeness at the 70% kept-ends boundary", () => {
  it("scores a paragraph keeping exactly 70% of its characters by that share, not by its words", () => {
    // By words it would be 2 × 3 shared / (4 + 5 words) = 0.667: fees, are, due against fees, are, due, nov, 30.
    expectLikeness(section(["Fees are due Monday."]), section(["Fees are due Nov 30."]), 0.7);
    expectLikeness(section(["Fees are due Monday."], "Fees."), section(["Fees are due Nov 30."], "Other."), 0.7);
  });
});

describe("likeness leaves notes and history blocks out of the body", () => {
  const p = "No permit shall be transferred."; // 31 characters

  it("does not share a paragraph with a history note of the same words, on either side", () => {
    // Bodies [p] and [p, HISTORY]: p shared (2 × 31), the history text (31) unmatched: 62 / 93.
    expectLikeness(section([p, { history: HISTORY }]), section([p, HISTORY]), 62 / 93);
    expectLikeness(section([p, HISTORY]), section([p, { history: HISTORY }]), 62 / 93);
  });

  it("does not pair a paragraph with a note standing after the other side's paragraphs", () => {
    // Bodies [HISTORY] and ["Reserved."]: no kept ends, no shared word.
    expectLikeness(section([HISTORY]), section(["Reserved.", { history: HISTORY }]), 0);
  });

  it("skips an editor's note before the paragraphs and a history note after them", () => {
    const note = { note: "Editor's note – Coun. J. 11-16-11 renumbered former 2-173-030 as 2-173-040." };
    expectLikeness(section([KEPT, p]), section([note, KEPT, p, { history: HISTORY }]), 1);
    expectLikeness(section([note, KEPT]), section([KEPT]), 1);
  });

  it("is 1 for sections with no paragraphs, whatever their notes", () => {
    expectLikeness(section([{ history: HISTORY }]), section([{ history: "(Repealed Coun. J. 6-6-22, p. 200)" }]), 1);
    expectLikeness(section([{ note: "Editor's note – reserved." }]), section([]), 1);
  });
});

describe("likeness of a paragraph edited into the text of another", () => {
  it("shares the paragraph whose text stays and compares the others as left over", () => {
    const x = "Every permit shall be renewed each month."; // 41
    const y = "Every permit shall be renewed each year."; // 40
    const z = "Every permit shall be renewed each year or sooner."; // 50
    // Base (a) x, (b) y; draft (a) y, (b) z. y is shared whole (2 × 40); x and z are left over:
    // "Every permit shall be renewed each " (35) and "." (1) kept of 50 = 0.72.
    const expected = (80 + 0.72 * (41 + 50)) / (41 + 40 + 40 + 50);
    expectLikeness(section([x, y]), section([y, z]), expected);
  });
});

describe("likeness of paragraphs without words", () => {
  it("does not count a line of asterisks added or removed as shared", () => {
    // "* * *" (5 characters) marks omitted text; it has no words and nothing on the other side.
    expectLikeness(section([KEPT]), section([KEPT, "* * *"]), 200 / 205);
    expectLikeness(section([KEPT, "* * *"]), section([KEPT]), 200 / 205);
    expectLikeness(section([KEPT, "* * *", "* * *"]), section([KEPT]), 200 / 210);
  });
});

describe("shingles", () => {
  const words = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${k}`);

  it("are the same with empty paragraphs between the words", () => {
    const all = words("term", 80);
    const one = section([all.join(" ")]);
    const parts: string[] = [""];
    for (let k = 0; k < all.length; k += 5) parts.push(all.slice(k, k + 5).join(" "), "");
    expect(shingles(one).length).toBeGreaterThan(5);
    expect(shingles(section(parts))).toEqual(shingles(one));
  });

  it("share no run between texts sharing no word", () => {
    const a = shingles(section([words("alpha", 120).join(" ")]));
    const b = new Set(shingles(section([words("omega", 120).join(" ")])));
    expect(a.length).toBeGreaterThan(5);
    expect(b.size).toBeGreaterThan(5);
    expect(a.filter((hash) => b.has(hash))).toEqual([]);
  });
});
