/**
 * Section alignment by its legal meaning, on small hand-made chapters: a section kept, renumbered,
 * moved, replaced, or too short to judge; and the incremental re-match after edits to draft
 * sections against a fresh match, over random chapters and edits.
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { alignSections, matchChapter, rematchChapter, surePair, type SectionMatch, type SectionStep } from "../../src/core/redline/alignSections";
import { resolveOptions } from "../../src/core/redline/compare";
import { sentence } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";

const options = resolveOptions();
let ids = 0;

function section(number: string, paragraphs: readonly string[], catchline = "Test."): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  return { id: `s${ids++}`, number, catchline, blocks };
}

const random = new Random(51);
/** Distinct long paragraphs (well over the 80 characters a section needs to pair by content). */
const texts = Array.from({ length: 40 }, () => sentence(random, 24));
const num = (k: number) => `2-173-${String(k * 10).padStart(3, "0")}`;
const pair = (a: number, b: number): SectionStep => ({ kind: "pair", a, b });

/** A paragraph with about a quarter of its words replaced. */
function reworded(text: string, seed: number): string {
  const r = new Random(seed);
  return text.split(" ").map((word) => (r.chance(0.25) ? `new${r.int(0, 999)}` : word)).join(" ");
}

describe("alignSections", () => {
  it("pairs sections kept under their numbers", () => {
    const a = [0, 1, 2].map((k) => section(num(k), [texts[k]!]));
    const b = [0, 1, 2].map((k) => section(num(k), [k === 1 ? reworded(texts[k]!, 1) : texts[k]!]));
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), pair(1, 1), pair(2, 2)]);
  });

  it("pairs sections renumbered after an inserted one by their text", () => {
    const a = [0, 1, 2].map((k) => section(num(k), [texts[k]!, texts[k + 10]!]));
    const b = [section(num(0), [texts[20]!, texts[21]!]), ...[0, 1, 2].map((k) => section(num(k + 1), [texts[k]!, texts[k + 10]!]))];
    expect(alignSections(a, b, options)).toEqual([{ kind: "insert", b: 0 }, pair(0, 1), pair(1, 2), pair(2, 3)]);
  });

  it("pairs renumbered sections with edited text when they stay alike", () => {
    const a = [0, 1, 2, 3].map((k) => section(num(k), [texts[k]!, texts[k + 10]!, texts[k + 20]!]));
    const b = [section(num(0), [texts[30]!]), ...[0, 1, 2, 3].map((k) => section(num(k + 1), [texts[k]!, reworded(texts[k + 10]!, k), texts[k + 20]!]))];
    expect(alignSections(a, b, options)).toEqual([{ kind: "insert", b: 0 }, pair(0, 1), pair(1, 2), pair(2, 3), pair(3, 4)]);
  });

  it("pairs renumbered sections found only by their word runs", () => {
    const a = [0, 1, 2].map((k) => section(num(k), [texts[k]!]));
    const b = [section(num(0), [texts[30]!]), ...[0, 1, 2].map((k) => section(num(k + 1), [`${texts[k]!.slice(0, -1)} and more.`]))];
    expect(alignSections(a, b, options)).toEqual([{ kind: "insert", b: 0 }, pair(0, 1), pair(1, 2), pair(2, 3)]);
  });

  it("shows a section moved to the end as a deletion and an insertion naming each other", () => {
    const a = [0, 1, 2, 3].map((k) => section(num(k), [texts[k]!]));
    // The draft renumbers 1, 2, 3 down to 0, 1, 2 and puts the first section last as number 4.
    const b = [1, 2, 3, 0].map((k, place) => section(num(place === 3 ? 4 : place), [texts[k]!]));
    const steps = alignSections(a, b, options);
    expect(steps).toEqual([{ kind: "delete", a: 0, moveTo: 3 }, pair(1, 0), pair(2, 1), pair(3, 2), { kind: "insert", b: 3, moveFrom: 0 }]);
  });

  it("keeps a moved section's number when it moves under its own number", () => {
    const a = [0, 1, 2].map((k) => section(num(k), [texts[k]!, texts[k + 10]!]));
    const b = [section(num(1), [texts[1]!, texts[11]!]), section(num(2), [texts[2]!, texts[12]!]), section(num(0), [texts[0]!, texts[10]!])];
    const steps = alignSections(a, b, options);
    expect(steps.filter((step) => step.kind === "pair")).toHaveLength(2);
    expect(steps).toContainEqual({ kind: "delete", a: 0, moveTo: 2 });
    expect(steps).toContainEqual({ kind: "insert", b: 2, moveFrom: 0 });
  });

  it("does not pair a long section with an unrelated one of the same number", () => {
    const words = (prefix: string) => Array.from({ length: 20 }, (_, k) => `${prefix}${k}`).join(" ");
    const a = [section(num(0), [words("alpha"), words("beta")])];
    const b = [section(num(0), [words("gamma"), words("delta")])];
    expect(alignSections(a, b, options)).toEqual([{ kind: "delete", a: 0 }, { kind: "insert", b: 0 }]);
    // A quarter of the words shared (likeness about 0.25) is still not the same section.
    const c = [section(num(0), [`${words("alpha")} ${words("gamma")} ${words("delta")} ${words("beta")}`])];
    const d = [section(num(0), [`${words("alpha")} ${words("omega")} ${words("sigma")} ${words("kappa")}`])];
    expect(alignSections(c, d, options)).toEqual([{ kind: "delete", a: 0 }, { kind: "insert", b: 0 }]);
    // Half of them shared is.
    const e = [section(num(0), [`${words("alpha")} ${words("gamma")} ${words("sigma")} ${words("kappa")}`])];
    expect(alignSections(c, e, options)).toEqual([pair(0, 0)]);
  });

  it("pairs a short section with its same-numbered partner however its text changed", () => {
    expect(alignSections([section(num(0), ["Reserved."])], [section(num(0), ["Repealed."])], options)).toEqual([pair(0, 0)]);
    expect(alignSections([section(num(0), [texts[0]!])], [section(num(0), ["Repealed."])], options)).toEqual([pair(0, 0)]);
  });

  it("pairs a same-numbered section rewritten by a third of its words", () => {
    const a = [section(num(0), [texts[0]!, texts[1]!])];
    const b = [section(num(0), [reworded(texts[0]!, 7), reworded(texts[1]!, 8)])];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0)]);
  });

  it("prefers the same number when a section is as like another as its own", () => {
    const a = [section(num(0), [texts[0]!, texts[1]!]), section(num(1), [texts[2]!])];
    const b = [section(num(0), [texts[0]!, reworded(texts[1]!, 3)]), section(num(1), [texts[0]!, reworded(texts[1]!, 3)])];
    const steps = alignSections(a, b, options);
    expect(steps[0]).toEqual(pair(0, 0));
  });

  it("pairs a short section by content only when its text is unique on both sides", () => {
    const a = [section(num(0), ["Reserved."]), section(num(1), [texts[1]!])];
    const b = [section(num(5), ["Reserved."]), section(num(1), [texts[1]!])];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), pair(1, 1)]);
    const twice = [section(num(0), ["Reserved."]), section(num(1), ["Reserved."])];
    expect(alignSections(twice, [section(num(5), ["Reserved."]), section(num(6), ["Reserved."])], options)
      .filter((step) => step.kind === "pair")).toEqual([]);
  });

  it("takes same-numbered sections nearly alike as the same section", () => {
    const a = section(num(0), [texts[0]!, texts[1]!, texts[2]!, texts[3]!, texts[4]!, texts[5]!, texts[6]!, texts[7]!, texts[8]!, texts[9]!]);
    const b = section(num(0), [texts[0]!, texts[1]!, texts[2]!, texts[3]!, texts[4]!, texts[5]!, texts[6]!, texts[7]!, texts[8]!, texts[19]!]);
    expect(surePair(a, b)).toBe(true);
    expect(surePair(a, section(num(1), a.blocks.map((block) => block.text)))).toBe(false);
    const c = section(num(0), [texts[0]!, texts[1]!, texts[2]!, texts[3]!, texts[4]!, texts[5]!, texts[6]!, texts[7]!, texts[18]!, texts[19]!]);
    expect(surePair(a, c)).toBe(false);
  });
});

