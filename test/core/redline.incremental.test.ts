/**
 * updateRedline against compare: the incremental result after keystrokes must equal a fresh
 * compare of the same base and draft — for a title whose draft adds or repeals a whole chapter
 * (issue 9, fault 2), and over a long sequence of keystrokes across a large document.
 */
import { describe, expect, it } from "vitest";
import type { Chapter, OrdinanceDocument, Paragraph, Section } from "../../src/core/model/document";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";

/** The document with one character typed into the first paragraph of one section (a new section object). */
function typeInto(doc: OrdinanceDocument, chapterIndex: number, sectionIndex: number, random: Random): OrdinanceDocument {
  const chapter = doc.chapters[chapterIndex]!;
  const section = chapter.sections[sectionIndex]!;
  const blockIndex = section.blocks.findIndex((block) => block.kind === "paragraph");
  if (blockIndex < 0) return doc;
  const block = section.blocks[blockIndex] as Paragraph;
  const at = random.int(0, block.text.length);
  const letter = random.pick(["s", "x", " q", "e "]);
  const text = `${block.text.slice(0, at)}${letter}${block.text.slice(at)}`.replace(/ +/g, " ").trim();
  const blocks = section.blocks.map((each, i) => (i === blockIndex ? { ...block, text } : each));
  const sections: Section[] = chapter.sections.map((each, i) => (i === sectionIndex ? { ...section, blocks } : each));
  const chapters: Chapter[] = doc.chapters.map((each, i) => (i === chapterIndex ? { ...chapter, sections } : each));
  return { ...doc, chapters };
}

/** Plain values of a redline (sections with their changes, every change), for deep equality. */
function plain(redline: Redline): unknown {
  return JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes }));
}

function fresh(base: OrdinanceDocument, draft: OrdinanceDocument): Redline {
  return compare(structuredClone(base), structuredClone(draft));
}

const small = (seed: number, number: string) => generateChapter(seed, 1500, number);

describe("updateRedline with a chapter on one side only", () => {
  const kept = small(1, "2-173");
  const added = small(2, "2-174");
  const title = { number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" };
  const cases: Array<[string, OrdinanceDocument, OrdinanceDocument]> = [
    ["a chapter added", { title, chapters: [kept] }, { title, chapters: [kept, added] }],
    ["a chapter added first", { title, chapters: [kept] }, { title, chapters: [added, kept] }],
    ["a chapter repealed", { title, chapters: [kept, added] }, { title, chapters: [kept] }],
  ];
  for (const [name, base, draft] of cases) {
    it(`keeps every section of ${name} after a keystroke elsewhere`, () => {
      expect(added.sections.length).toBeGreaterThan(1);
      const keptIndex = draft.chapters.indexOf(kept);
      let previous = compare(base, draft);
      let current = draft;
      const random = new Random(7);
      for (let k = 0; k < 5; k++) {
        current = typeInto(current, keptIndex, k % kept.sections.length, random);
        previous = updateRedline(previous, current);
        expect(plain(previous), `keystroke ${k + 1}`).toEqual(plain(fresh(base, current)));
      }
    });
  }
});

describe("updateRedline over many keystrokes across a large document", () => {
  it("equals compare after 300 keystrokes across the sections of a 2 MB-scale, three-chapter title", () => {
    const chapters = [generateChapter(31, 700_000, "2-171"), generateChapter(32, 700_000, "2-172"), generateChapter(33, 700_000, "2-173")];
    const base: OrdinanceDocument = { title: null, chapters };
    // The draft repeals nothing but starts from a few edits, so there are changes to shift.
    const random = new Random(5);
    let draft: OrdinanceDocument = base;
    for (let k = 0; k < 20; k++) {
      const c = random.int(0, chapters.length - 1);
      draft = typeInto(draft, c, random.int(0, draft.chapters[c]!.sections.length - 1), random);
    }
    let redline = compare(base, draft);
    for (let k = 1; k <= 300; k++) {
      const c = random.int(0, chapters.length - 1);
      draft = typeInto(draft, c, random.int(0, draft.chapters[c]!.sections.length - 1), random);
      redline = updateRedline(redline, draft);
      // Reading sections or changes in between must not disturb what later updates give.
      if (k % 37 === 0) expect(redline.changes.length).toBeGreaterThan(0);
      if (k % 100 === 0) expect(plain(redline), `keystroke ${k}`).toEqual(plain(fresh(base, draft)));
    }
  });
});
