/**
 * compare(base, draft) → Redline: the legal redline of a draft against its base. Plan:
 * 1. chapters align by number; in each, sections align by number, then by content (renumbered
 *    or moved sections), keeping order (alignSections);
 * 2. each matched pair of pieces is diffed on its own (pieceDiff, cached per section value);
 * 3. local offsets become global ones by walking the pieces of both texts in step.
 * Cost is linear in the number of sections plus the cost of the sections that changed, so
 * re-comparing after an edit that kept untouched sections as the same objects is cheap.
 */
import { chapterHeadPiece, documentPieces, PIECE_SEPARATOR, sectionPiece, serializeDocument, titlePiece } from "../model/canonicalText";
import type { Chapter, OrdinanceDocument, Section } from "../model/document";
import { alignSections } from "./alignSections";
import { diffChapterHeads, diffSections, type LocalChange } from "./pieceDiff";
import { DEFAULT_OPTIONS, type Change, type CompareOptions, type Redline, type ResolvedOptions, type SectionRedline, type SectionStatus } from "./types";
import { diffLine } from "./wordDiff";
import { diffArrays } from "diff";

const resolvedCache = new WeakMap<CompareOptions, ResolvedOptions>();

/** Options with defaults filled in; the same object for the same input, so caches can key on it. */
export function resolveOptions(options?: CompareOptions): ResolvedOptions {
  if (!options) return DEFAULT_OPTIONS;
  let resolved = resolvedCache.get(options);
  if (!resolved) {
    resolved = { ...DEFAULT_OPTIONS, ...options };
    resolvedCache.set(options, resolved);
  }
  return resolved;
}

/** Global start offset of every piece of a document, keyed by the unit it renders. */
function pieceStarts(doc: OrdinanceDocument): Map<object, number> {
  const starts = new Map<object, number>();
  let offset = -PIECE_SEPARATOR.length;
  const units: object[] = [];
  if (doc.title) units.push(doc.title);
  for (const chapter of doc.chapters) units.push(chapter, ...chapter.sections);
  documentPieces(doc).forEach(({ piece }, index) => {
    starts.set(units[index]!, offset);
    offset += piece.text.length;
  });
  return starts;
}

class RedlineBuilder {
  readonly sections: SectionRedline[] = [];
  readonly changes: Change[] = [];
  posA = -PIECE_SEPARATOR.length;
  posB = -PIECE_SEPARATOR.length;

  constructor(
    readonly base: OrdinanceDocument,
    readonly draft: OrdinanceDocument,
    readonly startsA: Map<object, number>,
    readonly startsB: Map<object, number>,
  ) {}

  /** Turns local changes of a piece pair into global changes and records the unit. */
  unit(
    entry: Omit<SectionRedline, "changes" | "status">, status: SectionStatus | null,
    local: readonly LocalChange[], textA: string, textB: string, startA: number, startB: number,
    extra: Partial<Change> = {},
  ): Change[] {
    const label = entry.numberB ?? entry.numberA ?? "";
    const changes = local.map((change, index): Change => ({
      id: `${label}#${index + 1}${extra.move ? `-${extra.move.role}` : ""}`,
      kind: change.fromA === change.toA ? "insert" : change.fromB === change.toB ? "delete" : "replace",
      part: change.part,
      section: label,
      fromA: Math.max(0, startA + change.fromA),
      toA: Math.max(0, startA + change.toA),
      fromB: Math.max(0, startB + change.fromB),
      toB: Math.max(0, startB + change.toB),
      deleted: textA.slice(Math.max(change.fromA, -startA), change.toA),
      inserted: textB.slice(Math.max(change.fromB, -startB), change.toB),
      precise: change.precise,
      ...(change.blockIdA ? { blockIdA: change.blockIdA } : {}),
      ...(change.blockIdB ? { blockIdB: change.blockIdB } : {}),
      ...extra,
    }));
    this.sections.push({ ...entry, status: status ?? (changes.length > 0 ? "changed" : "unchanged"), changes });
    this.changes.push(...changes);
    return changes;
  }
}

