/**
 * The ideal redline's size for generated inputs, whose sections and paragraphs keep their ids
 * through every edit: chapters, sections and paragraphs paired by id, an exact word diff
 * within each pair (headings, contents lines, enumerators and paragraph text), and unpaired
 * units marked whole. The engine's marked words are counted the same way, so the two compare.
 */
import { diffArrays } from "diff";
import { sectionPiece } from "../src/core/model/canonicalText";
import type { Block, Chapter, OrdinanceDocument, Section } from "../src/core/model/document";
import { topLevelChanges, type Redline } from "../src/core/redline";

/** Words of a text: runs of non-space characters. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== "");
}

/** Words struck plus words underscored by an exact word diff of two texts. */
function wordDiffSize(a: string, b: string): number {
  if (a === b) return 0;
  let marked = 0;
  for (const part of diffArrays(words(a), words(b))) if (part.added || part.removed) marked += part.value.length;
  return marked;
}

function blockText(block: Block): string {
  return block.kind === "paragraph" && block.enumerator ? `${block.enumerator} ${block.text}` : block.text;
}

function sectionPairSize(a: Section, b: Section): number {
  // Heading and contents line: the number as one word, then the catchline.
  let marked = 2 * ((a.number === b.number ? 0 : 2) + wordDiffSize(a.catchline, b.catchline));
  const blocksB = new Map(b.blocks.map((block) => [block.id, block]));
  const pairedB = new Set<string>();
  for (const block of a.blocks) {
    const other = blocksB.get(block.id);
    if (!other) { marked += words(blockText(block)).length; continue; }
    pairedB.add(other.id);
    const enumeratorA = block.kind === "paragraph" ? block.enumerator : null;
    const enumeratorB = other.kind === "paragraph" ? other.enumerator : null;
    if (enumeratorA !== enumeratorB) marked += (enumeratorA ? 1 : 0) + (enumeratorB ? 1 : 0);
    marked += wordDiffSize(block.text, other.text);
  }
  for (const block of b.blocks) if (!pairedB.has(block.id)) marked += words(blockText(block)).length;
  return marked;
}

function wholeSection(section: Section): number {
  return words(sectionPiece(section).text).length + words(`${section.number} ${section.catchline}`).length;
}

function chapterPairSize(a: Chapter, b: Chapter): number {
  let marked = wordDiffSize(`CHAPTER ${a.number} ${a.title}`, `CHAPTER ${b.number} ${b.title}`);
  const sectionsB = new Map(b.sections.map((section) => [section.id, section]));
  const pairedB = new Set<string>();
  for (const section of a.sections) {
    const other = sectionsB.get(section.id);
    if (!other) { marked += wholeSection(section); continue; }
    pairedB.add(other.id);
    marked += sectionPairSize(section, other);
  }
  for (const section of b.sections) if (!pairedB.has(section.id)) marked += wholeSection(section);
  return marked;
}

function wholeChapter(chapter: Chapter): number {
  return words(`CHAPTER ${chapter.number} ${chapter.title}`).length + chapter.sections.reduce((sum, section) => sum + wholeSection(section), 0);
}

/** Marked words of the ideal redline of `draft` against `base` (pairing by ids). */
export function idealMarkedWords(base: OrdinanceDocument, draft: OrdinanceDocument): number {
  const chaptersB = new Map(draft.chapters.map((chapter) => [chapter.id, chapter]));
  const pairedB = new Set<string>();
  let marked = 0;
  for (const chapter of base.chapters) {
    const other = chaptersB.get(chapter.id);
    if (!other) { marked += wholeChapter(chapter); continue; }
    pairedB.add(other.id);
    marked += chapterPairSize(chapter, other);
  }
  for (const chapter of draft.chapters) if (!pairedB.has(chapter.id)) marked += wholeChapter(chapter);
  return marked;
}

/** Marked words of a redline: words struck plus words underscored, over the changes that rebuild the draft. */
export function markedWords(redline: Redline): number {
  return topLevelChanges(redline).reduce((sum, change) => sum + words(change.deleted).length + words(change.inserted).length, 0);
}
