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
  for (const entry of redline.sections) {
    if (entry.unit === "title") continue;
    if (entry.numberB === null) {
      if (visit({ entry, index: -1, place: null, lines: () => null, before: lastEnd })) return;
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
    if (visit({ entry, index, place, lines: getLines, before })) return;
  }
}
