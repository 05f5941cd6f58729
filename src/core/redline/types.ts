/**
 * The values the redline engine produces. Offsets `fromA/toA` are in the base's canonical
 * text, `fromB/toB` in the draft's (see model/canonicalText). Applying every top-level change
 * (those without `withinMove`) to the base text — replacing base[fromA, toA) by
 * draft[fromB, toB) — gives the draft text, except where two texts differ only in spacing or
 * in quote and dash shapes, which the engine treats as equal.
 */

export type ChangeKind = "insert" | "delete" | "replace" | "move";

/** Which part of the text a change touches. */
export type ChangePart = "title" | "chapter" | "toc" | "number" | "catchline" | "enumerator" | "text" | "history" | "section";

export interface Change {
  /** Unique within one redline; stable for the same base and draft. */
  readonly id: string;
  readonly kind: ChangeKind;
  readonly part: ChangePart;
  /** The section the change belongs to: its draft number, or base number for a deletion. */
  readonly section: string;
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  /** Exactly base[fromA, toA). For whole lines it includes the separating newlines. */
  readonly deleted: string;
  /** Exactly draft[fromB, toB). */
  readonly inserted: string;
  /** False where a cost bound forced a coarser result than the word diff would give. */
  readonly precise: boolean;
  /** Id of the paragraph in the base / draft, when the change lies in one. */
  readonly blockIdA?: string;
  readonly blockIdB?: string;
  /**
   * Set on the seam of a paragraph the draft splits in two ("split": the draft's line break,
   * next indentation and enumerator for the base's space) or of two it joins ("join"): shown
   * as a pilcrow at the seam, underscored or struck, not as paragraphs deleted and inserted.
   */
  readonly seam?: "split" | "join";
  /** For a moved section: which end this is and the section number at the other end. */
  readonly move?: { readonly role: "source" | "destination"; readonly otherSection: string; readonly pairId: string };
  /** Set on edits inside a moved section: the id of the move destination they belong to. */
  readonly withinMove?: string;
}

export type SectionStatus = "unchanged" | "changed" | "inserted" | "deleted" | "renumbered" | "moved";

/** A section in the redline, in draft order (deleted sections at their base place). */
export interface SectionRedline {
  /** What the entry stands for: the title heading, a chapter's head and contents, or a section. */
  readonly unit: "title" | "chapter" | "section";
  readonly status: SectionStatus;
  /** Base number, or null for an inserted section. */
  readonly numberA: string | null;
  /** Draft number, or null for a deleted section. */
  readonly numberB: string | null;
  readonly catchlineA: string | null;
  readonly catchlineB: string | null;
  /** Where this unit's piece (its leading blank line included) starts in the base text; may be -2 for the first. */
  readonly startA: number;
  /** Where this unit's piece starts in the draft text; may be -2 for the first. */
  readonly startB: number;
  readonly changes: readonly Change[];
}

export interface Redline {
  /** The base's canonical text (computed on first access). */
  readonly baseText: string;
  /** The draft's canonical text (computed on first access). */
  readonly draftText: string;
  /** Sections in reading order, with their changes; the chapter head and contents come first. */
  readonly sections: readonly SectionRedline[];
  /** Every change in document order. */
  readonly changes: readonly Change[];
  /** How many entries `sections` has, without building the list. */
  readonly sectionCount: number;
  /** `sections[index]` without building the whole list (cost independent of the document's size). */
  section(index: number): SectionRedline;
  /** Identifies this redline value among those made in this process (increasing). */
  readonly version: number;
  /**
   * Which entries may differ from those of the earlier redline with version `version`, when
   * this one was made from it by a chain of `updateRedline` calls that kept every entry in its
   * place: indices into `sections`, ascending. Every other entry has the same status, numbers,
   * catchlines and changes (ids, kinds, texts) as there, only its offsets shifted. Null when
   * that is not known (another lineage, a change of layout, or too long a chain): rebuild.
   * Lets a consumer refresh just the touched entries.
   */
  touchedSince(version: number): readonly number[] | null;
}

export interface CompareOptions {
  /**
   * A paragraph is shown as one replacement (struck whole, underscored whole) when more than
   * this share (0–1) of its words is struck and more than this share of its new words is
   * underscored; punctuation does not count. 1 never shows a paragraph whole.
   */
  readonly rewriteThreshold?: number;
  /** Treat curly and straight quotes, and hyphen and dash variants, as equal. */
  readonly foldTypography?: boolean;
  /**
   * Most token edits the exact word diff may search in one stretch of a paragraph that has no
   * anchors (runs of words found once on each side); past it the stretch is compared by
   * sentences and marked imprecise. Paragraphs of any length are word-diffed.
   */
  readonly maxEditLength?: number;
  /** Sections shorter than this many characters of text are matched by content only to the one section with the same text. */
  readonly minMoveLength?: number;
  /** Similarity (0–1) above which an unmatched section pair is the same section renumbered or moved. */
  readonly sectionSimilarity?: number;
  /** Similarity (0–1) above which two paragraphs are the same paragraph edited. */
  readonly paragraphSimilarity?: number;
}

export type ResolvedOptions = Required<CompareOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  rewriteThreshold: 0.5,
  foldTypography: true,
  maxEditLength: 2000,
  minMoveLength: 80,
  sectionSimilarity: 0.6,
  paragraphSimilarity: 0.4,
};