/** A random chapter of sections, some sharing paragraphs, and a draft of it restructured. */
function randomPair(r: Random): { a: Section[]; b: Section[] } {
  const pool = (k: number) => texts[k % texts.length]!;
  const a = Array.from({ length: r.int(2, 8) }, (_, k) => section(num(k), Array.from({ length: r.int(1, 3) }, () => (r.chance(0.1) ? "Reserved." : pool(r.int(0, 39))))));
  let b = a.map((s) => section(s.number, s.blocks.map((block) => (r.chance(0.2) ? reworded(block.text, r.int(0, 1e6)) : block.text))));
  if (r.chance(0.4)) b.splice(r.int(0, b.length), 0, section("x", [pool(r.int(0, 39))]));
  if (r.chance(0.3)) { const [moved] = b.splice(r.int(0, b.length - 1), 1); b.splice(r.int(0, b.length), 0, moved!); }
  if (r.chance(0.5)) b = b.map((s, k) => section(num(k + (r.chance(0.5) ? 0 : 1)), s.blocks.map((block) => block.text)));
  const seen = new Set<string>();
  b = b.map((s, k) => { const number = seen.has(s.number) ? `2-173-9${k}0` : s.number; seen.add(number); return number === s.number ? s : section(number, s.blocks.map((block) => block.text)); });
  return { a, b };
}

