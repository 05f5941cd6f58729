/**
 * An amending ordinance's reprints applied to the base: the draft it describes.
 *
 * Plan: group the items (reprints.ts); settle the indentation unit from paragraphs that match
 * base paragraphs; then per base chapter — apply the reprinted heading and contents (merged
 * like paragraphs), apply each reprinted section (by its base number) or drop it when repealed
 * or wholly struck, and insert wholly underscored sections in number order; a section reprinted
 * with a new number that no longer fits its place (the Code orders sections by number) or that
 * belongs to another chapter is put where its new number goes. Chapters the base
 * lacks are built from their underscored reprint; repealed chapters are dropped. Reprints that
 * name nothing in the base are reported, never silently dropped.
 */
import { blockPrefix, sectionHeadingLine } from "../model/canonicalText";
import { textSimilarity } from "../redline/similarity";
import { chapterId, sectionId, type Block, type Chapter, type OrdinanceDocument, type Section, type TocEntry } from "../model/document";
import { DEFAULT_INDENT_UNIT, indentUnit } from "./levels";
import { chapterOfSection, compareSectionNumbers } from "../numbers";
import { readHeadingLine } from "./lines";
import { mergeSequence } from "./mergeSequence";
import { levelEvidence, mergeSection, newSection } from "./mergeSection";
import type { OrdinanceItem } from "./ordinanceItems";
import { groupReprints, IdSource, warningAt, type ChapterReprint, type Reprints, type SectionReprint, type WordImportWarning } from "./reprints";
import { matchKey } from "./sides";

export interface AppliedOrdinance {
  readonly draft: OrdinanceDocument;
  readonly warnings: readonly WordImportWarning[];
}

function allIds(doc: OrdinanceDocument): string[] {
  return doc.chapters.flatMap((chapter) => [chapter.id, ...chapter.sections.flatMap((section) => [section.id, ...section.blocks.map((block) => block.id)])]);
}

function settleUnit(base: OrdinanceDocument, reprints: Reprints): number | null {
  const evidence = reprints.sections.flatMap((reprint) => {
    const number = reprint.heading.base?.number;
    const section = number ? base.chapters.flatMap((chapter) => chapter.sections).find((candidate) => candidate.number === number) : undefined;
    return section ? levelEvidence(section, reprint) : [];
  });
  const indented = reprints.sections.some((reprint) => reprint.entries.some((entry) => entry.kind === "line" && (entry.line.indent ?? 0) > 0));
  return indentUnit(evidence, indented ? DEFAULT_INDENT_UNIT : null);
}

function mergeToc(toc: readonly TocEntry[], reprint: ChapterReprint, warnings: WordImportWarning[]): TocEntry[] {
  const { steps, unmatched } = mergeSequence({ base: toc, baseKey: (entry) => matchKey(sectionHeadingLine(entry)), lineKey: matchKey, entries: reprint.toc });
  for (const line of unmatched) warnings.push(warningAt(line.source, "this contents line matches no line of the base's table of contents; it was not applied"));
  const renumbered = new Set<TocEntry>();
  const merged = steps.flatMap((step): TocEntry[] => {
    if (step.kind === "keep") return [step.base];
    if (step.kind === "delete") return [];
    const entry = readHeadingLine(step.line.draft, false);
    if (entry) {
      if (step.kind === "replace" && entry.number !== step.base.number) renumbered.add(entry);
      return [entry];
    }
    warnings.push(warningAt(step.line.source, "this contents line has no section number; it was not applied"));
    return step.kind === "replace" ? [step.base] : [];
  });
  const moved = outOfOrder(merged, (entry) => renumbered.has(entry));
  return insertByNumber(merged.filter((entry) => !moved.includes(entry)), moved);
}

/**
 * The units chosen by `renumbered` that break number order with their neighbours (or belong to
 * another chapter than `chapterNumber`, when given), taken from the end backwards so that each is
 * judged against the units that stay.
 */
function outOfOrder<T extends { readonly number: string }>(units: readonly T[], renumbered: (unit: T) => boolean, chapterNumber?: string): T[] {
  const staying = [...units];
  const moved: T[] = [];
  for (let i = staying.length - 1; i >= 0; i--) {
    const unit = staying[i]!;
    if (!renumbered(unit)) continue;
    const before = staying[i - 1];
    const after = staying[i + 1];
    const inOrder = (!before || compareSectionNumbers(before.number, unit.number) < 0) && (!after || compareSectionNumbers(unit.number, after.number) < 0);
    if (inOrder && (chapterNumber === undefined || chapterOfSection(unit.number) === chapterNumber)) continue;
    staying.splice(i, 1);
    moved.push(unit);
  }
  return moved;
}

/** Inserts units into a list ordered by number, each before the first higher-numbered one. */
function insertByNumber<T extends { readonly number: string }>(sections: readonly T[], added: readonly T[]): T[] {
  const result = [...sections];
  for (const section of added) {
    const at = result.findIndex((existing) => compareSectionNumbers(existing.number, section.number) > 0);
    result.splice(at < 0 ? result.length : at, 0, section);
  }
  return result;
}

