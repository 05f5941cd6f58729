/**
 * The document model of a Municipal Code text: a title heading (optional), chapters,
 * sections and blocks. Every value is immutable; functions that "change" a document return a
 * new one. Ids are stable: the importer derives them from section numbers and block order,
 * so the same text always yields the same ids, and the editor keeps them through edits.
 */

/** `TITLE 2 CITY GOVERNMENT AND ADMINISTRATION` — present when a whole title was imported. */
export interface CodeTitle {
  /** The title number, e.g. "2". */
  readonly number: string;
  /** The title's name as printed, e.g. "CITY GOVERNMENT AND ADMINISTRATION". */
  readonly name: string;
}

/** One line of a chapter's table of contents. */
export interface TocEntry {
  /** Section number, e.g. "2-173-042". */
  readonly number: string;
  /** Catchline as printed in the table, e.g. "Definitions." */
  readonly catchline: string;
}

/** A paragraph of section text, optionally led by an enumerator such as (a), (1), (A), (i). */
export interface Paragraph {
  readonly kind: "paragraph";
  readonly id: string;
  /** The enumerator with its parentheses, e.g. "(a)"; null for an unnumbered paragraph. */
  readonly enumerator: string | null;
  /**
   * Nesting depth: 0 for body text outside any list, 1 for the outermost list ((a) in
   * Chicago's usage), 2 for the next ((1)), and so on.
   */
  readonly level: number;
  /** The paragraph's words, without the enumerator; single-spaced, trimmed, one line. */
  readonly text: string;
}

/** The history-note parenthetical that closes a section, e.g. "(Added Coun. J. 3-29-06, …)". */
export interface HistoryNote {
  readonly kind: "history";
  readonly id: string;
  /** The whole note, parentheses included. */
  readonly text: string;
}

/**
 * An editor's note printed with the Code ("Editor's note – Coun. J. 11-16-11 … renumbered
 * former …"): kept and shown like a history note, never reprinted by an amending ordinance.
 */
export interface EditorNote {
  readonly kind: "note";
  readonly id: string;
  /** The note's words without the footnote star, e.g. "Editor's note – …". */
  readonly text: string;
}

export type Block = Paragraph | HistoryNote | EditorNote;

/** A section of the Code: number, catchline and its blocks in order. */
export interface Section {
  readonly id: string;
  /** Three-part number, e.g. "2-173-042". */
  readonly number: string;
  /** The catchline, e.g. "Definitions." (ends with a period in the Code's usage). */
  readonly catchline: string;
  readonly blocks: readonly Block[];
}

/** A chapter: number, title, table of contents as printed, its editor's notes, and sections in order. */
export interface Chapter {
  readonly id: string;
  /** Two-part number, e.g. "2-173". */
  readonly number: string;
  /** The chapter's title, e.g. "WELCOMING CITY ORDINANCE" (without the footnote star of a note). */
  readonly title: string;
  readonly toc: readonly TocEntry[];
  /**
   * The chapter's own editor's notes (the footnote of a starred title, printed under the heading
   * and contents), in order. Absent when the chapter has none: the importer and the editor leave
   * it out then, so documents without chapter notes look as they always did.
   */
  readonly notes?: readonly EditorNote[];
  readonly sections: readonly Section[];
}

/** A whole imported text: one or more chapters, with the title heading when one was given. */
export interface OrdinanceDocument {
  readonly title: CodeTitle | null;
  readonly chapters: readonly Chapter[];
}

const NO_NOTES: readonly EditorNote[] = [];

/** A chapter's editor's notes; the same empty list for every chapter that has none. */
export function chapterNotes(chapter: Pick<Chapter, "notes">): readonly EditorNote[] {
  return chapter.notes ?? NO_NOTES;
}

/** Whether two chapters carry the same editor's notes (ids and words), compared without allocating. */
export function sameChapterNotes(a: Pick<Chapter, "notes">, b: Pick<Chapter, "notes">): boolean {
  const notesA = chapterNotes(a);
  const notesB = chapterNotes(b);
  if (notesA === notesB) return true;
  return notesA.length === notesB.length && notesA.every((note, index) => note.id === notesB[index]!.id && note.text === notesB[index]!.text);
}

/** Id of the `index`-th editor's note of a chapter, derived from the chapter's id. */
export function chapterNoteId(chapterIdValue: string, index: number): string {
  return `${chapterIdValue}-n${index}`;
}

/** All sections of a document in reading order, across chapters. */
export function allSections(doc: OrdinanceDocument): Section[] {
  return doc.chapters.flatMap((chapter) => chapter.sections);
}

/** The section with this number, or undefined. */
export function findSection(doc: OrdinanceDocument, number: string): Section | undefined {
  for (const chapter of doc.chapters) {
    const found = chapter.sections.find((section) => section.number === number);
    if (found) return found;
  }
  return undefined;
}

/** Id of a chapter, derived from its number so that re-importing the same text gives the same id. */
export function chapterId(number: string): string {
  return `ch-${number}`;
}

/** Id of a section, derived from its number. */
export function sectionId(number: string): string {
  return `s-${number}`;
}

/** Id of the `index`-th block of a section. */
export function blockId(sectionIdValue: string, index: number): string {
  return `${sectionIdValue}-b${index}`;
}