/** The draft with a few sections' paragraphs changed (numbers and places kept). */
function editSome(a: readonly Section[], b: readonly Section[], r: Random): { b: Section[]; changed: number[] } {
  const next = b.slice();
  const changed = [...new Set(Array.from({ length: r.int(1, 2) }, () => r.int(0, b.length - 1)))].sort((x, y) => x - y);
  for (const j of changed) {
    const old = b[j]!.blocks.map((block) => block.text);
    const roll = r.next();
    const paragraphs = roll < 0.3 ? old.map((text) => reworded(text, r.int(0, 1e6)))
      : roll < 0.5 ? a[r.int(0, a.length - 1)]!.blocks.map((block) => block.text)
        : roll < 0.6 ? ["Reserved."]
          : roll < 0.8 ? [...old, texts[r.int(0, 39)]!]
            : old.map((text) => `${text.slice(0, -1)} word.`);
    next[j] = section(b[j]!.number, paragraphs);
  }
  return { b: next, changed };
}

describe("rematchChapter", () => {
  it("gives a fresh match's steps, or null, over random chapters and edits", () => {
    const r = new Random(52);
    let reused = 0;
    for (let round = 0; round < 70; round++) {
      const { a, b } = randomPair(r);
      let match: SectionMatch = matchChapter(a, b, options);
      let draft = b;
      for (let edit = 0; edit < 3; edit++) {
        const { b: next, changed } = editSome(a, draft, r);
        const again = rematchChapter(match, a, next, changed, options);
        const fresh = matchChapter(a, next, options);
        if (again) { reused++; expect(again.steps).toEqual(fresh.steps); match = again; } else match = fresh;
        draft = next;
      }
    }
    expect(reused).toBeGreaterThan(30);
  });

  it("returns the previous match when a sure pair stays sure", () => {
    const a = [0, 1, 2].map((k) => section(num(k), texts.slice(k * 10, k * 10 + 10)));
    const b = a.map((s) => section(s.number, s.blocks.map((block) => block.text)));
    const match = matchChapter(a, b, options);
    const edited = b.slice();
    edited[1] = section(num(1), [...texts.slice(10, 19), `${texts[19]!.slice(0, -1)} now.`]);
    expect(rematchChapter(match, a, edited, [1], options)).toBe(match);
    edited[1] = section(num(1), [texts[0]!]);
    expect(rematchChapter(match, a, edited, [1], options)).toBeNull();
  });
});

describe("searchByContent", () => {
  it("finds a renumbered section by a paragraph it shares even among boilerplate shared by many", () => {
    const boiler = "This section shall be enforced by the Department as provided in Chapter 2-78 of this Code at all times.";
    const a = Array.from({ length: 12 }, (_, k) => section(num(k), [boiler, texts[k]!]));
    // Every section renumbered one place on, its own paragraph edited at the end: the shared
    // paragraph is on too many sections to tell them apart, the word runs are not.
    const b = [section(num(0), [boiler, texts[30]!]), ...a.map((s, k) => section(num(k + 1), [boiler, `${texts[k]!.slice(0, -1)} as amended.`]))];
    const steps = alignSections(a, b, options);
    expect(steps.filter((step) => step.kind === "pair")).toEqual(a.map((_, k) => pair(k, k + 1)));
  });

  it("pairs a section moved far, found by word runs alone", () => {
    const a = Array.from({ length: 6 }, (_, k) => section(num(k), [texts[k]!, texts[k + 10]!]));
    const order = [1, 2, 3, 4, 5, 0];
    const b = order.map((k, place) => section(num(place + 10), [`${texts[k]!.slice(0, -1)} also.`, `${texts[k + 10]!.slice(0, -1)} too.`]));
    const steps = alignSections(a, b, options);
    expect(steps).toContainEqual({ kind: "delete", a: 0, moveTo: 5 });
    expect(steps).toContainEqual({ kind: "insert", b: 5, moveFrom: 0 });
    expect(steps.filter((step) => step.kind === "pair")).toEqual([pair(1, 0), pair(2, 1), pair(3, 2), pair(4, 3), pair(5, 4)]);
  });

  it("does not pair a short section by content when its text is on two sections of either side", () => {
    const a = [section(num(0), ["Reserved."]), section(num(1), [texts[1]!])];
    const b = [section(num(5), ["Reserved."]), section(num(6), ["Reserved."]), section(num(1), [texts[1]!])];
    expect(alignSections(a, b, options).filter((step) => step.kind === "pair")).toEqual([pair(1, 2)]);
    const long = [section(num(0), [texts[5]!]), section(num(1), [texts[1]!])];
    const twice = [section(num(5), [texts[5]!]), section(num(6), [texts[5]!]), section(num(1), [texts[1]!])];
    // A long section equal to two: it pairs with one of them.
    expect(alignSections(long, twice, options).filter((step) => step.kind === "pair")).toHaveLength(2);
  });
});

