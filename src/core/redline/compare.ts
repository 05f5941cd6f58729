/**
 * compare(base, draft) → Redline, and updateRedline(previous, draft) for the next keystroke.
 * Plan:
 * 1. a plan (plan.ts) aligns chapters by number, then renumbered ones by content, and in each
 *    pair the sections: a same-numbered section nearly unchanged first, the rest by content
 *    (renumbered or moved sections), keeping order (alignSections); sections left unpaired
 *    are then matched across chapters (crossChapterMoves);
 * 2. the plan is walked in step over both texts: sections whose text is unchanged cost a
 *    length lookup; changed pairs are diffed on their own (pieceDiff, cached per section value);
 * 3. each unit (title, chapter head, section) is a record in a UnitTable: its entry holds local
 *    changes (offsets within its pieces) and turns them into global changes only when asked;
 *    global starts are prefix sums over blocks of units, summed lazily (unitTable.ts).
 * updateRedline reuses the previous plan when the draft still has the same sections in the same
 * places (typing never changes that): an identity pass over the sections names the units whose
 * inputs are new objects (planUnits.ts), only those are recomputed, and the new table shares
 * every other record with the previous one — nothing after an edit is rebuilt or shifted. An
 * edit that changes how sections pair (planForUpdate) rebuilds the redline with the new plan;
 * one that only re-decides the same pairs keeps every unit.
 */
import { chapterHeadPiece, PIECE_SEPARATOR, sameSectionText, sectionPiece, sectionPieceLength, serializeDocument, titlePiece } from "../model/canonicalText";
import { sameChapterNotes, type Chapter, type OrdinanceDocument, type Section } from "../model/document";
import { makePlan, planForUpdate, samePairing, type Plan } from "./plan";
import { diffChapterHeads, diffSections, type LocalChange } from "./pieceDiff";
import { SectionEntry, type ChangeGroup, type SectionEntryInit, type TextSource } from "./sectionEntry";
import { DEFAULT_OPTIONS, type Change, type CompareOptions, type Redline, type ResolvedOptions, type SectionRedline, type SectionStatus } from "./types";
import { changedUnits, planUnits, planUnitsCarried, type UnitStep } from "./planUnits";
import { UnitTable, type UnitRecord } from "./unitTable";
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

const NO_CHANGES: readonly LocalChange[] = [];
const NO_EXTRA: Partial<Change> = {};

let versions = 0;

/** One updateRedline step: the units it recomputed since version `since`, and the steps before it. */
interface UpdateStep {
  readonly since: number;
  readonly units: readonly number[];
  readonly older: UpdateStep | null;
  readonly depth: number;
}

/**
 * At most how many update steps a redline remembers for touchedSince: once a chain of updates is
 * this long the next update starts a new one, so a consumer further behind than the steps since
 * then rebuilds (touchedSince answers null; never a wrong answer).
 */
const MAX_HISTORY = 64;

/** The ascending union of sorted index lists. */
function mergeUnits(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 1) return lists[0]!.slice();
  const all = lists.flat().sort((x, y) => x - y);
  return all.filter((unit, k) => k === 0 || all[k - 1] !== unit);
}

/**
 * The redline value. Its units live in a UnitTable (local entries, lazily summed starts); a
 * unit's entry with global offsets is made on first access, the whole section list and the
 * global changes only when asked for, and the texts on first use.
 */
class RedlineValue implements Redline {
  readonly version = ++versions;
  private sectionList: readonly SectionRedline[] | undefined;
  private placed: Map<number, SectionRedline> | undefined;
  private changeList: readonly Change[] | undefined;
  private baseTextValue: string | undefined;
  private draftTextValue: string | undefined;

  constructor(
    readonly base: OrdinanceDocument,
    readonly draft: OrdinanceDocument,
    readonly options: ResolvedOptions,
    readonly plan: Plan,
    readonly units: UnitTable,
    readonly history: UpdateStep | null,
  ) {}

  touchedSince(version: number): readonly number[] | null {
    if (version === this.version) return [];
    const lists: Array<readonly number[]> = [];
    for (let step = this.history; step; step = step.older) {
      lists.push(step.units);
      if (step.since === version) return mergeUnits(lists);
    }
    return null;
  }

  get sectionCount(): number {
    return this.units.count;
  }

  section(index: number): SectionRedline {
    if (this.sectionList) return this.sectionList[index]!;
    if (index < 0 || index >= this.units.count) throw new RangeError(`no section entry ${index}`);
    this.placed ??= new Map();
    let entry = this.placed.get(index);
    if (!entry) {
      entry = this.units.record(index).entry.shifted(this.units.startA(index), this.units.startB(index));
      this.placed.set(index, entry);
    }
    return entry;
  }

