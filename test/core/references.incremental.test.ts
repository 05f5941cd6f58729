/**
 * The fast checker against the slow truth (test/support/straightforwardReferences.ts, the whole
 * document scanned afresh): random chapters get citations of every form planted, then a run of
 * drafts, each made from the one before (so untouched sections are the same values and the
 * checker's per-section caches are warm), repeals, renumbers and re-letters sections, edits
 * words and plants new citations. After every step the fast result equals the slow one.
 */
import { describe, expect, it } from "vitest";
import type { Chapter, OrdinanceDocument, Paragraph, Section } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { checkReferences, citations } from "../../src/core/references";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { randomStructuralEdit, withSections } from "../../src/core/samples/structuralEdits";
import { straightforwardCheckReferences, straightforwardCitations } from "../support/straightforwardReferences";

const SEEDS = Number(process.env.REFERENCE_SEEDS ?? 12);
const STEPS = 12;

const lettered = (section: Section) => section.blocks.filter((block): block is Paragraph => block.kind === "paragraph" && block.level === 1 && block.enumerator !== null);

/** A citation in one of the checker's forms, of a random section of the document (or one in neither text). */
function citationText(doc: OrdinanceDocument, citing: Section, random: Random): string {
  const sections = doc.chapters.flatMap((chapter) => chapter.sections);
  const target = random.pick(sections);
  const letters = lettered(target).map((block) => block.enumerator!);
  const letter = letters.length ? random.pick(letters) : "(a)";
  const other = random.pick(sections);
  const ownLetters = lettered(citing).map((block) => block.enumerator!);
  switch (random.int(0, 8)) {
    case 0: return `Section ${target.number}`;
    case 1: return `Section ${target.number}${letter}`;
    case 2: return `Sections ${target.number} and ${other.number}`;
    case 3: return `Sections ${target.number} through ${other.number}`;
    case 4: return `subsection ${letter} of Section ${target.number}`;
    case 5: return `subsection ${ownLetters.length ? random.pick(ownLetters) : "(z)"} of this section`;
    case 6: return `Chapter ${random.pick(doc.chapters).number}`;
    case 7: return `Section ${target.number.replace(/\d+$/, (serial) => String(Number(serial) + 1).padStart(3, "0"))}`;
    default: return "this chapter";
  }
}

function replaceSection(doc: OrdinanceDocument, chapterIndex: number, sectionIndex: number, sections: Section[]): OrdinanceDocument {
  const chapter = doc.chapters[chapterIndex]!;
  const next: Chapter = withSections(chapter, [...chapter.sections.slice(0, sectionIndex), ...sections, ...chapter.sections.slice(sectionIndex + 1)]);
  return { ...doc, chapters: doc.chapters.map((each, i) => (i === chapterIndex ? next : each)) };
}

function pickSection(doc: OrdinanceDocument, random: Random): { chapterIndex: number; sectionIndex: number; section: Section } | null {
  const chapterIndex = random.int(0, doc.chapters.length - 1);
  const chapter = doc.chapters[chapterIndex]!;
  if (chapter.sections.length === 0) return null;
  const sectionIndex = random.int(0, chapter.sections.length - 1);
  return { chapterIndex, sectionIndex, section: chapter.sections[sectionIndex]! };
}

/** A citation appended to a random paragraph. */
function plant(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  const picked = pickSection(doc, random);
  if (!picked) return doc;
  const paragraphs = picked.section.blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.kind === "paragraph");
  if (!paragraphs.length) return doc;
  const { index } = random.pick(paragraphs);
  const text = citationText(doc, picked.section, random);
  const blocks = picked.section.blocks.map((block, at) => (at === index ? { ...block, text: `${block.text} As provided in ${text}, on 3-29-06.` } : block));
  return replaceSection(doc, picked.chapterIndex, picked.sectionIndex, [{ ...picked.section, blocks }]);
}

/** A section repealed. */
function repeal(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  const picked = pickSection(doc, random);
  return picked && doc.chapters[picked.chapterIndex]!.sections.length > 2 ? replaceSection(doc, picked.chapterIndex, picked.sectionIndex, []) : doc;
}

/** A lettered subsection deleted and the later ones re-lettered (b → a, c → b, …). */
function reletter(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  const picked = pickSection(doc, random);
  if (!picked) return doc;
  const letters = lettered(picked.section);
  if (letters.length < 2) return doc;
  const gone = random.pick(letters.slice(0, -1));
  const at = picked.section.blocks.indexOf(gone);
  let end = at + 1;
  while (end < picked.section.blocks.length) {
    const block = picked.section.blocks[end]!;
    if (block.kind !== "paragraph" || block.level <= 1) break;
    end++;
  }
  const order = letters.map((block) => block.enumerator);
  const blocks = [...picked.section.blocks.slice(0, at), ...picked.section.blocks.slice(end)].map((block) => {
    if (block.kind !== "paragraph" || block.level !== 1 || block.enumerator === null) return block;
    const place = order.indexOf(block.enumerator);
    return place > order.indexOf(gone.enumerator) ? { ...block, enumerator: order[place - 1]! } : block;
  });
  return replaceSection(doc, picked.chapterIndex, picked.sectionIndex, [{ ...picked.section, blocks }]);
}

function step(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  const roll = random.next();
  if (roll < 0.25) return plant(doc, random);
  if (roll < 0.4) return repeal(doc, random);
  if (roll < 0.6) return reletter(doc, random);
  if (roll < 0.8) return randomStructuralEdit(doc, random);
  return randomEdit(doc, random);
}

describe("checkReferences, fast and cached, equals the straightforward recomputation", () => {
  it(`over random runs of drafts (${SEEDS} seeds × ${STEPS} steps)`, () => {
    let problems = 0;
    const kinds = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = new Random(seed * 104_729);
      let base = generateTitle(seed, 12_000, 3);
      for (let i = 0; i < 12; i++) base = plant(base, random);
      let draft = base;
      for (let i = 0; i < STEPS; i++) {
        draft = step(draft, random);
        expect(citations(draft), `seed ${seed} step ${i}`).toEqual(straightforwardCitations(draft));
        const redline = compare(base, draft);
        const fast = checkReferences(base, draft, redline);
        expect(fast, `seed ${seed} step ${i}`).toEqual(straightforwardCheckReferences(base, draft, redline));
        problems += fast.length;
        for (const problem of fast) kinds.add(problem.kind);
      }
    }
    // The runs reach the cases that matter, not just clean drafts.
    expect(problems).toBeGreaterThan(SEEDS * STEPS);
    for (const kind of ["repealed-section", "renumbered-section", "relettered-subsection", "missing-section"]) expect(kinds, kind).toContain(kind);
  });
});