/**
 * The redline of `draft` against `base`. Deterministic: the same inputs give the same redline.
 * Never throws for well-formed documents; cost bounds turn expensive paragraphs into whole,
 * imprecise replacements rather than hanging.
 */
export function compare(base: OrdinanceDocument, draft: OrdinanceDocument, options?: CompareOptions): Redline {
  const resolved = resolveOptions(options);
  const builder = new RedlineBuilder(base, draft, pieceStarts(base), pieceStarts(draft));
  compareTitles(builder, resolved);
  const steps = diffArrays(base.chapters.map((c) => c.number), draft.chapters.map((c) => c.number));
  let indexA = 0;
  let indexB = 0;
  for (const part of steps) {
    for (let k = 0; k < part.value.length; k++) {
      if (part.removed) wholeChapter(builder, base.chapters[indexA++]!, "A");
      else if (part.added) wholeChapter(builder, draft.chapters[indexB++]!, "B");
      else compareChapters(builder, base.chapters[indexA++]!, draft.chapters[indexB++]!, resolved);
    }
  }
  return lazyRedline(base, draft, builder.sections, builder.changes);
}

function lazyRedline(base: OrdinanceDocument, draft: OrdinanceDocument, sections: SectionRedline[], changes: Change[]): Redline {
  let baseText: string | undefined;
  let draftText: string | undefined;
  return Object.freeze({
    sections,
    changes,
    get baseText() { return (baseText ??= serializeDocument(base)); },
    get draftText() { return (draftText ??= serializeDocument(draft)); },
  });
}

function compareTitles(builder: RedlineBuilder, options: ResolvedOptions): void {
  const { base, draft } = builder;
  if (!base.title && !draft.title) return;
  const pieceA = base.title ? titlePiece(base.title) : { text: "", lines: [] };
  const pieceB = draft.title ? titlePiece(draft.title) : { text: "", lines: [] };
  const lineA = pieceA.lines[0];
  const lineB = pieceB.lines[0];
  const local: LocalChange[] = lineA && lineB
    ? diffLine(pieceA.text.slice(lineA.textFrom), pieceB.text.slice(lineB.textFrom), options).map((edit) => ({
      part: "title", precise: edit.precise,
      fromA: lineA.textFrom + edit.fromA, toA: lineA.textFrom + edit.toA, fromB: lineB.textFrom + edit.fromB, toB: lineB.textFrom + edit.toB,
    }))
    : [{ part: "title", fromA: 0, toA: pieceA.text.length, fromB: 0, toB: pieceB.text.length, precise: true }];
  const number = `TITLE ${(draft.title ?? base.title)!.number}`;
  builder.unit({ unit: "title", numberA: base.title ? number : null, numberB: draft.title ? number : null, catchlineA: base.title?.name ?? null, catchlineB: draft.title?.name ?? null }, null, local, pieceA.text, pieceB.text, builder.posA, builder.posB);
  builder.posA += pieceA.text.length;
  builder.posB += pieceB.text.length;
}

/** A chapter present on one side only: its head and every section, whole. */
function wholeChapter(builder: RedlineBuilder, chapter: Chapter, side: "A" | "B"): void {
  const pieces = [{ unit: chapter as object, piece: chapterHeadPiece(chapter), number: `CHAPTER ${chapter.number}`, catchline: chapter.title },
    ...chapter.sections.map((section) => ({ unit: section as object, piece: sectionPiece(section), number: section.number, catchline: section.catchline }))];
  for (const { piece, number, catchline } of pieces) {
    const length = piece.text.length;
    const local: LocalChange = side === "A"
      ? { part: "section", fromA: 0, toA: length, fromB: 0, toB: 0, precise: true }
      : { part: "section", fromA: 0, toA: 0, fromB: 0, toB: length, precise: true };
    const entry = side === "A"
      ? { unit: "section" as const, numberA: number, numberB: null, catchlineA: catchline, catchlineB: null }
      : { unit: "section" as const, numberA: null, numberB: number, catchlineA: null, catchlineB: catchline };
    builder.unit(entry, side === "A" ? "deleted" : "inserted", [local], side === "A" ? piece.text : "", side === "B" ? piece.text : "", builder.posA, builder.posB);
    if (side === "A") builder.posA += length; else builder.posB += length;
  }
}

