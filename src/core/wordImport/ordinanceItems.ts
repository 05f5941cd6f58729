/**
 * An amending ordinance read as a list of items: repeal formulas, chapter lines, table-of-
 * contents lines, section headings, Code paragraphs and omitted-text lines — each with its base
 * and draft side. Ordinance furniture (title, recitals, enacting clause, SECTION formulas,
 * effective-date section, signature block, co-sponsors) is skipped.
 *
 * Plan: a small state machine over the paragraphs. Before the first amending SECTION formula
 * and after any other SECTION (the effective date) or the signature block, everything is
 * furniture. Inside an amending SECTION, a chapter line opens a table-of-contents phase in
 * which heading lines are contents entries, until an omitted-text line, a number seen twice or
 * a following Code paragraph shows that the last heading line opened a section.
 */
import type { OrdinanceDocument } from "../model/document";
import { chapterOfSection } from "../numbers";
import {
  afterSectionLabel, formulaKind, isCoSponsorsHeading, isEnactingClause, isOmittedLine, isOrdinanceFurniture,
  readChapterLine, readHeadingLine, withoutMoveLabel, type ChapterLine, type HeadingLine,
} from "./lines";
import type { WordParagraph } from "./readDocx";
import { sideText } from "./sides";

/** Where an item came from: the 1-based index of its Word paragraph, and its text for messages. */
export interface ItemSource {
  readonly paragraph: number;
  readonly text: string;
}

export type OrdinanceItem =
  | { readonly kind: "repeal"; readonly unit: "section" | "chapter"; readonly number: string; readonly source: ItemSource }
  | { readonly kind: "chapter"; readonly base: ChapterLine | null; readonly draft: ChapterLine | null; readonly source: ItemSource }
  | { readonly kind: "toc" | "heading"; readonly base: HeadingLine | null; readonly draft: HeadingLine | null; readonly baseText: string; readonly draftText: string; readonly movedWith: string | null; readonly source: ItemSource }
  | { readonly kind: "paragraph"; readonly base: string; readonly draft: string; readonly indent: number | null; readonly source: ItemSource }
  | { readonly kind: "omitted"; readonly source: ItemSource };

type HeadingItem = Extract<OrdinanceItem, { kind: "toc" | "heading" }>;

interface Sides {
  readonly base: string;
  readonly draft: string;
  readonly source: ItemSource;
  readonly indent: number | null;
}

/** Whether the paragraphs have the marks of an amending ordinance rather than of a chapter. */
export function looksLikeOrdinance(paragraphs: readonly WordParagraph[]): boolean {
  return paragraphs.some((paragraph) => {
    const text = sideText(paragraph, "draft") || sideText(paragraph, "base");
    return isEnactingClause(text) || isOmittedLine(text) || formulaKind(afterSectionLabel(text) ?? text).kind !== "other";
  });
}

function sidesOf(paragraphs: readonly WordParagraph[]): Sides[] {
  return paragraphs.map((paragraph, index) => {
    const base = sideText(paragraph, "base");
    const draft = sideText(paragraph, "draft");
    return { base, draft, indent: paragraph.indent, source: { paragraph: index + 1, text: draft || base } };
  }).filter((sides) => sides.base !== "" || sides.draft !== "");
}

/** Reads a heading item from a line's two sides, or null when it is not a heading line. */
function headingItem(sides: Sides, chapters: ReadonlySet<string>): Omit<HeadingItem, "kind"> | null {
  const base = withoutMoveLabel(sides.base);
  const draft = withoutMoveLabel(sides.draft);
  const read = (text: string, strict: boolean) => (text === "" ? null : readHeadingLine(text, strict));
  const strictFound = read(base.text, true) ?? read(draft.text, true);
  const lenientBase = read(base.text, false);
  const lenientDraft = read(draft.text, false);
  const vouched = [lenientBase, lenientDraft].some((line) => line !== null && chapters.has(chapterOfSection(line.number)));
  if (!strictFound && !vouched) return null;
  if ((base.text !== "" && !lenientBase) || (draft.text !== "" && !lenientDraft)) return null;
  return { base: lenientBase, draft: lenientDraft, baseText: base.text, draftText: draft.text, movedWith: base.movedWith ?? draft.movedWith, source: sides.source };
}

/** The items of an amending ordinance, furniture skipped (see the module comment). */
export function ordinanceItems(paragraphs: readonly WordParagraph[], base: OrdinanceDocument): OrdinanceItem[] {
  const lines = sidesOf(paragraphs);
  const chapters = new Set(base.chapters.map((chapter) => chapter.number));
  const hasFormula = lines.some((line, index) => {
    const rest = afterSectionLabel(line.draft || line.base);
    const next = lines[index + 1];
    const sentence = rest === "" && next ? next.draft || next.base : rest;
    return sentence !== null && formulaKind(sentence).kind !== "other";
  });
  const items: OrdinanceItem[] = [];
  let amending = !hasFormula;
  let phase: "toc" | "body" = "body";
  let tocNumbers = { base: new Set<string>(), draft: new Set<string>() };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.draft || line.base;
    const rest = afterSectionLabel(text);
    if (rest !== null) {
      // The label may stand alone, with the formula in the next paragraph.
      const next = lines[index + 1];
      const nextFormula = rest === "" && next ? formulaKind(next.draft || next.base) : null;
      if (nextFormula && nextFormula.kind !== "other") index++;
      const formula = nextFormula ?? formulaKind(rest);
      if (formula.kind === "repeal") items.push({ kind: "repeal", unit: formula.unit, number: formula.number, source: line.source });
      amending = formula.kind === "amend";
      phase = "body";
      continue;
    }
    if (!amending) continue;
    if (isCoSponsorsHeading(text)) { amending = false; continue; }
    if (isOrdinanceFurniture(text)) continue;
    if (isOmittedLine(text)) { items.push({ kind: "omitted", source: line.source }); phase = "body"; continue; }
    const chapterBase = line.base ? readChapterLine(line.base) : null;
    const chapterDraft = line.draft ? readChapterLine(line.draft) : null;
    if (chapterBase || chapterDraft) {
      items.push({ kind: "chapter", base: chapterBase, draft: chapterDraft, source: line.source });
      for (const chapter of [chapterBase, chapterDraft]) if (chapter) chapters.add(chapter.number);
      phase = "toc";
      tocNumbers = { base: new Set(), draft: new Set() };
      continue;
    }
    const heading = headingItem(line, chapters);
    if (heading) {
      // The contents end at the first heading that repeats a contents line's number on the same
      // side: after a shift, a base number comes back as a draft number (-010 → -012, -012 → -022).
      const repeats = (heading.base !== null && tocNumbers.base.has(heading.base.number)) || (heading.draft !== null && tocNumbers.draft.has(heading.draft.number));
      if (phase === "toc" && !repeats) {
        if (heading.base) tocNumbers.base.add(heading.base.number);
        if (heading.draft) tocNumbers.draft.add(heading.draft.number);
        items.push({ kind: "toc", ...heading });
      } else {
        phase = "body";
        items.push({ kind: "heading", ...heading });
      }
      continue;
    }
    const previous = items[items.length - 1];
    if (phase === "toc" && previous?.kind === "toc") items[items.length - 1] = { ...previous, kind: "heading" };
    phase = "body";
    items.push({ kind: "paragraph", base: line.base, draft: line.draft, indent: line.indent, source: line.source });
  }
  return items;
}
