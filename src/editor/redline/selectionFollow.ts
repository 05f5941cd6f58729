/**
 * How the selected change follows its words through a transaction. Change ids are positional in
 * a section, so after an edit the selected change's draft range is mapped through the
 * transaction, and the change of its section that now covers the mapped range is the same
 * change, reshaped or renumbered.
 *
 * Two ways to the same answer: `followSelection` walks every unit (any edit, any pairing);
 * `followTouchedSelection` reads only the units an edit touched, for an edit that kept the
 * redline's layout (a keystroke inside a section), so typing with a change selected costs the
 * same whatever the document's size.
 */
import type { EditorState } from "prosemirror-state";
import type { Mappable } from "prosemirror-transform";
import type { OrdinanceDocument } from "../../core/model/document";
import type { Change, Redline } from "../../core/redline/types";
import { changeRanges, changesOfSection, followedChange, isOfSection, mapRange, unitChangeRange, type PosRange } from "./changeRanges";
import { unitPlaces, type UnitPlace } from "./docLayout";
import { walkTouched, type UnitIndex, type WalkedUnit } from "./unitWalk";

/** One side of a transaction: the editor document, the draft read from it and its redline. */
export interface FollowSide {
  readonly doc: EditorState["doc"];
  readonly draft: OrdinanceDocument;
  readonly redline: Redline;
}

/** An edit from `before` to `after`, with the transaction's mapping between their documents. */
export interface FollowedEdit {
  readonly before: FollowSide;
  readonly after: FollowSide;
  readonly mapping: Mappable;
}

/** The units an edit touched, by place index and by number (the plugin's touchedUnits). */
export interface TouchedUnits {
  readonly places: ReadonlySet<number>;
  readonly sections: ReadonlySet<string>;
}

/**
 * The id the change `selectedId` has after `edit`, walking every unit; null when its words are
 * gone or no change holds them. The truth the fast path below is tested against.
 */
export function followSelection(selectedId: string, edit: FollowedEdit): string | null {
  const change = edit.before.redline.changes.find((each) => each.id === selectedId);
  if (!change) return null;
  const sections = new Set([change.section]);
  const { before, after } = edit;
  const range = changeRanges(before.doc, before.draft, before.redline, unitPlaces(before.doc), sections).get(change.id);
  const mapped = range && mapRange(range, edit.mapping);
  if (!mapped) return null;
  const ranges = changeRanges(after.doc, after.draft, after.redline, unitPlaces(after.doc), sections);
  return followedChange(mapped, changesOfSection(after.redline, change.section), ranges, change.id)?.id ?? null;
}

/**
 * The same answer as `followSelection` for an edit that kept the redline's layout (`units`
 * indexes both redlines' entries) and touched only `touched`: reads the touched units and the
 * units only the base has, never the whole redline. A selected change in a unit the edit did
 * not touch keeps its id. `placesAfter` are the units of `edit.after.doc`.
 */
export function followTouchedSelection(
  selectedId: string, edit: FollowedEdit, touched: TouchedUnits, units: UnitIndex, placesAfter: readonly UnitPlace[],
): string | null {
  const { before, after } = edit;
  const placesBefore = unitPlaces(before.doc);
  let selected: { change: Change; range: PosRange } | null = null;
  let inBaseOnly = false;
  walkTouched(before.doc, before.draft, before.redline, units, placesBefore, touched.places, (unit) => {
    const change = selected ? undefined : unit.entry.changes.find((each) => each.id === selectedId);
    if (!change) return;
    if (unit.index < 0) { inBaseOnly = true; return; }
    selected = { change, range: unitChangeRange(unit, change) };
  });
  // A change of a unit only the base has: rare enough to take the walk over every unit.
  if (inBaseOnly && !selected) return followSelection(selectedId, edit);
  if (!selected) return selectedId;
  const { change, range } = selected as { change: Change; range: PosRange };
  const mapped = mapRange(range, edit.mapping);
  if (!mapped) return null;
  // The candidates in the redline's order, as changesOfSection lists them (ties go to the first).
  const found: Array<{ entryIndex: number; unit: WalkedUnit }> = [];
  walkTouched(after.doc, after.draft, after.redline, units, placesAfter, touched.places, (unit) => {
    if (isOfSection(unit.entry, change.section)) found.push({ entryIndex: unit.entryIndex, unit });
  });
  found.sort((x, y) => x.entryIndex - y.entryIndex);
  const ranges = new Map<string, PosRange>();
  const candidates: Change[] = [];
  for (const { unit } of found) {
    for (const each of unit.entry.changes) {
      candidates.push(each);
      ranges.set(each.id, unitChangeRange(unit, each));
    }
  }
  return followedChange(mapped, candidates, ranges, change.id)?.id ?? null;
}
