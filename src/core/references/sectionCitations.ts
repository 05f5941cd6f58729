/**
 * Citations one section at a time: a section's citations depend on that section alone (its
 * number, its paragraphs and their labels), so they are found once per section value, with
 * offsets relative to the section's piece, and shifted to where the piece stands in the
 * document. The editor's draft keeps the section values it did not touch, so a keystroke costs
 * the citations of one section.
 */
import { chapterHeadPiece, sectionLines, sectionPieceLength, titlePiece, PIECE_SEPARATOR } from "../model/canonicalText";
import type { Chapter, OrdinanceDocument, Section } from "../model/document";
import { paragraphCitations, type Citation, type TextSpan } from "./citations";
import { ancestorLabels } from "./paths";

/** A section's citations with offsets relative to the start of its piece, in text order. */
export interface SectionCitations {
  readonly list: readonly Citation[];
  /**
   * For each citation, whether the next one is in the same paragraph and joined to it by
   * "through" or "to" ("Sections 2-173-020 through 2-173-040").
   */
  readonly rangeWithNext: readonly boolean[];
}

const cache = new WeakMap<Section, SectionCitations>();
const RANGE_JOIN = /^\s+(?:through|to)\s+$/i;

/** The citations of one section, relative to its piece's start. Cached per section value. */
export function sectionCitations(section: Section): SectionCitations {
  let found = cache.get(section);
  if (found) return found;
  const labels = ancestorLabels(section);
  const list: Citation[] = [];
  const rangeWithNext: boolean[] = [];
  const lines = sectionLines(section);
  for (let i = 0; i < section.blocks.length; i++) {
    const block = section.blocks[i]!;
    const line = lines[i + 1]!;
    if (block.kind !== "paragraph") continue;
    const own = paragraphCitations({ section, paragraph: block, own: labels.get(block.id) ?? [], words: line.words, base: line.textFrom });
    own.forEach((citation, k) => {
      const next = own[k + 1];
      rangeWithNext.push(next !== undefined && RANGE_JOIN.test(line.words.slice(citation.span.to - line.textFrom, next.span.from - line.textFrom)));
    });
    list.push(...own);
  }
  found = { list, rangeWithNext };
  cache.set(section, found);
  return found;
}

const shift = (span: TextSpan, by: number): TextSpan => ({ from: span.from + by, to: span.to + by });

/** The citation with every offset `by` characters later. */
export function shiftCitation(citation: Citation, by: number): Citation {
  if (by === 0) return citation;
  return {
    ...citation,
    span: shift(citation.span, by),
    numberSpan: citation.numberSpan && shift(citation.numberSpan, by),
    labelSpans: citation.labelSpans.map((span) => span && shift(span, by)),
  };
}

/** A section of the document with its chapter and the offset in the canonical text where its piece starts. */
export interface PlacedSection {
  readonly section: Section;
  readonly chapter: Chapter;
  /** Where the piece starts (its blank-line separator; the first piece's starts before the text, at -2). */
  readonly start: number;
}

/** Every section in order with its piece's start, from the cached piece lengths (no text is built). */
export function sectionStarts(document: OrdinanceDocument): PlacedSection[] {
  const placed: PlacedSection[] = [];
  let offset = -PIECE_SEPARATOR.length;
  if (document.title) offset += titlePiece(document.title).text.length;
  for (const chapter of document.chapters) {
    offset += chapterHeadPiece(chapter).text.length;
    for (const section of chapter.sections) {
      placed.push({ section, chapter, start: offset });
      offset += sectionPieceLength(section);
    }
  }
  return placed;
}
