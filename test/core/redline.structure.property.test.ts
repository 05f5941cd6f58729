/**
 * Invariants over random multi-chapter titles and random structural edits (sections inserted
 * with the rest shifted, everything renumbered, chapters added, repealed and renumbered,
 * sections moved within and between chapters) mixed with word and paragraph edits:
 * (a) applying the changes to the base gives the draft, and reverting them gives the base;
 * (b) an incremental `updateRedline` equals a fresh `compare`, change for change;
 * (c) a section with the same number and the same text on both sides has no changes, and no two changes share an id;
 * (d) a section moved into another chapter (the generator keeps its id) is one move, labelled
 *     at both ends, also after typing into it.
 */
import { describe, expect, it } from "vitest";
import { sameSectionText } from "../../src/core/model/canonicalText";
import { allSections, type OrdinanceDocument } from "../../src/core/model/document";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { moveBetweenChapters, randomStructuralEdit } from "../../src/core/samples/structuralEdits";
import { applyChanges, revertChanges, slicesMatch } from "../support/redlineChecks";

function clone(doc: OrdinanceDocument): OrdinanceDocument {
  return JSON.parse(JSON.stringify(doc)) as OrdinanceDocument;
}

function titleFor(seed: number): OrdinanceDocument {
  const random = new Random(seed);
  return generateTitle(seed, random.int(4_000, 16_000), random.int(2, 4));
}

/** One step of a script: structural about one time in three, else a word or paragraph edit. */
function step(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  return random.chance(0.35) ? randomStructuralEdit(doc, random) : randomEdit(doc, random);
}

/** The draft with a word typed into (or deleted from) the first paragraph of one section. */
function typeWord(doc: OrdinanceDocument, chapterIndex: number, sectionIndex: number, random: Random): OrdinanceDocument {
  const chapter = doc.chapters[chapterIndex]!;
  const section = chapter.sections[sectionIndex]!;
  const index = section.blocks.findIndex((block) => block.kind === "paragraph");
  if (index < 0) return doc;
  const block = section.blocks[index]!;
  const words = block.text.split(" ");
  const at = random.int(0, words.length - 1);
  if (random.chance(0.3) && words.length > 3) words.splice(at, 1); else words.splice(at, 0, random.pick(["shall", "promptly", "written", "any"]));
  const blocks = section.blocks.map((each, i) => (i === index ? { ...block, text: words.join(" ") } : each));
  const sections = chapter.sections.map((each, i) => (i === sectionIndex ? { ...section, blocks } : each));
  return { ...doc, chapters: doc.chapters.map((each, i) => (i === chapterIndex ? { ...chapter, sections } : each)) };
}

function checkTexts(redline: Redline, label: string): void {
  expect(applyChanges(redline), label).toBe(redline.draftText);
  expect(revertChanges(redline), label).toBe(redline.baseText);
  expect(slicesMatch(redline), label).toEqual([]);
}

/** Sections with the same number and text in base and draft whose redline entry is marked. */
function markedUnchanged(base: OrdinanceDocument, draft: OrdinanceDocument, redline: Redline): string[] {
  const baseByNumber = new Map(allSections(base).map((section) => [section.number, section]));
  const unchanged = new Set(allSections(draft).filter((section) => {
    const other = baseByNumber.get(section.number);
    return other !== undefined && sameSectionText(other, section);
  }).map((section) => section.number));
  return redline.sections
    .filter((entry) => entry.unit === "section" && ((entry.numberB !== null && unchanged.has(entry.numberB)) || (entry.numberA !== null && unchanged.has(entry.numberA))))
    .filter((entry) => entry.status !== "unchanged" || entry.changes.length > 0)
    .map((entry) => `${entry.numberA} > ${entry.numberB}: ${entry.status}, ${entry.changes.length} changes`);
}

