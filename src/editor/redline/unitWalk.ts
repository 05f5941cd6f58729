/**
 * Walks a redline's units alongside the editor document: each entry of the redline with the
 * place of its unit in the editor (null for a unit the draft no longer has) and the lines of
 * that unit mapped to ProseMirror positions.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { OrdinanceDocument } from "../../core/model/document";
import type { Redline, SectionRedline } from "../../core/redline/types";
import { placedHeadLines, placedSectionLines, unitPlaces, type PlacedLine, type UnitPlace } from "./docLayout";

export interface WalkedUnit {
  readonly entry: SectionRedline;
  /** Index among the editor's units, or -1 for a unit only the base has. */
  readonly index: number;
  readonly place: UnitPlace | null;
  /** The unit's lines, computed on first use (null when the unit is not in the draft). */
  readonly lines: () => readonly PlacedLine[] | null;
  /** Position after the previous unit in the editor: where a unit only the base has stands. */
  readonly before: number;
  /** The entry's index in the redline's `sections`. */
  readonly entryIndex: number;
}

/**
 * Calls `visit` for each redline entry in reading order; stop early by returning true.
 * `places` may be passed when already computed for `doc`.
 */
export function walkUnits(doc: PMNode, draft: OrdinanceDocument, redline: Redline, visit: (unit: WalkedUnit) => boolean | void, places: readonly UnitPlace[] = unitPlaces(doc)): void {
  let placeIndex = 0;
  let chapterIndex = -1;
  let sectionIndex = 0;
  let lastEnd = doc.firstChild && doc.firstChild.type.name === "code_title" ? doc.firstChild.nodeSize : 0;
  const entries = redline.sections;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex]!;
    if (entry.unit === "title") continue;
    if (entry.numberB === null) {
      if (visit({ entry, index: -1, place: null, lines: () => null, before: lastEnd, entryIndex })) return;
      continue;
    }
    const index = placeIndex++;
    const place = places[index];
    if (!place) return;
    if (entry.unit === "chapter") { chapterIndex++; sectionIndex = 0; }
    const chapter = draft.chapters[chapterIndex];
    const section = entry.unit === "section" ? chapter?.sections[sectionIndex++] : undefined;
    const before = lastEnd;
    lastEnd = place.end;
    let lines: readonly PlacedLine[] | null | undefined;
    const getLines = () => (lines ??= !chapter ? null : section ? placedSectionLines(place, section) : placedHeadLines(place, chapter));
    if (visit({ entry, index, place, lines: getLines, before, entryIndex })) return;
  }
}

/**
 * Where a redline's entries stand among the editor's units, as walkUnits finds them: kept
 * while the entries keep their layout (the same units in the same order, as a keystroke inside
 * a section leaves them), so a patch visits its few units without walking them all.
 */
export interface UnitIndex {
  /** For each place index: the entry's index, its chapter's index and its section's index in that chapter (-1 for a chapter head). */
  readonly places: ReadonlyArray<{ readonly entry: number; readonly chapter: number; readonly section: number }>;
  /** The entries of units only the base has, each with the place index of the unit before it (-1: none). */
  readonly baseOnly: ReadonlyArray<{ readonly entry: number; readonly placeBefore: number }>;
}

/** The unit index of `redline` (O(entries); builds its section list). */
export function unitIndex(redline: Redline): UnitIndex {
  const places: Array<UnitIndex["places"][number]> = [];
  const baseOnly: Array<UnitIndex["baseOnly"][number]> = [];
  let chapter = -1;
  let section = 0;
  redline.sections.forEach((entry, index) => {
    if (entry.unit === "title") return;
    if (entry.numberB === null) { baseOnly.push({ entry: index, placeBefore: places.length - 1 }); return; }
    if (entry.unit === "chapter") { chapter++; section = 0; }
    places.push({ entry: index, chapter, section: entry.unit === "section" ? section++ : -1 });
  });
  return { places, baseOnly };
}

/**
 * What walkUnits would visit among the units whose place index is in `touched`, and every unit
 * only the base has, in no set order, with `units` the index of `redline`'s layout, and the
 * place index of the unit before each: the cost grows with the units visited, not with the document.
 */
export function walkTouched(doc: PMNode, draft: OrdinanceDocument, redline: Redline, units: UnitIndex, places: readonly UnitPlace[], touched: ReadonlySet<number>, visit: (unit: WalkedUnit, placeBefore: number) => void): void {
  const titleEnd = doc.firstChild && doc.firstChild.type.name === "code_title" ? doc.firstChild.nodeSize : 0;
  // walkUnits stops at the first placed entry without a place: nothing after it is visited.
  const reach = Math.min(places.length, units.places.length);
  for (const index of touched) {
    const at = units.places[index];
    const place = places[index];
    if (!at || !place || index >= reach) continue;
    const chapter = draft.chapters[at.chapter];
    const section = at.section >= 0 ? chapter?.sections[at.section] : undefined;
    let lines: readonly PlacedLine[] | null | undefined;
    const getLines = () => (lines ??= !chapter ? null : section ? placedSectionLines(place, section) : placedHeadLines(place, chapter));
    visit({ entry: redline.section(at.entry), index, place, lines: getLines, before: index > 0 ? places[index - 1]!.end : titleEnd, entryIndex: at.entry }, index - 1);
  }
  for (const { entry, placeBefore } of units.baseOnly) {
    if (placeBefore >= reach) continue;
    visit({ entry: redline.section(entry), index: -1, place: null, lines: () => null, before: placeBefore >= 0 ? places[placeBefore]!.end : titleEnd, entryIndex: entry }, placeBefore);
  }
}
