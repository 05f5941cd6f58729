/**
 * compare(base, draft) → Redline, and updateRedline(previous, draft) for the next keystroke.
 * Plan:
 * 1. a plan aligns chapters by number and, in each, sections by number, then by content
 *    (renumbered or moved sections), keeping order (alignSections);
 * 2. the plan is walked in step over both texts: sections whose text is unchanged cost a
 *    length lookup; changed pairs are diffed on their own (pieceDiff, cached per section value);
 * 3. each section entry keeps its local changes and piece starts, and turns them into global
 *    changes only when asked, so an update that shifts offsets costs one small object per section.
 * updateRedline reuses the previous plan when the draft still has the same sections in the same
 * places (typing never changes that), so one keystroke re-diffs only the section it touched.
 */
import { diffArrays } from "diff";
import { chapterHeadPiece, PIECE_SEPARATOR, sameSectionText, sectionPiece, sectionPieceLength, serializeDocument, titlePiece } from "../model/canonicalText";
import type { Chapter, OrdinanceDocument, Section } from "../model/document";
import { alignSections, type SectionStep } from "./alignSections";
import { diffChapterHeads, diffSections, type LocalChange } from "./pieceDiff";
import { SectionEntry, type ChangeGroup, type SectionEntryInit, type TextSource } from "./sectionEntry";
import { DEFAULT_OPTIONS, type Change, type CompareOptions, type Redline, type ResolvedOptions, type SectionRedline, type SectionStatus } from "./types";
import { diffLine } from "./wordDiff";

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

type PlanStep =
  | { readonly kind: "chapter-pair"; readonly a: number; readonly b: number; readonly sections: readonly SectionStep[] }
  | { readonly kind: "chapter-whole"; readonly side: "A" | "B"; readonly index: number };

interface Plan {
  readonly steps: readonly PlanStep[];
}

/** What one unit of the walk produced, kept so the next update can reuse it. */
interface Slot {
  readonly keyA: unknown;
  readonly keyB: unknown;
  readonly tag: string;
  readonly entry: SectionEntry;
  readonly startA: number;
  readonly startB: number;
  readonly lengthA: number;
  readonly lengthB: number;
}

const NO_CHANGES: readonly LocalChange[] = [];
const NO_EXTRA: Partial<Change> = {};

/** The redline value: sections eager (cheap), global changes and texts computed on first use. */
class RedlineValue implements Redline {
  private changeList: readonly Change[] | undefined;
  private baseTextValue: string | undefined;
  private draftTextValue: string | undefined;

  constructor(
    readonly base: OrdinanceDocument,
    readonly draft: OrdinanceDocument,
    readonly options: ResolvedOptions,
    readonly plan: Plan,
    readonly sections: readonly SectionRedline[],
    readonly slots: readonly Slot[],
  ) {}

  get changes(): readonly Change[] {
    return (this.changeList ??= this.sections.flatMap((section) => section.changes));
  }

  get baseText(): string {
    return (this.baseTextValue ??= serializeDocument(this.base));
  }

  get draftText(): string {
    return (this.draftTextValue ??= serializeDocument(this.draft));
  }
}

/**
 * The redline of `draft` against `base`. Deterministic: the same inputs give the same redline.
 * Never throws for well-formed documents; cost bounds turn expensive paragraphs into whole,
 * imprecise replacements rather than hanging.
 */
export function compare(base: OrdinanceDocument, draft: OrdinanceDocument, options?: CompareOptions): Redline {
  const resolved = resolveOptions(options);
  return build(base, draft, resolved, makePlan(base, draft, resolved));
}

/**
 * The redline of a new version of the previous redline's draft against the same base. Equal
 * to `compare(base, draft)`, but when the draft keeps its sections in place (an edit inside
 * sections), the previous alignment is reused and only sections that are new objects are
 * re-diffed.
 */
export function updateRedline(previous: Redline, draft: OrdinanceDocument): Redline {
  if (!(previous instanceof RedlineValue)) throw new TypeError("updateRedline needs a redline made by compare");
  const { base, options } = previous;
  if (!sameLayout(previous.draft, draft)) return build(base, draft, options, makePlan(base, draft, options));
  return build(base, draft, options, previous.plan, previous.slots);
}