describe("redline invariants over random structural edits of multi-chapter titles", () => {
  it("rebuild the draft from the base and back, and never mark an unchanged section (400 scripts)", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const base = titleFor(seed);
      const random = new Random(seed * 7 + 1);
      let draft = base;
      for (let k = random.int(1, 5); k > 0; k--) draft = step(draft, random);
      const redline = compare(base, draft);
      const label = `seed ${seed}`;
      checkTexts(redline, label);
      expect(markedUnchanged(base, draft, redline), label).toEqual([]);
      const ids = redline.changes.map((change) => change.id);
      expect(ids.filter((id, k) => ids.indexOf(id) !== k), `${label}: repeated change ids`).toEqual([]);
    }
  });

  it("give the same redline incrementally as from scratch while typing into a few sections (120 scripts of 2 × 10 words)", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const base = titleFor(seed + 9_000);
      const random = new Random(seed * 17 + 3);
      let draft = base;
      for (let k = random.int(1, 3); k > 0; k--) draft = step(draft, random);
      let previous = compare(base, draft);
      // Typing: ten words into each of two paragraphs, a word at a time.
      for (let burst = 0; burst < 2; burst++) {
        const chapterIndex = random.int(0, draft.chapters.length - 1);
        if (draft.chapters[chapterIndex]!.sections.length === 0) continue;
        const sectionIndex = random.int(0, draft.chapters[chapterIndex]!.sections.length - 1);
        for (let key = 0; key < 10; key++) {
          draft = typeWord(draft, chapterIndex, sectionIndex, random);
          const incremental = updateRedline(previous, draft);
          const fresh = compare(clone(base), clone(draft));
          expect(incremental.changes, `seed ${seed}, burst ${burst}, key ${key}`).toEqual(fresh.changes);
          previous = incremental;
        }
      }
    }
  }, 120_000);

  it("give the same redline incrementally as from scratch (300 scripts of 6 steps)", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const base = titleFor(seed + 5_000);
      const random = new Random(seed * 13 + 5);
      let draft = base;
      let previous = compare(base, draft);
      for (let k = 0; k < 6; k++) {
        draft = step(draft, random);
        const incremental = updateRedline(previous, draft);
        const fresh = compare(clone(base), clone(draft));
        const label = `seed ${seed}, step ${k}`;
        expect(incremental.changes, label).toEqual(fresh.changes);
        expect(incremental.sections.map((s) => s.status), label).toEqual(fresh.sections.map((s) => s.status));
        previous = incremental;
      }
    }
  });

  it("show a section moved between chapters as one move labelled at both ends, before and while typing into it (150 scripts)", () => {
    let moves = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const base = titleFor(seed + 13_000);
      const random = new Random(seed * 31 + 7);
      let draft = moveBetweenChapters(base, random);
      if (random.chance(0.5)) draft = randomEdit(draft, random);
      const chapterOfId = (doc: OrdinanceDocument) => new Map(doc.chapters.flatMap((chapter, c) => chapter.sections.map((section) => [section.id, { c, section }] as const)));
      const inBase = chapterOfId(base);
      const moved = [...chapterOfId(draft)].filter(([id, { section }]) => {
        const before = inBase.get(id);
        return before !== undefined && before.section.number !== section.number && base.chapters[before.c]!.number !== draft.chapters.find((chapter) => chapter.sections.includes(section))!.number;
      });
      let previous = compare(base, draft);
      for (const [id, { c, section }] of moved) {
        moves++;
        const from = inBase.get(id)!.section.number;
        const label = `seed ${seed}: ${from} → ${section.number}`;
        const ends = previous.changes.filter((change) => change.move && change.part === "section");
        expect(ends.filter((change) => change.section === section.number).map((change) => [change.move!.role, change.move!.otherSection]), label).toEqual([["destination", from]]);
        expect(ends.filter((change) => change.section === from).map((change) => [change.move!.role, change.move!.otherSection]), label).toEqual([["source", section.number]]);
        // Typing into the moved section keeps it a move, and the update equals a fresh compare.
        const index = draft.chapters[c]!.sections.indexOf(section);
        for (let key = 0; key < 4; key++) {
          draft = typeWord(draft, c, index, random);
          const incremental = updateRedline(previous, draft);
          expect(incremental.changes, `${label}, key ${key}`).toEqual(compare(clone(base), clone(draft)).changes);
          previous = incremental;
        }
        const destination = previous.sections.find((entry) => entry.numberB === section.number)!;
        expect(destination.status, label).toBe("moved");
      }
    }
    expect(moves).toBeGreaterThan(60);
  });
});
