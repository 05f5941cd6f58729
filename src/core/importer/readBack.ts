/**
 * How the importer reads back what the canonical text writes, for the one thing the text holds
 * only indirectly: paragraph levels. A level is written as indentation and read back through
 * the nesting inference of the enumerators (model/enumerators), so a level the inference would
 * not give (a paragraph pasted at another depth, a list starting at "(1)" nested two deep) reads
 * back as another. `settleLevels` gives a document the levels its own text reads back with.
 */
import { serializeDocument } from "../model/canonicalText";
import type { Block, OrdinanceDocument, Section } from "../model/document";
import { ImportError, parseCodeText } from "./parseCodeText";
import { chapterOfSection } from "../numbers";

/** The level of each block of `section` (0 for history notes) as its canonical text reads back, or null when the text alone cannot say. */
export function levelsAsRead(section: Section): number[] | null {
  if (section.blocks.length === 0) return null;
  const chapterNumber = chapterOfSection(section.number);
  try {
    const text = serializeDocument({ title: null, chapters: [{ id: "", number: chapterNumber, title: "", toc: [], sections: [section] }] });
    const read = parseCodeText(text).document.chapters[0]?.sections[0];
    if (!read || read.blocks.length !== section.blocks.length) return null;
    return read.blocks.map((block) => (block.kind === "paragraph" ? block.level : 0));
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

/** `section` with the levels its text reads back with (the same value when they already are); a few rounds at most. */
export function settleSectionLevels(section: Section): Section {
  let current = section;
  for (let round = 0; round < 4; round++) {
    const levels = levelsAsRead(current);
    if (!levels || current.blocks.every((block, i) => block.kind !== "paragraph" || block.level === levels[i])) return current;
    const blocks: Block[] = current.blocks.map((block, i) => (block.kind === "paragraph" && block.level !== levels[i] ? { ...block, level: levels[i]! } : block));
    current = { ...current, blocks };
  }
  return current;
}

/**
 * `doc` with every section's levels as its canonical text reads them back (the same value when
 * nothing changes). Equal to settling each section on its own (`settleSectionLevels`): the whole
 * text is read once, and only the sections whose levels that reading does not confirm are
 * settled one by one — on a large title one read instead of one per section.
 */
export function settleLevels(doc: OrdinanceDocument): OrdinanceDocument {
  const read = readWhole(doc);
  let changed = false;
  const chapters = doc.chapters.map((chapter, c) => {
    const sections = chapter.sections.map((section, s) => {
      if (levelsConfirmed(section, read?.chapters[c]?.sections[s])) return section;
      const settled = settleSectionLevels(section);
      if (settled !== section) changed = true;
      return settled;
    });
    return sections.some((section, i) => section !== chapter.sections[i]) ? { ...chapter, sections } : chapter;
  });
  return changed ? { ...doc, chapters } : doc;
}

/** The whole document as its canonical text reads back, or null when that text does not read. */
function readWhole(doc: OrdinanceDocument): OrdinanceDocument | null {
  try {
    return parseCodeText(serializeDocument(doc)).document;
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

/** Whether `read` is `section` read back with every paragraph at the level it has in `section`. */
function levelsConfirmed(section: Section, read: Section | undefined): boolean {
  if (!read || read.number !== section.number || read.blocks.length !== section.blocks.length) return false;
  return section.blocks.every((block, i) => {
    const other = read.blocks[i]!;
    return block.kind !== "paragraph" || (other.kind === "paragraph" && other.level === block.level);
  });
}
