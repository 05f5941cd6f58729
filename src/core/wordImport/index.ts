/**
 * Reading a Word (.docx) file into a draft: struck runs and w:del are deleted (base-only)
 * text, underscored runs and w:ins inserted (draft-only) text; an amending ordinance's
 * reprinted passages are merged into the base, a whole chapter is read as it stands.
 */
import type { OrdinanceDocument } from "../model/document";
import { draftFromWordParagraphs, type WordDraft } from "./draftFromWord";
import { readDocxParagraphs } from "./readDocx";
import type { ParseXml } from "./xml";

export { draftFromWordParagraphs, type WordDraft, type WordDraftForm } from "./draftFromWord";
export { MAX_DOCX_BYTES, MAX_UNPACKED_BYTES } from "./docxPackage";
export { readDocxParagraphs, WordImportError, type RunSide, type WordParagraph, type WordRun } from "./readDocx";
export type { WordImportWarning } from "./reprints";
export { sideText } from "./sides";
export { W_NS, type ParseXml, type XmlElementLike } from "./xml";

/** Reads a .docx and returns the draft it describes against `base` (readDocxParagraphs, then draftFromWordParagraphs). */
export async function importWordDraft(bytes: Uint8Array, base: OrdinanceDocument, parseXml: ParseXml): Promise<WordDraft> {
  return draftFromWordParagraphs(base, await readDocxParagraphs(bytes, parseXml));
}
export { hasMarks, markedParagraphs, markedSide, paragraphFromMarkedRuns, readMarkedParagraphs, readRedlineParagraphs, type MarkedReading, type MarkedRun } from "./markedRuns";
export { settleUntracked, untrackedEdits, type UntrackedEdit } from "./untracked";