class OrdinanceApplier {
  private readonly warnings: WordImportWarning[];
  private readonly ids: IdSource;
  private readonly unit: number | null;
  private readonly byBaseNumber = new Map<string, SectionReprint>();
  private readonly repealed = new Set<string>();
  private readonly repealedChapters = new Set<string>();
  /** Removed sections whose history notes a moved section has taken. */
  private readonly claimed = new Set<string>();
  /** Sections renumbered out of their base place, to be put where their new numbers go. */
  private readonly relocated: Array<{ readonly section: Section; readonly fromChapter: string }> = [];

  constructor(private readonly base: OrdinanceDocument, private readonly reprints: Reprints) {
    this.warnings = [...reprints.warnings];
    this.ids = new IdSource(allIds(base));
    this.unit = settleUnit(base, reprints);
    const baseNumbers = new Set(base.chapters.flatMap((chapter) => chapter.sections.map((section) => section.number)));
    for (const reprint of reprints.sections) {
      const number = reprint.heading.base?.number;
      if (number === undefined) continue;
      const earlier = this.byBaseNumber.get(number);
      if (!baseNumbers.has(number)) this.warnings.push(warningAt(reprint.heading.source, `section ${number} is reprinted but is not in the base; its changes were not applied`));
      else if (earlier && movedAway(earlier)) this.byBaseNumber.set(number, reprint);
      else if (earlier && !movedAway(reprint)) this.warnings.push(warningAt(reprint.heading.source, `section ${number} is reprinted twice; only the first reprint was applied`));
      else if (!earlier) this.byBaseNumber.set(number, reprint);
    }
    for (const repeal of reprints.repeals) {
      const known = repeal.unit === "chapter" ? base.chapters.some((chapter) => chapter.number === repeal.number) : baseNumbers.has(repeal.number);
      if (!known) this.warnings.push(warningAt(repeal.source, `${repeal.unit} ${repeal.number} is repealed but is not in the base`));
      (repeal.unit === "chapter" ? this.repealedChapters : this.repealed).add(repeal.number);
    }
  }

  apply(): AppliedOrdinance {
    const chapters: Chapter[] = [];
    /** Each merged chapter's number in the draft (its reprinted heading's, else the base's). */
    const draftNumbers: string[] = [];
    for (const chapter of this.base.chapters) {
      if (this.repealedChapters.has(chapter.number)) continue;
      const merged = this.mergeChapter(chapter);
      if (merged) { chapters.push(merged); draftNumbers.push(this.draftChapterNumber(chapter)); }
    }
    // A relocated section goes to the chapter its new number names, else back to its own chapter.
    for (const { section, fromChapter } of this.relocated) {
      const target = draftNumbers.indexOf(chapterOfSection(section.number));
      const at = target >= 0 ? target : chapters.findIndex((chapter) => chapter.number === fromChapter);
      if (at < 0) continue; // its own chapter was dropped with it: nothing to keep
      chapters[at] = { ...chapters[at]!, sections: insertByNumber(chapters[at]!.sections, [section]) };
    }
    for (const reprint of this.reprints.chapters) {
      if (reprint.chapter.base || !reprint.chapter.draft) continue;
      chapters.splice(0, chapters.length, ...insertByNumber(chapters, [this.newChapter(reprint)]));
    }
    return { draft: { title: this.base.title, chapters }, warnings: this.warnings };
  }

  private mergeChapter(chapter: Chapter): Chapter | null {
    const reprint = this.reprints.chapters.find((candidate) => candidate.chapter.base?.number === chapter.number);
    if (reprint && !reprint.chapter.draft) return null;
    const sections: Section[] = [];
    const renumbered = new Set<Section>();
    for (const section of chapter.sections) {
      if (this.repealed.has(section.number)) continue;
      const sectionReprint = this.byBaseNumber.get(section.number);
      const merged = sectionReprint ? mergeSection(section, sectionReprint, this.unit, this.ids, this.warnings) : section;
      if (merged) sections.push(merged);
      if (merged && merged.number !== section.number) renumbered.add(merged);
    }
    this.takeRelocated(chapter, sections, renumbered);
    const added = this.newSections(this.draftChapterNumber(chapter));
    const title = reprint?.chapter.draft?.title ?? chapter.title;
    const toc = reprint ? mergeToc(chapter.toc, reprint, this.warnings) : chapter.toc;
    // A renumbered chapter takes the number its reprinted heading gives it.
    return { ...chapter, number: this.draftChapterNumber(chapter), title, toc, sections: insertByNumber(sections, added) };
  }

  /** The chapter's number in the draft: its reprinted heading's, else its own. */
  private draftChapterNumber(chapter: Chapter): string {
    return this.reprints.chapters.find((candidate) => candidate.chapter.base?.number === chapter.number)?.chapter.draft?.number ?? chapter.number;
  }

