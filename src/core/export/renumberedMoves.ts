/**
 * Sections the redline shows as moved whose draft number differs from their base number: a
 * renumbering (only the Clerk renumbers, and the Code orders sections by number, so a
 * renumbered section often changes place). The amending ordinance reprints such a section
 * once, at its draft place, as an amended section — old number struck, new one underscored,
 * body marked only by its real edits (the move's `withinMove` changes) — and strikes nothing at
 * its old place. Its contents line, when the draft's and the base's lines both lie in the same
 * chapter's table, is likewise reprinted once, at its draft place, renumbered.
 *
 * A section moved into another chapter is reprinted the same way, once, at its draft place,
 * labelled with where it came from; at its old place only its heading line is struck, labelled
 * with where it went (see unitBlocks), so each chapter's reprint shows the move.
 *
 * A move that keeps its number is not a renumbering and keeps the struck/underscored-whole form.
 */
import { PILCROW, seamParts } from "../redline/format";
import type { Change, Redline } from "../redline/types";
import type { DescribedLayout, DescribedLine } from "./describedLayout";
import type { PartMark } from "./mergedLines";

/** A run of text with one mark and where it starts in the base and in the draft (null: absent there). */
export interface Segment {
  readonly text: string;
  readonly mark: PartMark;
  readonly startA: number | null;
  readonly startB: number | null;
  readonly change?: Change;
  /** The pilcrow at a split's or join's seam: shown, but no text of either side. */
  readonly pilcrow?: true;
}

/** A stretch of a top-level change's inserted text printed as other segments instead. */
interface Replacement { readonly fromB: number; readonly toB: number; readonly segments: readonly Segment[] }

/** How the merge prints the top-level changes that renumberings touch. */
export interface RenumberPlan {
  /** Segments per top-level change id that are printed instead of the change's own marks. */
  readonly instead: ReadonlyMap<string, readonly Segment[]>;
}

/** The change's own marks: its deleted text struck, then its inserted text underscored. */
export function ownSegments(change: Change): Segment[] {
  if (change.seam) return seamSegments(change);
  const segments: Segment[] = [];
  if (change.deleted) segments.push({ text: change.deleted, mark: "deleted", startA: change.fromA, startB: null, change });
  if (change.inserted) segments.push({ text: change.inserted, mark: "inserted", startA: null, startB: change.fromB, change });
  return segments;
}

/**
 * The seam of a split or join: a split's line break as an underscored pilcrow ending the first
 * line and the new enumerator underscored on the next; a join's as a struck pilcrow with the
 * enumerator that goes, on the joined line. The space on the other side is left out.
 */
function seamSegments(change: Change): Segment[] {
  if (change.seam === "split") {
    const { newlines, indent, label, trail } = seamParts(change.inserted);
    const at = change.fromB;
    const labelAt = at + newlines.length + indent.length;
    return [
      { text: PILCROW, mark: "inserted", startA: null, startB: at, change, pilcrow: true },
      { text: newlines + indent, mark: "same", startA: null, startB: at },
      ...(label ? [{ text: label, mark: "inserted", startA: null, startB: labelAt, change } as const] : []),
      ...(trail ? [{ text: trail, mark: "same", startA: null, startB: labelAt + label.length } as const] : []),
    ];
  }
  const { label } = seamParts(change.deleted);
  return [
    { text: ` ${PILCROW}`, mark: "deleted", startA: change.fromA, startB: null, change, pilcrow: true },
    ...(label ? [{ text: ` ${label}`, mark: "deleted", startA: change.fromA, startB: null, change } as const] : []),
    ...(change.inserted ? [{ text: change.inserted, mark: "same", startA: null, startB: change.fromB } as const] : []),
  ];
}

/**
 * Draft text [fromB, toB) with `inner` edits (sorted, inside the range) marked and the rest
 * unchanged; `fromA` is where the same text starts in the base.
 */
function interleaved(inner: readonly Change[], textB: string, fromA: number, fromB: number, toB: number, sameOf?: Change): Segment[] {
  const segments: Segment[] = [];
  let posA = fromA;
  let posB = fromB;
  const same = (from: number, to: number): Segment => ({ text: textB.slice(from, to), mark: "same", startA: posA, startB: from, ...(sameOf ? { change: sameOf } : {}) });
  for (const change of inner) {
    if (change.fromB > posB) segments.push(same(posB, change.fromB));
    segments.push(...ownSegments(change));
    posA = change.toA;
    posB = change.toB;
  }
  if (toB > posB) segments.push(same(posB, toB));
  return segments;
}

/** The layout's contents lines and heading lines by section number (the first of each number). */
function linesByNumber(layout: DescribedLayout) {
  const toc = new Map<string, DescribedLine>();
  const heading = new Map<string, DescribedLine>();
  for (const line of layout.lines) {
    if (line.role.kind === "toc" && !toc.has(line.role.entry.number)) toc.set(line.role.entry.number, line);
    if (line.role.kind === "heading" && !heading.has(line.role.section.number)) heading.set(line.role.section.number, line);
  }
  return { toc, heading };
}

const chapterOf = (line: DescribedLine) => (line.role.kind === "toc" ? line.role.chapter.number : null);
const headingChapter = (line: DescribedLine) => (line.role.kind === "heading" ? line.role.chapter.number : null);
const lineText = (layout: DescribedLayout, line: DescribedLine) => layout.text.slice(line.span.lineFrom, line.span.to);
const covers = (from: number, to: number, line: DescribedLine) => from <= line.span.lineFrom - 1 && line.span.to <= to;