/** Whether two drafts have the same chapters and section numbers in the same places. */
function sameLayout(a: OrdinanceDocument, b: OrdinanceDocument): boolean {
  if (a === b) return true;
  if (Boolean(a.title) !== Boolean(b.title) || a.chapters.length !== b.chapters.length) return false;
  return a.chapters.every((chapter, index) => {
    const other = b.chapters[index]!;
    if (chapter.number !== other.number || chapter.sections.length !== other.sections.length) return false;
    return chapter.sections.every((section, k) => section === other.sections[k] || section.number === other.sections[k]!.number);
  });
}

function makePlan(base: OrdinanceDocument, draft: OrdinanceDocument, options: ResolvedOptions): Plan {
  const steps: PlanStep[] = [];
  const parts = diffArrays(base.chapters.map((c) => c.number), draft.chapters.map((c) => c.number));
  let a = 0;
  let b = 0;
  for (const part of parts) {
    for (let k = 0; k < part.value.length; k++) {
      if (part.removed) steps.push({ kind: "chapter-whole", side: "A", index: a++ });
      else if (part.added) steps.push({ kind: "chapter-whole", side: "B", index: b++ });
      else {
        steps.push({ kind: "chapter-pair", a, b, sections: alignSections(base.chapters[a]!.sections, draft.chapters[b]!.sections, options) });
        a++;
        b++;
      }
    }
  }
  return { steps };
}

const baseStarts = new WeakMap<OrdinanceDocument, Map<Section, number>>();

/**
 * Walks the plan over both documents, tracking where each piece starts in each text. Each unit
 * is a slot; given the previous walk's slots, a unit whose inputs are the same objects is
 * reused (shifted when text before it changed length) instead of recomputed.
 */
class Walker {
  readonly sections: SectionRedline[] = [];
  readonly slots: Slot[] = [];
  posA = -PIECE_SEPARATOR.length;
  posB = -PIECE_SEPARATOR.length;
  private keyA: unknown = null;
  private keyB: unknown = null;
  private tag = "";

  constructor(
    readonly base: OrdinanceDocument, readonly draft: OrdinanceDocument, readonly options: ResolvedOptions,
    private readonly previous: readonly Slot[] | undefined,
  ) {}

  /** Starts a unit keyed by its inputs; true when the previous walk's result was reused. */
  reuse(keyA: unknown, keyB: unknown, tag = ""): boolean {
    this.keyA = keyA;
    this.keyB = keyB;
    this.tag = tag;
    const slot = this.previous?.[this.slots.length];
    if (!slot || slot.keyA !== keyA || slot.keyB !== keyB || slot.tag !== tag) return false;
    const entry = slot.entry.shifted(this.posA - slot.startA, this.posB - slot.startB);
    this.record(entry, slot.lengthA, slot.lengthB);
    return true;
  }

  add(entry: Omit<SectionEntryInit, "groups" | "pieceStartA" | "pieceStartB">, groups: ChangeGroup[], lengthA: number, lengthB: number): SectionEntry {
    let status = entry.status;
    if (status === null) status = groups.some((group) => group.local.length > 0) ? "changed" : "unchanged";
    const section = new SectionEntry({
      unit: entry.unit, status, numberA: entry.numberA, numberB: entry.numberB, catchlineA: entry.catchlineA, catchlineB: entry.catchlineB,
      groups, pieceStartA: this.posA, pieceStartB: this.posB,
    });
    this.record(section, lengthA, lengthB);
    return section;
  }

  private record(entry: SectionEntry, lengthA: number, lengthB: number): void {
    this.sections.push(entry);
    this.slots.push({ keyA: this.keyA, keyB: this.keyB, tag: this.tag, entry, startA: this.posA, startB: this.posB, lengthA, lengthB });
    this.posA += lengthA;
    this.posB += lengthB;
  }

  group(local: readonly LocalChange[], textA: TextSource, textB: TextSource, extra: Partial<Change> = NO_EXTRA, startA = this.posA): ChangeGroup {
    return { local, textA, textB, startA, startB: this.posB, extra };
  }