  get sections(): readonly SectionRedline[] {
    if (!this.sectionList) {
      const list: SectionRedline[] = new Array(this.units.count);
      for (let i = 0; i < this.units.count; i++) {
        list[i] = this.placed?.get(i) ?? this.units.record(i).entry.shifted(this.units.startA(i), this.units.startB(i));
      }
      this.sectionList = list;
      this.placed = undefined;
    }
    return this.sectionList;
  }

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
  const { base, options, plan } = previous;
  const changes = changedUnits(planUnits(plan, base, previous.draft), previous.draft, draft);
  if (changes === null) return build(base, draft, options, makePlan(base, draft, options));
  // The same layout, but an edit may still change which sections pair: then the units differ.
  const updatedPlan = planForUpdate(plan, previous.draft, base, draft, options, changes.sections);
  if (!samePairing(plan, updatedPlan)) return build(base, draft, options, updatedPlan);
  const index = planUnitsCarried(plan, updatedPlan, base, previous.draft);
  const changed = changes.units;
  const walker = new Walker(base, draft, options);
  for (const unit of changed) walkUnit(walker, index.units[unit]!, index.idLabels.get(unit));
  const units = previous.units.with(changed, walker.records);
  const older = previous.history && previous.history.depth < MAX_HISTORY ? previous.history : null;
  return new RedlineValue(base, draft, options, updatedPlan, units, { since: previous.version, units: changed, older, depth: (older?.depth ?? 0) + 1 });
}

const baseStarts = new WeakMap<OrdinanceDocument, Map<Section, number>>();

/**
 * Computes units of the plan, one record each, in the order asked. Entries are made with local
 * offsets (their pieces starting at 0 in both texts); the unit table places them.
 */
class Walker {
  readonly records: UnitRecord[] = [];
  /** The id label of the unit being computed, when its number repeats (see PlanUnits.idLabels). */
  idLabel: string | undefined;

  constructor(readonly base: OrdinanceDocument, readonly draft: OrdinanceDocument, readonly options: ResolvedOptions) {}

  add(entry: Omit<SectionEntryInit, "groups" | "pieceStartA" | "pieceStartB">, groups: ChangeGroup[], lengthA: number, lengthB: number): void {
    let status = entry.status;
    if (status === null) status = groups.some((group) => group.local.length > 0) ? "changed" : "unchanged";
    const section = new SectionEntry({
      unit: entry.unit, status, numberA: entry.numberA, numberB: entry.numberB, catchlineA: entry.catchlineA, catchlineB: entry.catchlineB,
      groups, pieceStartA: 0, pieceStartB: 0, ...(this.idLabel ? { idLabel: this.idLabel } : {}),
    });
    this.records.push({ entry: section, lengthA, lengthB });
  }

