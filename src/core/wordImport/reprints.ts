/**
 * Ordinance items grouped into what they reprint: chapters (heading line and contents) and
 * sections (heading line and paragraphs with omitted-text lines), plus repeals. Also the
 * warnings type shared by the Word import and the ids given to new paragraphs.
 */
import type { OrdinanceItem } from "./ordinanceItems";
import type { ReprintEntry, ReprintedLine } from "./mergeSequence";
import type { ItemSource } from "./ordinanceItems";

/** Something the Word import could not use or had to guess, with the Word paragraph it concerns. */
export interface WordImportWarning {
  /** 1-based index of the Word paragraph, or 0 when the warning concerns the file as a whole. */
  readonly paragraph: number;
  readonly text: string;
  readonly reason: string;
}

export type HeadingItem = Extract<OrdinanceItem, { kind: "toc" | "heading" }>;
export type ChapterItem = Extract<OrdinanceItem, { kind: "chapter" }>;
export type RepealItem = Extract<OrdinanceItem, { kind: "repeal" }>;

/** A reprinted Code paragraph: its sides, indentation and source. */
export interface ParagraphLine extends ReprintedLine {
  readonly indent: number | null;
  readonly source: ItemSource;
}

/** A reprinted contents line. */
export interface TocLine extends ReprintedLine {
  readonly source: ItemSource;
}

export interface SectionReprint {
  readonly heading: HeadingItem;
  readonly entries: ReprintEntry<ParagraphLine>[];
}

export interface ChapterReprint {
  readonly chapter: ChapterItem;
  readonly toc: ReprintEntry<TocLine>[];
}

export interface Reprints {
  readonly chapters: readonly ChapterReprint[];
  readonly sections: readonly SectionReprint[];
  readonly repeals: readonly RepealItem[];
  readonly warnings: readonly WordImportWarning[];
}

export function warningAt(source: ItemSource, reason: string): WordImportWarning {
  return { paragraph: source.paragraph, text: source.text.length > 80 ? `${source.text.slice(0, 77)}...` : source.text, reason };
}

/** Groups items: paragraphs and omitted lines belong to the section heading before them. */
export function groupReprints(items: readonly OrdinanceItem[]): Reprints {
  const chapters: ChapterReprint[] = [];
  const sections: SectionReprint[] = [];
  const repeals: RepealItem[] = [];
  const warnings: WordImportWarning[] = [];
  let chapter: ChapterReprint | null = null;
  let section: SectionReprint | null = null;
  for (const item of items) {
    switch (item.kind) {
      case "repeal": repeals.push(item); chapter = null; section = null; break;
      case "chapter": chapter = { chapter: item, toc: [] }; chapters.push(chapter); section = null; break;
      case "toc":
        if (chapter && !section) chapter.toc.push({ kind: "line", line: { base: item.baseText, draft: item.draftText, source: item.source } });
        else warnings.push(warningAt(item.source, "a contents line outside a chapter's table of contents was ignored"));
        break;
      case "heading": section = { heading: item, entries: [] }; sections.push(section); break;
      case "omitted":
        if (section) section.entries.push({ kind: "omitted" });
        else if (chapter && chapter.toc.length === 0) chapter.toc.push({ kind: "omitted" });
        break;
      case "paragraph":
        if (section) section.entries.push({ kind: "line", line: { base: item.base, draft: item.draft, indent: item.indent, source: item.source } });
        else warnings.push(warningAt(item.source, "text outside any reprinted section was ignored"));
        break;
    }
  }
  return { chapters, sections, repeals, warnings };
}

/** Hands out block ids not used anywhere in the whole text. */
export class IdSource {
  private readonly used: Set<string>;
  private counter = 0;

  constructor(used: Iterable<string>) {
    this.used = new Set(used);
  }

  /** `preferred` when free, else `${prefix}-w<n>` with the smallest free n. */
  fresh(prefix: string, preferred?: string): string {
    if (preferred !== undefined && !this.used.has(preferred)) { this.used.add(preferred); return preferred; }
    let id: string;
    do id = `${prefix}-w${++this.counter}`; while (this.used.has(id));
    this.used.add(id);
    return id;
  }
}
