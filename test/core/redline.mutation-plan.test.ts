/**
 * The chapter-level plan by its meaning: chapters pair by number; between those, a chapter
 * whose paragraph text is at least half the same on the other side is the same chapter
 * renumbered; the rest are added or repealed whole. Sections paired in place under another
 * number are named for the contents. planForUpdate keeps the plan when nothing changed and
 * otherwise gives the plan a fresh makePlan would.
 */
import { describe, expect, it } from "vitest";
import type { Block, Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import { resolveOptions } from "../../src/core/redline/compare";
import { makePlan, planForUpdate, type Plan } from "../../src/core/redline/plan";

const options = resolveOptions();
let ids = 0;

function section(number: string, paragraphs: readonly string[]): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  return { id: `s${ids++}`, number, catchline: "Test.", blocks };
}

function chapter(number: string, sections: readonly Section[]): Chapter {
  return { id: `c${ids++}`, number, title: "TEST", toc: sections.map((s) => ({ number: s.number, catchline: s.catchline })), sections };
}

const doc = (...chapters: Chapter[]): OrdinanceDocument => ({ title: null, chapters });
/** A paragraph of 100 characters, different for each key. */
const para = (key: string) => `${key} `.repeat(100).slice(0, 99) + ".";

/** The plan's steps without the match objects. */
function shape(plan: Plan): unknown[] {
  return plan.steps.map((step) => (step.kind === "chapter-whole" ? step : { kind: step.kind, a: step.a, b: step.b, sections: step.sections, renumbered: [...step.renumbered], key: step.renumberedKey }));
}

describe("makePlan", () => {
  it("pairs chapters of the same number whatever their text", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("a")])]), chapter("2-174", [section("2-174-010", [para("b")])]));
    const draft = doc(chapter("2-173", [section("2-173-010", [para("c")])]), chapter("2-174", [section("2-174-010", [para("b")])]));
    expect(makePlan(base, draft, options).steps.map((step) => [step.kind, "a" in step ? step.a : -1, "b" in step ? step.b : -1])).toEqual([["chapter-pair", 0, 0], ["chapter-pair", 1, 1]]);
  });

  it("pairs a renumbered chapter when half its paragraph text is the same, and not below", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("x"), para("y")])]));
    const half = doc(chapter("2-175", [section("2-175-010", [para("x"), para("z")])]));
    expect(makePlan(base, half, options).steps.map((step) => step.kind)).toEqual(["chapter-pair"]);
    const less = doc(chapter("2-175", [section("2-175-010", [para("x"), para("z"), para("w")])]));
    expect(makePlan(base, less, options).steps).toEqual([{ kind: "chapter-whole", side: "A", index: 0 }, { kind: "chapter-whole", side: "B", index: 0 }]);
  });

  it("counts a paragraph repeated on one side once per copy on the other", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("x"), para("x")])]));
    // Shared: one copy on each side (2 of 5 paragraphs' text): below half.
    const draft = doc(chapter("2-175", [section("2-175-010", [para("x"), para("y"), para("z")])]));
    expect(makePlan(base, draft, options).steps.map((step) => step.kind)).toEqual(["chapter-whole", "chapter-whole"]);
    expect(makePlan(base, doc(chapter("2-175", [section("2-175-010", [para("x"), para("x")])])), options).steps.map((step) => step.kind)).toEqual(["chapter-pair"]);
    // Three copies in the draft of a paragraph the base has once: one is shared (2 of 6).
    const once = doc(chapter("2-173", [section("2-173-010", [para("x"), para("y"), para("w")])]));
    expect(makePlan(once, doc(chapter("2-175", [section("2-175-010", [para("x"), para("x"), para("x")])])), options).steps.map((step) => step.kind)).toEqual(["chapter-whole", "chapter-whole"]);
  });

  it("pairs a rewritten chapter by its number when chapters are added on both sides of it", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("a")])]));
    const draft = doc(chapter("2-172", [section("2-172-010", [para("n")])]), chapter("2-173", [section("2-173-010", [para("b")])]), chapter("2-174", [section("2-174-010", [para("m")])]));
    expect(makePlan(base, draft, options).steps.map((step) => (step.kind === "chapter-pair" ? `pair ${step.a} ${step.b}` : `${step.side}${step.index}`))).toEqual(["B0", "pair 0 1", "B2"]);
  });

  it("adds and repeals chapters with nothing in common whole, and empty chapters too", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("a")])]), chapter("2-176", []));
    const draft = doc(chapter("2-174", [section("2-174-010", [para("b")])]), chapter("2-177", []));
    const kinds = makePlan(base, draft, options).steps.map((step) => (step.kind === "chapter-whole" ? `${step.side}${step.index}` : "pair"));
    expect(kinds.sort()).toEqual(["A0", "A1", "B0", "B1"]);
  });

  it("names the sections paired in place under another number", () => {
    const base = doc(chapter("2-173", [section("2-173-010", [para("a")]), section("2-173-020", [para("b")])]));
    const draft = doc(chapter("2-173", [section("2-173-010", [para("n")]), section("2-173-020", [para("a")]), section("2-173-030", [para("b")])]));
    const [step] = shape(makePlan(base, draft, options)) as Array<{ renumbered: unknown; key: string }>;
    expect(step!.renumbered).toEqual([["2-173-020", "2-173-010"], ["2-173-030", "2-173-020"]]);
    expect(step!.key).toBe("2-173-020>2-173-010 2-173-030>2-173-020");
    const same = shape(makePlan(base, base, options)) as Array<{ renumbered: unknown; key: string }>;
    expect(same[0]!.renumbered).toEqual([]);
    expect(same[0]!.key).toBe("");
  });
});