  /** Global start of a base section's piece (for the source end of a move). */
  startOfBaseSection(section: Section): number {
    let starts = baseStarts.get(this.base);
    if (!starts) {
      starts = new Map();
      let offset = -PIECE_SEPARATOR.length + (this.base.title ? titlePiece(this.base.title).text.length : 0);
      for (const chapter of this.base.chapters) {
        offset += chapterHeadPiece(chapter).text.length;
        for (const each of chapter.sections) { starts.set(each, offset); offset += sectionPieceLength(each); }
      }
      baseStarts.set(this.base, starts);
    }
    return starts.get(section)!;
  }
}

function build(base: OrdinanceDocument, draft: OrdinanceDocument, options: ResolvedOptions, plan: Plan, previous?: readonly Slot[]): RedlineValue {
  const walker = new Walker(base, draft, options, previous);
  walkTitles(walker);
  for (const step of plan.steps) {
    if (step.kind === "chapter-whole") {
      wholeChapter(walker, (step.side === "A" ? base : draft).chapters[step.index]!, step.side);
      continue;
    }
    const chapterA = base.chapters[step.a]!;
    const chapterB = draft.chapters[step.b]!;
    const headTag = `${chapterA.number}\u0000${chapterA.title}\u0000${chapterB.number}\u0000${chapterB.title}`;
    if (!walker.reuse(chapterA.toc, chapterB.toc, headTag)) walkChapterHead(walker, chapterA, chapterB);
    for (const sectionStep of step.sections) {
      const a = sectionStep.kind === "insert" ? undefined : chapterA.sections[sectionStep.a]!;
      const b = sectionStep.kind === "delete" ? undefined : chapterB.sections[sectionStep.b]!;
      const movedTo = sectionStep.kind === "delete" && sectionStep.moveTo !== undefined ? chapterB.sections[sectionStep.moveTo] : undefined;
      const movedFrom = sectionStep.kind === "insert" && sectionStep.moveFrom !== undefined ? chapterA.sections[sectionStep.moveFrom] : undefined;
      if (walker.reuse(a ?? movedFrom, b ?? movedTo)) continue;
      if (a && b) pairedSection(walker, a, b);
      else if (a) removedSection(walker, a, movedTo);
      else addedSection(walker, b!, movedFrom);
    }
  }
  return new RedlineValue(base, draft, options, plan, walker.sections, walker.slots);
}

function walkTitles(walker: Walker): void {
  const { base, draft, options } = walker;
  if (!base.title && !draft.title) return;
  if (walker.reuse(base.title, draft.title)) return;
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
  walker.add(
    { unit: "title", status: null, numberA: base.title ? number : null, numberB: draft.title ? number : null, catchlineA: base.title?.name ?? null, catchlineB: draft.title?.name ?? null },
    [walker.group(local, pieceA.text, pieceB.text)], pieceA.text.length, pieceB.text.length,
  );
}

const headResults = new WeakMap<object, WeakMap<object, { a: Chapter; b: Chapter; changes: LocalChange[] }>>();

/** The chapter-head diff, reused while both contents lists and headings are unchanged. */
function chapterHeadChanges(a: Chapter, b: Chapter, options: ResolvedOptions): LocalChange[] {
  const cached = headResults.get(a.toc)?.get(b.toc);
  if (cached && cached.a.number === a.number && cached.a.title === a.title && cached.b.number === b.number && cached.b.title === b.title) return cached.changes;
  const changes = diffChapterHeads(a, b, options);
  let byB = headResults.get(a.toc);
  if (!byB) { byB = new WeakMap(); headResults.set(a.toc, byB); }
  byB.set(b.toc, { a, b, changes });
  return changes;
}

function walkChapterHead(walker: Walker, a: Chapter, b: Chapter): void {
  const headA = chapterHeadPiece(a);
  const headB = chapterHeadPiece(b);
  walker.add(
    { unit: "chapter", status: null, numberA: `CHAPTER ${a.number}`, numberB: `CHAPTER ${b.number}`, catchlineA: a.title, catchlineB: b.title },
    [walker.group(chapterHeadChanges(a, b, walker.options), headA.text, headB.text)], headA.text.length, headB.text.length,
  );
}