  /** Moves out of `sections` (in place) the renumbered ones that `outOfOrder` picks; they go to `relocated`. */
  private takeRelocated(chapter: Chapter, sections: Section[], renumbered: ReadonlySet<Section>): void {
    const moved = outOfOrder(sections, (section) => renumbered.has(section), this.draftChapterNumber(chapter));
    for (const section of moved) {
      sections.splice(sections.indexOf(section), 1);
      this.relocated.push({ section, fromChapter: chapter.number });
    }
  }

  private newChapter(reprint: ChapterReprint): Chapter {
    const line = reprint.chapter.draft!;
    const toc = reprint.toc.flatMap((entry) => (entry.kind === "line" && entry.line.draft ? [readHeadingLine(entry.line.draft, false)].filter((item) => item !== null) : []));
    return { id: chapterId(line.number), number: line.number, title: line.title, toc, sections: insertByNumber([], this.newSections(line.number)) };
  }

  /** The wholly underscored sections of a chapter, built new (moved sections keep their history notes). */
  private newSections(chapterNumber: string): Section[] {
    const sections: Section[] = [];
    for (const reprint of this.reprints.sections) {
      const draft = reprint.heading.draft;
      if (reprint.heading.base || !draft || chapterOfSection(draft.number) !== chapterNumber) continue;
      const history = this.historyOfMoveSource(reprint);
      const id = this.ids.fresh(sectionId(draft.number), sectionId(draft.number));
      const section = newSection(reprint, id, this.unit, this.ids, history, this.warnings);
      if (section) sections.push(section);
    }
    return sections;
  }

  /**
   * The history notes a new section inherits when it is a removed base section moved to a new
   * number: the one its "(moved from …)" label names or, without a label (a repeal and a new
   * section, as section grouping prints a move), the removed section whose words it shares as
   * the redline engine would pair them (similarity ≥ 0.6 over at least 80 characters).
   */
  private historyOfMoveSource(reprint: SectionReprint): readonly Block[] {
    const from = reprint.heading.movedWith;
    const candidates = this.removedSections();
    let source = from ? candidates.find((section) => section.number === from) : undefined;
    if (!from) {
      const text = reprint.entries.flatMap((entry) => (entry.kind === "line" && entry.line.draft ? [entry.line.draft] : [])).join(" ");
      const scored = candidates
        .filter((section) => !this.claimed.has(section.number))
        .map((section) => ({ section, score: textSimilarity(text, paragraphText(section)) }))
        .filter(({ section, score }) => score >= MOVE_SIMILARITY && Math.min(text.length, paragraphText(section).length) >= MIN_MOVE_LENGTH)
        .sort((a, b) => b.score - a.score);
      source = scored[0]?.section;
    }
    if (!source) return [];
    this.claimed.add(source.number);
    return source.blocks.filter((block) => block.kind !== "paragraph");
  }

  /** Base sections the ordinance removes: repealed, or reprinted wholly struck. */
  private removedSections(): Section[] {
    return this.base.chapters.flatMap((chapter) => chapter.sections).filter((section) => {
      if (this.repealed.has(section.number) || this.repealedChapters.has(chapterOfSection(section.number))) return true;
      const reprint = this.byBaseNumber.get(section.number);
      return reprint !== undefined && reprint.heading.draft === null;
    });
  }
}

/**
 * Whether a reprint only marks where a section moved out to another chapter: its heading struck
 * and labelled "(moved to …)", nothing else (an omitted-text line may follow). The section's reprint at its new place says what
 * became of it, so the marker gives way to that one and never counts as a second reprint.
 */
function movedAway(reprint: SectionReprint): boolean {
  return reprint.heading.draft === null && reprint.heading.movedWith !== null && reprint.entries.every((entry) => entry.kind === "omitted");
}

const MOVE_SIMILARITY = 0.6;
const MIN_MOVE_LENGTH = 80;

function paragraphText(section: Section): string {
  return section.blocks.flatMap((block) => (block.kind === "paragraph" ? [blockPrefix(block).trim() + " " + block.text] : [])).join(" ").trim();
}

/** The draft an amending ordinance's items describe, applied to `base` (see the module comment). */
export function applyOrdinance(base: OrdinanceDocument, items: readonly OrdinanceItem[]): AppliedOrdinance {
  const reprints = groupReprints(items);
  const applier = new OrdinanceApplier(base, reprints);
  const result = applier.apply();
  // A new section belongs to a base chapter by that chapter's number in the draft (a renumbered chapter's new one).
  const known = new Set(result.draft.chapters.map((chapter) => chapter.number));
  const orphan = reprints.sections.filter((reprint) => !reprint.heading.base && reprint.heading.draft && !known.has(chapterOfSection(reprint.heading.draft.number)) && !reprints.chapters.some((chapter) => !chapter.chapter.base && chapter.chapter.draft?.number === chapterOfSection(reprint.heading.draft!.number)));
  const warnings = [...result.warnings, ...orphan.map((reprint) => warningAt(reprint.heading.source, `new section ${reprint.heading.draft!.number} belongs to no chapter of the base; it was not added`))];
  return { draft: result.draft, warnings };
}
