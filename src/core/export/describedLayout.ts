/**
 * The canonical text of a document with the model part behind every line: which chapter,
 * contents entry, chapter's editor's note, section heading, paragraph or history note it prints. Redline offsets point
 * into this text; the export uses the roles to decide what to reprint and how.
 */
import { layoutCanonical, type TextSpan } from "../model/canonicalText";
import { chapterNotes, type Chapter, type EditorNote, type HistoryNote, type OrdinanceDocument, type Paragraph, type Section, type TocEntry } from "../model/document";

/** What a line of canonical text prints. */
export type LineRole =
  | { readonly kind: "title" }
  | { readonly kind: "chapter"; readonly chapter: Chapter }
  | { readonly kind: "toc"; readonly chapter: Chapter; readonly entry: TocEntry }
  /** A chapter's own editor's note (under its contents): printed in the clean chapter, never reprinted. */
  | { readonly kind: "chapter-note"; readonly chapter: Chapter; readonly block: EditorNote }
  | { readonly kind: "heading"; readonly chapter: Chapter; readonly section: Section }
  | { readonly kind: "paragraph"; readonly chapter: Chapter; readonly section: Section; readonly block: Paragraph }
  | { readonly kind: "history"; readonly chapter: Chapter; readonly section: Section; readonly block: HistoryNote | EditorNote };

export interface DescribedLine {
  readonly span: TextSpan;
  readonly role: LineRole;
}

export interface DescribedLayout {
  /** Exactly serializeDocument(doc). */
  readonly text: string;
  /** Every line in text order. */
  readonly lines: readonly DescribedLine[];
}

/** Lays out `doc` and pairs each line with its role. Spans and roles correspond one to one. */
export function describeLayout(doc: OrdinanceDocument): DescribedLayout {
  const { text, spans } = layoutCanonical(doc);
  const roles: LineRole[] = [];
  if (doc.title) roles.push({ kind: "title" });
  for (const chapter of doc.chapters) {
    roles.push({ kind: "chapter", chapter });
    for (const entry of chapter.toc) roles.push({ kind: "toc", chapter, entry });
    for (const block of chapterNotes(chapter)) roles.push({ kind: "chapter-note", chapter, block });
    for (const section of chapter.sections) {
      roles.push({ kind: "heading", chapter, section });
      for (const block of section.blocks) {
        // An editor's note plays a history note's role: printed in the clean chapter, never reprinted.
        roles.push(block.kind !== "paragraph" ? { kind: "history", chapter, section, block } : { kind: "paragraph", chapter, section, block });
      }
    }
  }
  if (roles.length !== spans.length) throw new Error(`layout has ${spans.length} lines but the model ${roles.length}`);
  return { text, lines: spans.map((span, index) => ({ span, role: roles[index]! })) };
}

/** The line whose characters include `offset` (lineFrom ≤ offset < to), or null. Binary search. */
export function lineAt(layout: DescribedLayout, offset: number): DescribedLine | null {
  const { lines } = layout;
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = lines[middle]!.span;
    if (offset < span.lineFrom) high = middle - 1;
    else if (offset >= span.to) low = middle + 1;
    else return lines[middle]!;
  }
  return null;
}