  /** A group of local changes; `startA` is given only for a group placed at an absolute base offset. */
  group(local: readonly LocalChange[], textA: TextSource, textB: TextSource, extra: Partial<Change> = NO_EXTRA, startA = 0): ChangeGroup {
    return { local, textA, textB, startA, startB: 0, extra };
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

function build(base: OrdinanceDocument, draft: OrdinanceDocument, options: ResolvedOptions, plan: Plan): RedlineValue {
  const walker = new Walker(base, draft, options);
  const index = planUnits(plan, base, draft);
  index.units.forEach((unit, k) => walkUnit(walker, unit, index.idLabels.get(k)));
  return new RedlineValue(base, draft, options, plan, UnitTable.of(walker.records, -PIECE_SEPARATOR.length), null);
}

/** Computes one unit of the plan and records it; `idLabel` starts its change ids when its number repeats. */
function walkUnit(walker: Walker, unit: UnitStep, idLabel: string | undefined): void {
  const { base, draft } = walker;
  walker.idLabel = idLabel;
  switch (unit.kind) {
    case "title": return walkTitles(walker);
    case "head": return walkChapterHead(walker, base.chapters[unit.a]!, draft.chapters[unit.b]!, unit.renumbered, unit.renumberedKey);
    case "whole-head": return wholeChapterHead(walker, (unit.side === "A" ? base : draft).chapters[unit.chapter]!, unit.side);
    case "whole-section": {
      const section = (unit.side === "A" ? base : draft).chapters[unit.chapter]!.sections[unit.section]!;
      // A section of a chapter on one side only may have moved to or from another chapter.
      if (!unit.move) return wholeSection(walker, section, unit.side);
      const other = (unit.side === "A" ? draft : base).chapters[unit.move.chapter]!.sections[unit.move.section]!;
      return unit.side === "A" ? removedSection(walker, section, other) : addedSection(walker, section, other);
    }
    case "section": {
      const step = unit.step;
      const chapterA = base.chapters[unit.a]!;
      const chapterB = draft.chapters[unit.b]!;
      if (step.kind === "pair") return pairedSection(walker, chapterA.sections[step.a]!, chapterB.sections[step.b]!);
      // A move's other end may lie in another chapter (step.moveToChapter / moveFromChapter).
      if (step.kind === "delete") return removedSection(walker, chapterA.sections[step.a]!, step.moveTo !== undefined ? draft.chapters[step.moveToChapter ?? unit.b]!.sections[step.moveTo] : undefined);
      return addedSection(walker, chapterB.sections[step.b]!, step.moveFrom !== undefined ? base.chapters[step.moveFromChapter ?? unit.a]!.sections[step.moveFrom] : undefined);
    }
  }
}

function walkTitles(walker: Walker): void {
  const { base, draft, options } = walker;
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

const headResults = new WeakMap<object, WeakMap<object, { a: Chapter; b: Chapter; renumberedKey: string; changes: LocalChange[] }>>();

/** The chapter-head diff, reused while both contents lists, headings and renumbered sections are unchanged. */
function chapterHeadChanges(a: Chapter, b: Chapter, options: ResolvedOptions, renumbered: ReadonlyMap<string, string>, renumberedKey: string): LocalChange[] {
  const cached = headResults.get(a.toc)?.get(b.toc);
  if (cached && cached.a.number === a.number && cached.a.title === a.title && cached.b.number === b.number && cached.b.title === b.title && cached.renumberedKey === renumberedKey
    && sameChapterNotes(cached.a, a) && sameChapterNotes(cached.b, b)) return cached.changes;
  const changes = diffChapterHeads(a, b, options, renumbered);
  let byB = headResults.get(a.toc);
  if (!byB) { byB = new WeakMap(); headResults.set(a.toc, byB); }
  byB.set(b.toc, { a, b, renumberedKey, changes });
  return changes;
}

function walkChapterHead(walker: Walker, a: Chapter, b: Chapter, renumbered: ReadonlyMap<string, string>, renumberedKey: string): void {
  const headA = chapterHeadPiece(a);
  const headB = chapterHeadPiece(b);
  walker.add(
    { unit: "chapter", status: null, numberA: `CHAPTER ${a.number}`, numberB: `CHAPTER ${b.number}`, catchlineA: a.title, catchlineB: b.title },
    [walker.group(chapterHeadChanges(a, b, walker.options, renumbered, renumberedKey), headA.text, headB.text)], headA.text.length, headB.text.length,
  );
}

/** A unit of a chapter present on one side only, whole: inserted or deleted throughout. */
function wholeUnit(walker: Walker, side: "A" | "B", text: TextSource, length: number, unit: "chapter" | "section", number: string, catchline: string): void {
  const inA = side === "A";
  const local: LocalChange = { part: "section", fromA: 0, toA: inA ? length : 0, fromB: 0, toB: inA ? 0 : length, precise: true };
  walker.add(
    { unit, status: inA ? "deleted" : "inserted", numberA: inA ? number : null, numberB: inA ? null : number, catchlineA: inA ? catchline : null, catchlineB: inA ? null : catchline },
    [walker.group([local], inA ? text : "", inA ? "" : text)], inA ? length : 0, inA ? 0 : length,
  );
}

/** The head of a chapter present on one side only. Its sections are units of their own (wholeSection). */
function wholeChapterHead(walker: Walker, chapter: Chapter, side: "A" | "B"): void {
  const head = chapterHeadPiece(chapter);
  wholeUnit(walker, side, head.text, head.text.length, "chapter", `CHAPTER ${chapter.number}`, chapter.title);
}

/** A section of a chapter present on one side only. */
function wholeSection(walker: Walker, section: Section, side: "A" | "B"): void {
  wholeUnit(walker, side, section, sectionPieceLength(section), "section", section.number, section.catchline);
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
  const within = walker.group(inner, movedFrom, b, { withinMove: SectionEntry.changeId(walker.idLabel ?? b.number, 0, "destination") }, walker.startOfBaseSection(movedFrom));
  walker.add(entryOf(movedFrom, b, "moved"), [destination, within], 0, length);
}
