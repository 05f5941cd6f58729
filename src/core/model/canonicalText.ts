/**
 * The canonical plain-text form of a document — the importer's own input format written
 * cleanly — and the offsets of every piece in it. Redline offsets (fromA/toA, fromB/toB) refer
 * to this text, so any tool can check a change by slicing it.
 *
 * Layout: a title line (when present), then per chapter its heading line, its table of
 * contents (one line per entry) and its sections; a blank line separates every unit; a
 * paragraph is indented four spaces per level and led by its enumerator.
 */
import type { Block, OrdinanceDocument, Section } from "./document";

/** Where one piece of the document stands in the canonical text. */
export interface TextSpan {
  readonly kind: "title" | "chapter" | "toc" | "heading" | "block";
  /** Id of the section (headings and blocks) or chapter (chapter and toc lines). */
  readonly ownerId: string;
  /** Id of the block, for kind "block". */
  readonly blockId?: string;
  /** Offset of the line's first character (indentation included). */
  readonly lineFrom: number;
  /** Offset where the line's words start (after indentation and enumerator). */
  readonly textFrom: number;
  /** Offset just past the line's last character (before the newline). */
  readonly to: number;
}

export interface CanonicalLayout {
  readonly text: string;
  readonly spans: readonly TextSpan[];
}

const INDENT = "    ";

/** The indentation and enumerator written before a paragraph's words. */
export function blockPrefix(block: Block): string {
  if (block.kind === "history") return "";
  const indent = INDENT.repeat(block.level);
  return block.enumerator ? `${indent}${block.enumerator} ` : indent;
}

/** The heading line of a section: "2-173-042 Catchline." */
export function sectionHeadingLine(section: Pick<Section, "number" | "catchline">): string {
  return `${section.number} ${section.catchline}`;
}

/** Writes the document as canonical text, recording the span of every line. */
export function layoutCanonical(doc: OrdinanceDocument): CanonicalLayout {
  const parts: string[] = [];
  const spans: TextSpan[] = [];
  let offset = 0;
  const line = (text: string, span: Omit<TextSpan, "lineFrom" | "textFrom" | "to">, prefixLength = 0) => {
    if (parts.length > 0) { parts.push("\n"); offset += 1; }
    spans.push({ ...span, lineFrom: offset, textFrom: offset + prefixLength, to: offset + text.length });
    parts.push(text);
    offset += text.length;
  };
  const blank = () => { parts.push("\n"); offset += 1; };

  if (doc.title) {
    line(`TITLE ${doc.title.number}${doc.title.name ? ` ${doc.title.name}` : ""}`, { kind: "title", ownerId: "title" });
    blank();
  }
  doc.chapters.forEach((chapter, chapterIndex) => {
    if (chapterIndex > 0) blank();
    line(`CHAPTER ${chapter.number}${chapter.title ? ` ${chapter.title}` : ""}`, { kind: "chapter", ownerId: chapter.id });
    if (chapter.toc.length > 0) blank();
    for (const entry of chapter.toc) line(sectionHeadingLine(entry), { kind: "toc", ownerId: chapter.id });
    for (const section of chapter.sections) {
      blank();
      line(sectionHeadingLine(section), { kind: "heading", ownerId: section.id });
      for (const block of section.blocks) {
        blank();
        const prefix = blockPrefix(block);
        line(prefix + block.text, { kind: "block", ownerId: section.id, blockId: block.id }, prefix.length);
      }
    }
  });
  parts.push("\n");
  return { text: parts.join(""), spans };
}

/** The canonical text of a document (see layoutCanonical). Ends with one newline. */
export function serializeDocument(doc: OrdinanceDocument): string {
  return layoutCanonical(doc).text;
}