describe("alignSections at its thresholds", () => {
  /** A paragraph of `length` characters of words no other key shares. */
  const own = (key: string, length = 100) => Array.from({ length: 60 }, (_, k) => `${key}${k}`).join(" ").slice(0, length);

  it("takes a same-numbered pair exactly 0.9 alike as sure, and one just under it as not", () => {
    const shared = Array.from({ length: 9 }, (_, k) => own(`s${k}x`));
    const a = section(num(0), [...shared, own("only-a")]);
    expect(surePair(a, section(num(0), [...shared, own("only-b")]))).toBe(true);
    expect(surePair(a, section(num(0), [...shared.slice(0, 8), own("other"), own("only-b")]))).toBe(false);
  });

  it("pairs a renumbered section at 0.6 likeness and not at 0.5", () => {
    const shared = [own("p"), own("q"), own("r")];
    const at = [section(num(0), [...shared, own("a1"), own("a2")]), section(num(1), [own("keep")])];
    const sixty = [section(num(7), [...shared, own("b1"), own("b2")]), section(num(1), [own("keep")])];
    expect(alignSections(at, sixty, options)).toEqual([pair(0, 0), pair(1, 1)]);
    const half = [section(num(0), [own("p"), own("a1")]), section(num(1), [own("keep")])];
    const halfB = [section(num(7), [own("p"), own("b1")]), section(num(1), [own("keep")])];
    expect(alignSections(half, halfB, options)).toEqual([{ kind: "delete", a: 0 }, { kind: "insert", b: 0 }, pair(1, 1)]);
  });

  it("judges a same-numbered section of 80 characters, and pairs one of 79 unjudged", () => {
    const judged = alignSections([section(num(0), [own("a", 80)])], [section(num(0), [own("b", 80)])], options);
    expect(judged).toEqual([{ kind: "delete", a: 0 }, { kind: "insert", b: 0 }]);
    expect(alignSections([section(num(0), [own("a", 79)])], [section(num(0), [own("b", 80)])], options)).toEqual([pair(0, 0)]);
    expect(alignSections([section(num(0), [own("a", 80)])], [section(num(0), [own("b", 79)])], options)).toEqual([pair(0, 0)]);
  });

  it("pairs a renumbered section with the same paragraphs under a new catchline", () => {
    const a = [section(num(0), [texts[0]!], "Old."), section(num(1), [texts[1]!, texts[2]!])];
    const b = [section(num(0), [texts[3]!, texts[4]!]), section(num(1), [texts[0]!], "New."), section(num(2), [texts[1]!, texts[2]!])];
    expect(alignSections(a, b, options)).toEqual([{ kind: "insert", b: 0 }, pair(0, 1), pair(1, 2)]);
  });

  it("gives each section one partner when two are alike: the same number first, then the better score, then reading order", () => {
    const a = [section(num(0), [texts[0]!, texts[1]!]), section(num(1), [texts[2]!, texts[3]!])];
    const copy = [texts[0]!, reworded(texts[1]!, 3)];
    const b = [section(num(0), copy), section(num(1), copy)];
    expect(alignSections(a, b, options)).toEqual([pair(0, 0), { kind: "delete", a: 1 }, { kind: "insert", b: 1 }]);
    // Two renumbered copies equally like one base section: the first in reading order pairs.
    const c = [section(num(0), [texts[0]!, texts[1]!])];
    const d = [section(num(5), copy), section(num(6), copy)];
    expect(alignSections(c, d, options)).toEqual([pair(0, 0), { kind: "insert", b: 1 }]);
    // Two base sections equally like one renumbered draft section: the first pairs.
    const e = [section(num(0), copy), section(num(1), copy)];
    expect(alignSections(e, [section(num(5), [texts[0]!, texts[1]!])], options)).toEqual([pair(0, 0), { kind: "delete", a: 1 }]);
  });
});
