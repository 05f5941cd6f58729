/**
 * The merged lines grouped into the units an amending ordinance speaks of: chapters (heading
 * line and table of contents) and, within each, sections (heading line and blocks). Each unit
 * knows whether it exists in the base, the draft or both, and whether it was moved.
 */
import type { Chapter, Section } from "../model/document";
import { isMarked, roleOf, type MergedLine } from "./mergedLines";

/** Where a section or chapter stands between base and draft. */
export type UnitPresence = "both" | "inserted" | "deleted";

export interface SectionUnit {
  readonly presence: UnitPresence;
  /** The section in the base (null when inserted) and in the draft (null when deleted). */
  readonly sectionA: Section | null;
  readonly sectionB: Section | null;
  /** For a section moved to another number: which end this is, and the number at the other end. */
  readonly move: { readonly role: "source" | "destination"; readonly otherSection: string } | null;
  readonly heading: MergedLine;
  /** Paragraph and history lines in order. */
  readonly body: readonly MergedLine[];
}

export interface ChapterUnit {
  readonly presence: UnitPresence;
  readonly chapterA: Chapter | null;
  readonly chapterB: Chapter | null;
  /** The CHAPTER line. */
  readonly heading: MergedLine;
  readonly toc: readonly MergedLine[];
  readonly sections: readonly SectionUnit[];
}

function presenceOf(line: MergedLine): UnitPresence {
  return line.a && line.b ? "both" : line.b ? "inserted" : "deleted";
}

interface ChapterDraft { heading: MergedLine; toc: MergedLine[]; sections: SectionDraft[] }
interface SectionDraft { heading: MergedLine; body: MergedLine[] }

/**
 * Groups merged lines into chapters and sections. A title line (TITLE 2 …) is not part of any
 * chapter and is dropped: an amending ordinance amends chapters and sections.
 */
export function groupUnits(lines: readonly MergedLine[]): ChapterUnit[] {
  const chapters: ChapterDraft[] = [];
  for (const line of lines) {
    const role = roleOf(line);
    if (role.kind === "title") continue;
    if (role.kind === "chapter") { chapters.push({ heading: line, toc: [], sections: [] }); continue; }
    const chapter = chapters[chapters.length - 1];
    if (!chapter) throw new Error("a section line comes before any chapter line");
    if (role.kind === "toc") { chapter.toc.push(line); continue; }
    // A chapter's editor's note is Code apparatus: never reprinted, and no mark on it amends the chapter.
    if (role.kind === "chapter-note") continue;
    if (role.kind === "heading") { chapter.sections.push({ heading: line, body: [] }); continue; }
    const section = chapter.sections[chapter.sections.length - 1];
    if (!section) throw new Error("a paragraph line comes before any section heading");
    section.body.push(line);
  }
  return chapters.map((chapter) => ({
    presence: presenceOf(chapter.heading),
    chapterA: chapter.heading.a?.role.kind === "chapter" ? chapter.heading.a.role.chapter : null,
    chapterB: chapter.heading.b?.role.kind === "chapter" ? chapter.heading.b.role.chapter : null,
    heading: chapter.heading,
    toc: chapter.toc,
    sections: chapter.sections.map(toSectionUnit),
  }));
}

function toSectionUnit(draft: SectionDraft): SectionUnit {
  const { heading } = draft;
  const move = heading.parts.find((part) => part.change?.move)?.change?.move;
  return {
    presence: presenceOf(heading),
    sectionA: heading.a?.role.kind === "heading" ? heading.a.role.section : null,
    sectionB: heading.b?.role.kind === "heading" ? heading.b.role.section : null,
    move: move ? { role: move.role, otherSection: move.otherSection } : null,
    heading,
    body: draft.body,
  };
}

/** Whether a line is a history note (never reprinted by an amending ordinance). */
export function isHistoryLine(line: MergedLine): boolean {
  return roleOf(line).kind === "history";
}

/** Whether the section's heading or any paragraph carries a mark (history notes do not count). */
export function sectionAmended(unit: SectionUnit): boolean {
  return unit.presence !== "both" || isMarked(unit.heading) || unit.body.some((line) => !isHistoryLine(line) && isMarked(line));
}

/** Whether the chapter's heading line or contents carry a mark. */
export function chapterHeadAmended(unit: ChapterUnit): boolean {
  return isMarked(unit.heading) || unit.toc.some(isMarked);
}

/** Whether anything in the chapter would be reprinted by an amending ordinance. */
export function chapterAmended(unit: ChapterUnit): boolean {
  return unit.presence !== "both" || chapterHeadAmended(unit) || unit.sections.some(sectionAmended);
}
