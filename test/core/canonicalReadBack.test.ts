/**
 * Property: whatever the editor lets the model hold, `parseCodeText(serializeDocument(m))` gives
 * back `m` — catchlines in lower case, empty or longer than the importer's heading limit, chapter
 * titles in lower case, numbered paragraphs with no words yet — over random generated titles.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { settleLevels } from "../../src/core/importer/readBack";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { syncDocumentContents } from "../../src/core/model/contents";
import type { Block, Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";

const WORDS = ["promptly", "residents", "of", "the", "federal", "x", "agency", "upon", "shall", "Notice"];

function words(random: Random, count: number): string {
  return Array.from({ length: count }, () => random.pick(WORDS)).join(" ");
}

function catchline(random: Random): string {
  const roll = random.next();
  if (roll < 0.2) return "";
  if (roll < 0.5) return `${words(random, random.int(1, 4))}.`;
  if (roll < 0.6) return words(random, 60);
  if (roll < 0.7) return random.pick(["5 ILCS 140/7.", "– Reserved.", "1.", "(Repealed)"]);
  return `${random.pick(WORDS)} ${words(random, 2)}`;
}

function mutateSection(section: Section, random: Random): Section {
  const blocks = section.blocks.map((block): Block => (block.kind === "paragraph" && block.enumerator && random.chance(0.15) ? { ...block, text: "" } : block));
  return { ...section, catchline: random.chance(0.4) ? catchline(random) : section.catchline, blocks };
}

function mutate(doc: OrdinanceDocument, seed: number): OrdinanceDocument {
  const random = new Random(seed);
  const chapters = doc.chapters.map((chapter): Chapter => ({
    ...chapter,
    title: random.chance(0.5) ? words(random, random.int(0, 4)) : chapter.title,
    sections: chapter.sections.map((section) => mutateSection(section, random)),
  }));
  // The contents follow the headings, and levels are what the text reads back, as in the editor.
  return settleLevels(syncDocumentContents({ ...doc, chapters }).document);
}

describe("the canonical text reads back as the model the editor holds", () => {
  it("for 300 generated titles with lower-case, empty and long catchlines, lower-case chapter titles and empty numbered paragraphs", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const chapterCount = seed % 3 === 0 ? 3 : 1;
      const generated: OrdinanceDocument = { title: null, chapters: Array.from({ length: chapterCount }, (_, i) => generateChapter(seed * 7 + i, 1500 + (seed % 5) * 900, `2-${170 + i}`)) };
      const doc = mutate(generated, seed);
      const text = serializeDocument(doc);
      let parsed: OrdinanceDocument;
      try {
        parsed = parseCodeText(text).document;
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
      expect(parsed, `seed ${seed}`).toEqual(doc);
    }
  });
});