describe("planForUpdate", () => {
  const sections = (n: number, prefix: string) => Array.from({ length: 3 }, (_, k) => section(`${n}-${k}`, [para(`${prefix}${k}`), para(`${prefix}q${k}`)]));
  const base = doc(chapter("2-173", sections(173, "a")), chapter("2-174", sections(174, "b")));

  it("keeps the plan when no chapter changed", () => {
    const draft = doc(...base.chapters);
    const plan = makePlan(base, draft, options);
    expect(planForUpdate(plan, draft, base, doc(...draft.chapters), options)).toBe(plan);
  });

  it("gives the fresh plan after an edit in a paired chapter, a renumbered one, or an added one", () => {
    const renamed = chapter("2-175", base.chapters[1]!.sections.map((s) => section(s.number, s.blocks.map((block) => block.text))));
    const added = chapter("2-180", sections(180, "c"));
    const drafts = [doc(...base.chapters), doc(base.chapters[0]!, renamed), doc(...base.chapters, added), doc(base.chapters[0]!, added)];
    let replanned = 0;
    for (const draft of drafts) {
      const plan = makePlan(base, draft, options);
      for (let c = 0; c < draft.chapters.length; c++) {
        const old = draft.chapters[c]!;
        const texts = old.sections.map((s) => s.blocks.map((block) => block.text));
        // Section 1 edited a little, rewritten, made a copy of section 0 or of section 2 (moved), or of another chapter's.
        const versions = [[para("a1"), para("zz")], [para("zz"), para("yy")], texts[0]!, texts[2]!, [para("b0"), para("bq0")], [para("a2"), para("aq2")]];
        for (const paragraphs of versions) {
          const edited = { ...old, sections: old.sections.map((s, k) => (k === 1 ? section(s.number, paragraphs) : s)) };
          const next = doc(...draft.chapters.map((ch, k) => (k === c ? edited : ch)));
          const fresh = makePlan(base, next, options);
          if (JSON.stringify(shape(fresh)) !== JSON.stringify(shape(plan))) replanned++;
          expect(shape(planForUpdate(plan, draft, base, next, options))).toEqual(shape(fresh));
          // And section 2 edited after it, from the updated plan.
          const again = { ...edited, sections: edited.sections.map((s, k) => (k === 2 ? section(s.number, [para("zz"), ...s.blocks.slice(1).map((block) => block.text)]) : s)) };
          const third = doc(...next.chapters.map((ch, k) => (k === c ? again : ch)));
          expect(shape(planForUpdate(planForUpdate(plan, draft, base, next, options), next, base, third, options))).toEqual(shape(makePlan(base, third, options)));
        }
      }
    }
    expect(replanned).toBeGreaterThan(10);
  });

  it("pairs an added chapter with a repealed one once its sections are edited into the repealed one's", () => {
    const added = chapter("2-180", sections(180, "c"));
    const draft = doc(base.chapters[0]!, added);
    const plan = makePlan(base, draft, options);
    expect(plan.steps.map((step) => step.kind)).toEqual(["chapter-pair", "chapter-whole", "chapter-whole"]);
    const like174 = { ...added, sections: added.sections.map((s, k) => section(s.number, base.chapters[1]!.sections[k]!.blocks.map((block) => block.text))) };
    const next = doc(base.chapters[0]!, like174);
    const fresh = makePlan(base, next, options);
    expect(fresh.steps.map((step) => step.kind)).toEqual(["chapter-pair", "chapter-pair"]);
    expect(shape(planForUpdate(plan, draft, base, next, options))).toEqual(shape(fresh));
    // Without a repealed chapter to pair with, an edited added chapter keeps the plan.
    const alone = doc(...base.chapters, added);
    const alonePlan = makePlan(base, alone, options);
    const aloneNext = doc(...base.chapters, { ...added, sections: added.sections.map((s, k) => (k === 0 ? section(s.number, [para("zz")]) : s)) });
    expect(planForUpdate(alonePlan, alone, base, aloneNext, options)).toBe(alonePlan);
  });
});