/** `text` (starting at absolute offset `start`) with the stretches `cuts` left out, as segments. */
function withCuts(text: string, start: number, cuts: ReadonlyArray<readonly [number, number]>, piece: (text: string, at: number) => Segment): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const [from, to] of [...cuts].sort((x, y) => x[0] - y[0])) {
    if (from > at) segments.push(piece(text.slice(at - start, from - start), at));
    at = to;
  }
  if (start + text.length > at) segments.push(piece(text.slice(at - start), at));
  return segments;
}

/** The renumbered moves of `redline` and the segments that print them (see the module comment). */
export function renumberPlan(redline: Redline, layoutA: DescribedLayout, layoutB: DescribedLayout): RenumberPlan {
  const instead = new Map<string, Segment[]>();
  const topLevel = redline.changes.filter((change) => change.withinMove === undefined);
  const sources = new Map(topLevel.filter((change) => change.move?.role === "source").map((change) => [change.move!.pairId, change]));
  const cutsA = new Map<Change, Array<readonly [number, number]>>();
  const replacementsB = new Map<Change, Replacement[]>();
  const tocChanges = topLevel.filter((change) => change.part === "toc");
  const innerOf = new Map<string, Change[]>();
  for (const change of redline.changes) {
    if (change.withinMove === undefined) continue;
    const list = innerOf.get(change.withinMove);
    if (list) list.push(change);
    else innerOf.set(change.withinMove, [change]);
  }
  let linesA: ReturnType<typeof linesByNumber> | undefined;
  let linesB: ReturnType<typeof linesByNumber> | undefined;
  for (const destination of topLevel) {
    if (destination.move?.role !== "destination") continue;
    const source = sources.get(destination.move.pairId);
    const numberA = destination.move.otherSection;
    const numberB = destination.section;
    if (!source || numberA === numberB) continue;
    const inner = [...(innerOf.get(destination.id) ?? [])].sort((x, y) => x.fromB - y.fromB);
    linesA ??= linesByNumber(layoutA);
    linesB ??= linesByNumber(layoutB);
    const headA = linesA.heading.get(numberA);
    const headB = linesB.heading.get(numberB);
    const across = headA !== undefined && headB !== undefined && headingChapter(headA) !== headingChapter(headB);
    // Moved into another chapter: the reprint carries the move (its lines name the destination
    // change, so the unit knows it moved), and the old place keeps its heading, struck, to say so.
    instead.set(destination.id, interleaved(inner, layoutB.text, source.fromA, destination.fromB, destination.toB, across ? destination : undefined));
    instead.set(source.id, across ? [{ text: source.deleted.slice(0, headA.span.to - source.fromA), mark: "deleted", startA: source.fromA, startB: null, change: source }] : []);
    // The contents line: renumbered at its draft place when both lines are in one chapter's table
    // and read exactly as their headings (so the heading's edits mark it the same way).
    const tocA = linesA.toc.get(numberA);
    const tocB = linesB.toc.get(numberB);
    if (!tocA || !tocB || !headA || !headB || chapterOf(tocA) !== chapterOf(tocB)) continue;
    if (lineText(layoutA, tocA) !== lineText(layoutA, headA) || lineText(layoutB, tocB) !== lineText(layoutB, headB)) continue;
    const deleting = tocChanges.find((change) => change.deleted && covers(change.fromA, change.toA, tocA));
    const inserting = tocChanges.find((change) => change.inserted && covers(change.fromB, change.toB, tocB));
    if (!deleting || !inserting) continue;
    const shiftA = tocA.span.lineFrom - headA.span.lineFrom;
    const shiftB = tocB.span.lineFrom - headB.span.lineFrom;
    const headingEdits = inner
      .filter((change) => change.fromB >= headB.span.lineFrom && change.toB <= headB.span.to)
      .map((change) => ({ ...change, fromA: change.fromA + shiftA, toA: change.toA + shiftA, fromB: change.fromB + shiftB, toB: change.toB + shiftB }));
    cutsA.set(deleting, [...(cutsA.get(deleting) ?? []), [tocA.span.lineFrom - 1, tocA.span.to]]);
    const segments = interleaved(headingEdits, layoutB.text, tocA.span.lineFrom, tocB.span.lineFrom, tocB.span.to);
    replacementsB.set(inserting, [...(replacementsB.get(inserting) ?? []), { fromB: tocB.span.lineFrom, toB: tocB.span.to, segments }]);
  }
  for (const change of new Set([...cutsA.keys(), ...replacementsB.keys()])) {
    const struck = change.deleted
      ? withCuts(change.deleted, change.fromA, cutsA.get(change) ?? [], (text, at): Segment => ({ text, mark: "deleted", startA: at, startB: null, change }))
      : [];
    const replacements = replacementsB.get(change) ?? [];
    const underscored = change.inserted
      ? withCuts(change.inserted, change.fromB, replacements.map((r) => [r.fromB, r.toB] as const), (text, at): Segment => ({ text, mark: "inserted", startA: null, startB: at, change }))
      : [];
    // Put each replacement back in its place among the underscored pieces.
    const pieces = [...underscored.map((segment) => ({ at: segment.startB!, segments: [segment] })), ...replacements.map((r) => ({ at: r.fromB, segments: r.segments }))]
      .sort((x, y) => x.at - y.at)
      .flatMap((piece) => piece.segments);
    instead.set(change.id, [...struck, ...pieces]);
  }
  return { instead };
}