/**
 * A chapter present on one side only: its head and every section, whole. Each is its own
 * unit with its own reuse key (the head by its contents list and heading, a section by its
 * object), so a later update reuses each one alone.
 */
function wholeChapter(walker: Walker, chapter: Chapter, side: "A" | "B"): void {
  const inA = side === "A";
  const unit = (key: unknown, tag: string, text: TextSource, length: number, init: { unit: "chapter" | "section"; number: string; catchline: string }) => {
    if (inA ? walker.reuse(key, null, tag) : walker.reuse(null, key, tag)) return;
    const local: LocalChange = { part: "section", fromA: 0, toA: inA ? length : 0, fromB: 0, toB: inA ? 0 : length, precise: true };
    walker.add(
      {
        unit: init.unit, status: inA ? "deleted" : "inserted",
        numberA: inA ? init.number : null, numberB: inA ? null : init.number, catchlineA: inA ? init.catchline : null, catchlineB: inA ? null : init.catchline,
      },
      [walker.group([local], inA ? text : "", inA ? "" : text)], inA ? length : 0, inA ? 0 : length,
    );
  };
  const head = chapterHeadPiece(chapter);
  unit(chapter.toc, `whole-head\u0000${chapter.number}\u0000${chapter.title}`, head.text, head.text.length, { unit: "chapter", number: `CHAPTER ${chapter.number}`, catchline: chapter.title });
  for (const section of chapter.sections) {
    unit(section, "whole", section, sectionPieceLength(section), { unit: "section", number: section.number, catchline: section.catchline });
  }
}

function entryOf(a: Section | undefined, b: Section | undefined, status: SectionStatus | null) {
  return { unit: "section" as const, status, numberA: a?.number ?? null, numberB: b?.number ?? null, catchlineA: a?.catchline ?? null, catchlineB: b?.catchline ?? null };
}

function pairedSection(walker: Walker, a: Section, b: Section): void {
  const lengthA = sectionPieceLength(a);
  const lengthB = sectionPieceLength(b);
  const local = sameSectionText(a, b) ? NO_CHANGES : diffSections(a, b, walker.options);
  const status = a.number !== b.number ? "renumbered" : null;
  walker.add(entryOf(a, b, status), [walker.group(local, a, b)], lengthA, lengthB);
}

function removedSection(walker: Walker, a: Section, movedTo: Section | undefined): void {
  const length = sectionPieceLength(a);
  const local: LocalChange = { part: "section", fromA: 0, toA: length, fromB: 0, toB: 0, precise: true };
  const extra: Partial<Change> = movedTo
    ? { kind: "move", move: { role: "source", otherSection: movedTo.number, pairId: `move:${a.number}>${movedTo.number}` } }
    : {};
  walker.add(entryOf(a, undefined, movedTo ? "moved" : "deleted"), [walker.group([local], a, "", extra)], length, 0);
}

function addedSection(walker: Walker, b: Section, movedFrom: Section | undefined): void {
  const length = sectionPieceLength(b);
  const local: LocalChange = { part: "section", fromA: 0, toA: 0, fromB: 0, toB: length, precise: true };
  if (!movedFrom) {
    walker.add(entryOf(undefined, b, "inserted"), [walker.group([local], "", b)], 0, length);
    return;
  }
  const pairId = `move:${movedFrom.number}>${b.number}`;
  const destination = walker.group([local], "", b, { kind: "move", move: { role: "destination", otherSection: movedFrom.number, pairId } });
  // The edits inside the moved section, for display: A offsets at its source, B at its destination.
  const inner = sameSectionText(movedFrom, b) ? NO_CHANGES : diffSections(movedFrom, b, walker.options);
  const within = walker.group(inner, movedFrom, b, { withinMove: SectionEntry.changeId(b.number, 0, "destination") }, walker.startOfBaseSection(movedFrom));
  walker.add(entryOf(movedFrom, b, "moved"), [destination, within], 0, length);
}
