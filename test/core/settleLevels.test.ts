/**
 * `settleLevels` reads the whole document once and settles one by one only the sections that
 * reading does not confirm; the slow truth is settling every section on its own. Over random
 * titles of one to three chapters whose paragraphs are moved to random depths, renumbered to
 * "(1)", emptied or given words that read back as a heading or a history note, the two agree, and a settled document comes back as the same value.
 */
import { describe, expect, it } from "vitest";
import { settleLevels, settleSectionLevels } from "../../src/core/importer/readBack";
import type { Block, OrdinanceDocument, Section } from "../../src/core/model/document";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";

function eachSectionOnItsOwn(doc: OrdinanceDocument): OrdinanceDocument {
  return { ...doc, chapters: doc.chapters.map((chapter) => ({ ...chapter, sections: chapter.sections.map(settleSectionLevels) })) };
}

function disturb(section: Section, random: Random): Section {
  if (!random.chance(0.3)) return section;
  const blocks = section.blocks.map((block): Block => {
    if (block.kind !== "paragraph" || !random.chance(0.3)) return block;
    const roll = random.next();
    if (roll < 0.6) return { ...block, level: random.int(0, 4) };
    if (roll < 0.75) return { ...block, enumerator: random.pick(["(1)", "(a)", "(i)", "(A)", null]) };
    // Words that read back as another kind of line: the text no longer holds the section as it is.
    if (roll < 0.8) return { ...block, enumerator: null, text: random.pick([`${section.number.replace(/\d+$/, "999")} Reserved.`, "CHAPTER 2-199 OTHER MATTERS", "(Added Coun. J. 1-1-26, p. 1, § 1)"]) };
    return { ...block, text: "" };
  });
  return { ...section, blocks };
}

describe("settleLevels", () => {
  it("equals settling each section on its own, over 200 random titles with paragraphs at random depths or reading as other lines", () => {
    let changedTitles = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Random(seed);
      const chapterCount = random.int(1, 3);
      const generated: OrdinanceDocument = { title: null, chapters: Array.from({ length: chapterCount }, (_, i) => generateChapter(seed * 11 + i, 1200 + (seed % 4) * 700, `2-${171 + i}`)) };
      const doc: OrdinanceDocument = { ...generated, chapters: generated.chapters.map((chapter) => ({ ...chapter, sections: chapter.sections.map((section) => disturb(section, random)) })) };
      const settled = settleLevels(doc);
      const truth = eachSectionOnItsOwn(doc);
      expect(settled, `seed ${seed}`).toEqual(truth);
      if (JSON.stringify(truth) !== JSON.stringify(doc)) changedTitles++;
      expect(settleLevels(settled), `seed ${seed}: settled twice`).toBe(settled);
    }
    // The disturbances often give levels the text cannot hold, so the comparison is not idle.
    expect(changedTitles).toBeGreaterThan(50);
  });
});
