/**
 * A draft from the paragraphs of a Word file, in one of two forms:
 * - a whole chapter (clean, or redlined with struck and underscored runs): each paragraph's
 *   draft side is a line of Code text, and the lines are read by the Code importer;
 * - an amending ordinance (enacting clause, "is hereby amended" formulas, omitted-text lines):
 *   its reprinted passages are merged into the base (see applyOrdinance).
 */
import { ImportError, parseCodeText } from "../importer/parseCodeText";
import type { OrdinanceDocument } from "../model/document";
import { applyOrdinance } from "./applyOrdinance";
import { readHeadingLine } from "./lines";
import { looksLikeOrdinance, ordinanceItems } from "./ordinanceItems";
import { WordImportError, type WordParagraph } from "./readDocx";
import type { WordImportWarning } from "./reprints";
import { sideText } from "./sides";

/** Which form the Word file had. */
export type WordDraftForm = "ordinance" | "chapter";

export interface WordDraft {
  readonly draft: OrdinanceDocument;
  readonly warnings: readonly WordImportWarning[];
  readonly form: WordDraftForm;
}

/** Whether the paragraphs carry headings for at least half of the base's sections. */
function looksLikeChapter(paragraphs: readonly WordParagraph[], base: OrdinanceDocument): boolean {
  const numbers = new Set(base.chapters.flatMap((chapter) => chapter.sections.map((section) => section.number)));
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const side of ["base", "draft"] as const) {
      const heading = readHeadingLine(sideText(paragraph, side), false);
      if (heading && numbers.has(heading.number)) seen.add(heading.number);
    }
  }
  return numbers.size > 0 && seen.size * 2 >= numbers.size;
}

/** Indentation in columns (four per level) from Word's indentation, the smallest indent being one level. */
function indentColumns(paragraphs: readonly WordParagraph[]): (indent: number | null) => number {
  const positive = paragraphs.map((paragraph) => paragraph.indent ?? 0).filter((indent) => indent > 0);
  // A reduce, not a spread: a file can hold more paragraphs than the call stack has room for arguments.
  const unit = positive.reduce((least, indent) => (least === 0 || indent < least ? indent : least), 0);
  return (indent) => (unit > 0 && indent !== null && indent > 0 ? 4 * Math.round(indent / unit) : 0);
}

function chapterDraft(paragraphs: readonly WordParagraph[]): WordDraft {
  const columns = indentColumns(paragraphs);
  const lines: string[] = [];
  const sourceOfLine: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    const text = sideText(paragraph, "draft");
    if (text === "") return;
    lines.push(" ".repeat(columns(paragraph.indent)) + text, "");
    sourceOfLine.push(index + 1, index + 1);
  });
  try {
    const result = parseCodeText(lines.join("\n"));
    const warnings = result.warnings.map((warning) => ({ paragraph: sourceOfLine[warning.line - 1] ?? 0, text: warning.text, reason: warning.reason }));
    return { draft: result.document, warnings, form: "chapter" };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const paragraph = sourceOfLine[error.line - 1];
    throw new WordImportError(`The Word file's text could not be read as the chapter${paragraph ? ` (Word paragraph ${paragraph})` : ""}: ${error.reason}.`);
  }
}

/**
 * The draft a Word file describes, given the base it amends. An amending ordinance is merged
 * into `base`; a whole chapter is read as it stands. Unusable passages become warnings (the
 * base text is kept there), never silent losses. Throws a WordImportError when the file is
 * neither an ordinance nor a chapter of the base, or a chapter that does not parse.
 */
export function draftFromWordParagraphs(base: OrdinanceDocument, paragraphs: readonly WordParagraph[]): WordDraft {
  if (looksLikeOrdinance(paragraphs)) {
    const { draft, warnings } = applyOrdinance(base, ordinanceItems(paragraphs, base));
    if (draft.chapters.length === 0) throw new WordImportError("The ordinance repeals every chapter of the base; there is nothing left to draft.");
    return { draft, warnings, form: "ordinance" };
  }
  if (paragraphs.every((paragraph) => paragraph.runs.length === 0)) throw new WordImportError("The Word file has no text.");
  if (looksLikeChapter(paragraphs, base)) return chapterDraft(paragraphs);
  const chapters = base.chapters.map((chapter) => chapter.number).join(", ");
  throw new WordImportError(`This Word file is neither an amending ordinance (no enacting clause, amending formula or omitted-text line) nor a copy of Chapter ${chapters} (too few of its section headings).`);
}
