/**
 * Section likeness against its definition, recomputed here over random sections: paragraphs
 * equal on both sides (as a multiset) count their characters whole; the rest count their
 * characters times their similarity — paragraph by paragraph when both sides have as many left
 * (the share of a common beginning and end when that reaches 70% of the longer, else the word
 * similarity), else the word similarity of the rest joined. History notes are left out.
 * Word-run shingles: sampled by hash, so a run kept on one side is kept on the other.
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { bodyOf, likeness, shingles } from "../../src/core/redline/sectionLikeness";
import { similarity, wordBag } from "../../src/core/redline/similarity";
import { Random } from "../../src/core/samples/random";

let ids = 0;
function section(paragraphs: readonly string[], options: { number?: string; catchline?: string; history?: string } = {}): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  if (options.history !== undefined) blocks.push({ kind: "history", id: `h${ids++}`, text: options.history });
  return { id: `s${ids++}`, number: options.number ?? "2-173-020", catchline: options.catchline ?? "Test.", blocks };
}

function commonEnds(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return prefix + suffix;
}

function paragraphLikeness(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const ends = commonEnds(a, b);
  return ends >= 0.7 * longer ? ends / longer : similarity(wordBag(a), wordBag(b));
}

/** The definition, with the equal paragraphs found by removing matches one at a time. */
function expectedLikeness(a: readonly string[], b: readonly string[]): number {
  const total = [...a, ...b].reduce((sum, text) => sum + text.length, 0);
  if (total === 0) return 1;
  const left = [...a];
  const restB: string[] = [];
  let shared = 0;
  for (const text of b) {
    const k = left.indexOf(text);
    if (k >= 0) { left.splice(k, 1); shared += 2 * text.length; } else restB.push(text);
  }
  // Of a repeated paragraph, the copies left unmatched are its first ones, in A's order.
  const restA: string[] = [];
  const owed = new Map<string, number>();
  for (const text of left) owed.set(text, (owed.get(text) ?? 0) + 1);
  for (const text of a) if ((owed.get(text) ?? 0) > 0) { owed.set(text, owed.get(text)! - 1); restA.push(text); }
  if (restA.length > 0 && restB.length > 0) {
    if (restA.length === restB.length) restA.forEach((text, k) => { shared += paragraphLikeness(text, restB[k]!) * (text.length + restB[k]!.length); });
    else {
      const joinedA = restA.join(" ");
      const joinedB = restB.join(" ");
      shared += similarity(wordBag(joinedA), wordBag(joinedB)) * (joinedA.length + joinedB.length);
    }
  }
  return Math.min(1, shared / total);
}

const SENTENCES = [
  "No agent or agency shall request information about the citizenship of any person.",
  "The Superintendent shall report each year to the City Council.",
  "Nothing in this chapter shall prohibit any agent from sending information to a federal agency.",
  "Every officer shall comply with the provisions of this section.",
  "A person who violates this section shall be fined not less than $500.",
  "",
];

function edited(text: string, random: Random): string {
  const words = text.split(" ");
  const k = random.int(0, Math.max(0, words.length - 1));
  if (random.chance(0.5)) words[k] = random.pick(["city", "county", "any", "each", "officer"]);
  else words.splice(k, random.int(1, 4));
  return words.join(" ");
}

describe("likeness", () => {
  it("follows its definition over random pairs of sections", () => {
    const random = new Random(31);
    for (let round = 0; round < 600; round++) {
      const a = Array.from({ length: random.int(0, 4) }, () => random.pick(SENTENCES));
      const b = a.filter(() => !random.chance(0.2)).map((text) => (random.chance(0.4) ? edited(text, random) : text));
      if (random.chance(0.3)) b.splice(random.int(0, b.length), 0, random.pick(SENTENCES));
      if (random.chance(0.3)) b.reverse();
      const value = likeness(section(a), section(b, { catchline: random.chance(0.5) ? "Test." : "Other." }));
      expect(value).toBeCloseTo(expectedLikeness(a, b), 12);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it("is 1 for equal paragraphs whatever the number, catchline or history note", () => {
    const a = section(["One paragraph.", "Two paragraph."], { history: "(Added Coun. J. 1-1-20.)" });
    expect(likeness(a, section(["One paragraph.", "Two paragraph."], { number: "2-173-030", catchline: "Other.", history: "(Amend Coun. J. 2-2-22.)" }))).toBe(1);
    expect(likeness(a, section(["Two paragraph.", "One paragraph."]))).toBe(1);
    expect(likeness(section([]), section([]))).toBe(1);
    expect(likeness(section([""]), section([]))).toBe(1);
  });

  it("is 0 for sections sharing nothing, and asked again gives the same", () => {
    const a = section(["alpha beta gamma"]);
    const b = section(["delta epsilon zeta"]);
    expect(likeness(a, b)).toBe(0);
    expect(likeness(a, b)).toBe(0);
    expect(likeness(section(["words here"]), section([]))).toBe(0);
  });

  it("counts a repeated paragraph once per copy on the other side", () => {
    const p = "The same paragraph.";
    const q = "Different words entirely.";
    const value = likeness(section([p, p]), section([p, q]));
    expect(value).toBeCloseTo((2 * p.length) / (3 * p.length + q.length), 12);
    expect(likeness(section([p, p]), section([p]))).toBeCloseTo((2 * p.length) / (3 * p.length), 12);
  });
});

describe("bodyOf", () => {
  it("keeps the paragraphs, their length and a key of catchline and paragraphs, without the history note", () => {
    const body = bodyOf(section(["ab", "cde"], { catchline: "Cat.", history: "(Added.)" }));
    expect(body.paragraphs).toEqual(["ab", "cde"]);
    expect(body.length).toBe(5);
    expect(body.key).toBe("Cat.\u0000ab\u0000cde");
    expect(bodyOf(section(["x y"], { catchline: "Cat." })).key).not.toBe(bodyOf(section(["x", "y"], { catchline: "Cat." })).key);
  });
});

describe("shingles", () => {
  const random = new Random(32);
  const vocabulary = Array.from({ length: 200 }, (_, k) => `word${k}`);
  const text = (count: number) => Array.from({ length: count }, () => random.pick(vocabulary)).join(" ");

  it("keeps about one three-word run in four", () => {
    const long = section([text(4002)]);
    const kept = shingles(long).length;
    expect(kept).toBeGreaterThan(800);
    expect(kept).toBeLessThan(1200);
  });

  it("keeps the same runs of the same words, whatever their case or paragraphs, and none of fewer than three words", () => {
    for (let round = 0; round < 50; round++) {
      const words = text(random.int(3, 60)).split(" ");
      const cut = random.int(1, words.length - 1);
      const one = section([words.join(" ")]);
      const split = section([words.slice(0, cut).join(" ").toUpperCase(), words.slice(cut).join(" ")]);
      expect(shingles(split)).toEqual(shingles(one));
      // A run kept in a text is kept wherever the text appears.
      const inside = section([`${text(random.int(0, 5))} ${words.join(" ")} ${text(random.int(0, 5))}`.trim()]);
      const runs = new Set(shingles(inside));
      for (const hash of shingles(one)) expect(runs.has(hash)).toBe(true);
    }
    expect(shingles(section(["two words"]))).toEqual([]);
    expect(shingles(section([]))).toEqual([]);
  });

  it("tells different runs apart", () => {
    const a = new Set(shingles(section([text(400)])));
    const b = shingles(section([text(400)]));
    expect(b.filter((hash) => a.has(hash)).length).toBeLessThan(b.length / 4);
  });
});
