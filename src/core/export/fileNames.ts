/**
 * File names for exports, from the chapter numbers and a date:
 * `ordinance-2-173-2026-11-26.docx`, `ordinance-2-173-tracked-2026-11-26.docx`,
 * `chapter-2-173-clean-2026-11-26.txt`. Pure: the date is an argument.
 */
import type { OrdinanceDocument } from "../model/document";

export type ExportKind = "ordinance" | "tracked" | "review" | "clean";
export type ExportExtension = "docx" | "html" | "txt";

/** "2026-11-26" for the given calendar date (local time of the Date given). */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The chapter numbers of a document joined for a file name: "2-173", "2-173_2-174"; "code" when none. */
function chapterPart(doc: OrdinanceDocument): string {
  const numbers = doc.chapters.map((chapter) => chapter.number.replace(/[^0-9A-Za-z.-]+/g, "-"));
  return numbers.length > 0 ? numbers.join("_") : "code";
}

/** The file name of an export of `doc` made on `date`. */
export function exportFileName(kind: ExportKind, doc: OrdinanceDocument, date: Date, extension: ExportExtension): string {
  const chapters = chapterPart(doc);
  const day = isoDay(date);
  switch (kind) {
    case "ordinance": return `ordinance-${chapters}-${day}.${extension}`;
    case "tracked": return `ordinance-${chapters}-tracked-${day}.${extension}`;
    case "review": return `ordinance-${chapters}-review-${day}.${extension}`;
    case "clean": return `chapter-${chapters}-clean-${day}.${extension}`;
  }
}
