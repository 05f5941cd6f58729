/**
 * The chapter as it will read once the ordinance passes, without any marks: as text (exactly
 * the draft's canonical text) and as an export document for the clean .docx (chapter heading,
 * table of contents, its editor's notes, sections and their history notes, in the Code's order).
 */
import { blockPrefix, sectionHeadingLine, serializeDocument } from "../model/canonicalText";
import { chapterNotes, type OrdinanceDocument } from "../model/document";
import { withoutEmptyItems } from "../model/outline";
import { plainBlock, type ExportBlock, type ExportDocument } from "./exportDocument";

/**
 * The clean chapter as plain text. Equal to serializeDocument(draft), character for character,
 * once items opened and never written are left out (withoutEmptyItems: no bare enumerator).
 */
export function cleanText(draft: OrdinanceDocument): string {
  return serializeDocument(withoutEmptyItems(draft));
}

/** The clean chapter as an export document: every line of the canonical text, unmarked, in order. */
export function buildCleanChapter(written: OrdinanceDocument): ExportDocument {
  const draft = withoutEmptyItems(written);
  const blocks: ExportBlock[] = [];
  if (draft.title) blocks.push(plainBlock("chapter-heading", `TITLE ${draft.title.number}${draft.title.name ? ` ${draft.title.name}` : ""}`, { bold: true }));
  for (const chapter of draft.chapters) {
    blocks.push(plainBlock("chapter-heading", `CHAPTER ${chapter.number}${chapter.title ? ` ${chapter.title}` : ""}`, { bold: true }));
    for (const entry of chapter.toc) blocks.push(plainBlock("toc", sectionHeadingLine(entry)));
    for (const note of chapterNotes(chapter)) blocks.push(plainBlock("history", note.text));
    for (const section of chapter.sections) {
      blocks.push(plainBlock("code-heading", sectionHeadingLine(section), { bold: true }));
      for (const block of section.blocks) {
        if (block.kind !== "paragraph") blocks.push(plainBlock("history", block.text));
        else blocks.push(plainBlock("code-paragraph", blockPrefix(block).trimStart() + block.text, { level: block.level }));
      }
    }
  }
  return { blocks };
}
