/**
 * Where changes stand in the editor, and how a change is followed through a transaction by
 * ProseMirror's own step mapping: the range of its draft words is mapped, and the change of
 * the same section that now covers most of the mapped range is the same change, reshaped.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { Mappable } from "prosemirror-transform";
import type { OrdinanceDocument } from "../../core/model/document";
import type { Change, Redline, SectionRedline } from "../../core/redline/types";
import { mapOffset, type UnitPlace } from "./docLayout";
import { walkUnits, type WalkedUnit } from "./unitWalk";

/** A range of editor positions; `from === to` for a change with no draft words (a deletion). */
export interface PosRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The draft range, in editor positions, of every change in the units whose number (draft or
 * base) is in `sections`; null means every unit. A unit only the base has gives its changes
 * the point where it stood. Reads the lines of the listed units only.
 */
export function changeRanges(
  doc: PMNode, draft: OrdinanceDocument, redline: Redline, places: readonly UnitPlace[], sections: ReadonlySet<string> | null,
): Map<string, PosRange> {
  const ranges = new Map<string, PosRange>();
  walkUnits(doc, draft, redline, (unit) => {
    const { entry } = unit;
    if (entry.changes.length === 0) return;
    if (sections && !sections.has(entry.numberB ?? "") && !sections.has(entry.numberA ?? "")) return;
    for (const change of entry.changes) ranges.set(change.id, unitChangeRange(unit, change));
  }, places);
  return ranges;
}

/**
 * The draft range, in editor positions, of `change`, one of `unit`'s changes; a unit only the
 * base has gives the point where it stood.
 */
export function unitChangeRange(unit: WalkedUnit, change: Change): PosRange {
  const lines = unit.lines();
  if (!lines) return { from: unit.before, to: unit.before };
  const from = mapOffset(lines, change.fromB - unit.entry.startB).pos;
  return { from, to: Math.max(from, mapOffset(lines, change.toB - unit.entry.startB).pos) };
}

/**
 * `range` mapped through `mapping`, shrinking at the edges (words typed just outside it stay
 * outside), or null when its words were all deleted.
 */
export function mapRange(range: PosRange, mapping: Mappable | null): PosRange | null {
  if (!mapping) return range;
  if (range.from === range.to) {
    const at = mapping.map(range.from, -1);
    return { from: at, to: at };
  }
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  return to > from ? { from, to } : null;
}

/**
 * The change among `candidates` that `mapped` (a change's range after a transaction) now
 * falls on: for a range, the one overlapping it most; for a point, one whose range holds it.
 * Ties go to `preferId`, then to the first. Null when none does.
 */
export function followedChange(mapped: PosRange, candidates: readonly Change[], ranges: ReadonlyMap<string, PosRange>, preferId: string | null): Change | null {
  let best: { change: Change; score: number } | null = null;
  for (const change of candidates) {
    const range = ranges.get(change.id);
    if (!range) continue;
    let score: number;
    if (mapped.from === mapped.to) {
      if (range.from > mapped.from || range.to < mapped.from) continue;
      score = 1;
    } else {
      score = Math.min(range.to, mapped.to) - Math.max(range.from, mapped.from);
      if (score <= 0) continue;
    }
    if (change.id === preferId) score += 0.5;
    if (!best || score > best.score) best = { change, score };
  }
  return best?.change ?? null;
}

/** The changes in the units numbered `section` (draft or base number). */
export function changesOfSection(redline: Redline, section: string): Change[] {
  const found: Change[] = [];
  for (const entry of redline.sections) if (isOfSection(entry, section)) found.push(...entry.changes);
  return found;
}

/** Whether `entry` is the unit numbered `section` in the draft or in the base. */
export function isOfSection(entry: SectionRedline, section: string): boolean {
  return entry.numberB === section || entry.numberA === section;
}