function compareChapters(builder: RedlineBuilder, chapterA: Chapter, chapterB: Chapter, options: ResolvedOptions): void {
  const headA = chapterHeadPiece(chapterA);
  const headB = chapterHeadPiece(chapterB);
  builder.unit(
    { unit: "chapter", numberA: `CHAPTER ${chapterA.number}`, numberB: `CHAPTER ${chapterB.number}`, catchlineA: chapterA.title, catchlineB: chapterB.title },
    null, diffChapterHeads(chapterA, chapterB, options), headA.text, headB.text, builder.posA, builder.posB,
  );
  builder.posA += headA.text.length;
  builder.posB += headB.text.length;
  for (const step of alignSections(chapterA.sections, chapterB.sections, options)) {
    if (step.kind === "pair") pairedSection(builder, chapterA.sections[step.a]!, chapterB.sections[step.b]!, options);
    else if (step.kind === "delete") removedSection(builder, chapterA.sections[step.a]!, step.moveTo === undefined ? undefined : chapterB.sections[step.moveTo]);
    else addedSection(builder, chapterB.sections[step.b]!, step.moveFrom === undefined ? undefined : chapterA.sections[step.moveFrom], options);
  }
}

function entryOf(a: Section | undefined, b: Section | undefined) {
  return { unit: "section" as const, numberA: a?.number ?? null, numberB: b?.number ?? null, catchlineA: a?.catchline ?? null, catchlineB: b?.catchline ?? null };
}

function pairedSection(builder: RedlineBuilder, a: Section, b: Section, options: ResolvedOptions): void {
  const pieceA = sectionPiece(a);
  const pieceB = sectionPiece(b);
  const status = a.number !== b.number ? "renumbered" : null;
  builder.unit(entryOf(a, b), status, diffSections(a, b, options), pieceA.text, pieceB.text, builder.posA, builder.posB);
  builder.posA += pieceA.text.length;
  builder.posB += pieceB.text.length;
}

function removedSection(builder: RedlineBuilder, a: Section, movedTo: Section | undefined): void {
  const piece = sectionPiece(a);
  const local: LocalChange = { part: "section", fromA: 0, toA: piece.text.length, fromB: 0, toB: 0, precise: true };
  const extra: Partial<Change> = movedTo
    ? { kind: "move", move: { role: "source", otherSection: movedTo.number, pairId: `move:${a.number}>${movedTo.number}` } }
    : {};
  builder.unit(entryOf(a, undefined), movedTo ? "moved" : "deleted", [local], piece.text, "", builder.posA, builder.posB, extra);
  builder.posA += piece.text.length;
}

function addedSection(builder: RedlineBuilder, b: Section, movedFrom: Section | undefined, options: ResolvedOptions): void {
  const piece = sectionPiece(b);
  const local: LocalChange = { part: "section", fromA: 0, toA: 0, fromB: 0, toB: piece.text.length, precise: true };
  if (!movedFrom) {
    builder.unit(entryOf(undefined, b), "inserted", [local], "", piece.text, builder.posA, builder.posB);
    builder.posB += piece.text.length;
    return;
  }
  const pairId = `move:${movedFrom.number}>${b.number}`;
  const [destination] = builder.unit(entryOf(movedFrom, b), "moved", [local], "", piece.text, builder.posA, builder.posB,
    { kind: "move", move: { role: "destination", otherSection: movedFrom.number, pairId } });
  // The edits inside the moved section, for display: A offsets at its source, B at its destination.
  const startA = builder.startsA.get(movedFrom)!;
  const inner = diffSections(movedFrom, b, options);
  const pieceA = sectionPiece(movedFrom);
  const withinMove = builder.unit(entryOf(movedFrom, b), "moved", inner, pieceA.text, piece.text, startA, builder.posB, { withinMove: destination!.id });
  builder.sections.pop();
  const last = builder.sections[builder.sections.length - 1]!;
  builder.sections[builder.sections.length - 1] = { ...last, changes: [...last.changes, ...withinMove] };
  builder.posB += piece.text.length;
}
