/** Keystroke-like edits for incremental tests: one section replaced by a new object, the rest shared. */
import type { Chapter, OrdinanceDocument, Paragraph, Section } from "../../src/core/model/document";
import type { Random } from "../../src/core/samples/random";

/** The document with a letter or a word typed into one paragraph of one section (a new section object). */
export function typeInto(doc: OrdinanceDocument, chapterIndex: number, sectionIndex: number, random: Random): OrdinanceDocument {
  const chapter = doc.chapters[chapterIndex]!;
  const section = chapter.sections[sectionIndex]!;
  const paragraphs = section.blocks.flatMap((block, index) => (block.kind === "paragraph" ? [index] : []));
  if (paragraphs.length === 0) return doc;
  const blockIndex = random.pick(paragraphs);
  const block = section.blocks[blockIndex] as Paragraph;
  const at = random.int(0, block.text.length);
  const letter = random.pick(["s", "x", " q", "e "]);
  const text = `${block.text.slice(0, at)}${letter}${block.text.slice(at)}`.replace(/ +/g, " ").trim();
  const blocks = section.blocks.map((each, i) => (i === blockIndex ? { ...block, text } : each));
  const sections: Section[] = chapter.sections.map((each, i) => (i === sectionIndex ? { ...section, blocks } : each));
  const chapters: Chapter[] = doc.chapters.map((each, i) => (i === chapterIndex ? { ...chapter, sections } : each));
  return { ...doc, chapters };
}

/** A keystroke in a random section of a random chapter. */
export function randomKeystroke(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  const c = random.int(0, doc.chapters.length - 1);
  const count = doc.chapters[c]!.sections.length;
  return count === 0 ? doc : typeInto(doc, c, random.int(0, count - 1), random);
}
