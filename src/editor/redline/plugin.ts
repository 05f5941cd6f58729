/**
 * The live redline: the base chapter lives in this plugin's state, the editor holds the draft.
 * Each transaction re-reads the draft with structural sharing, updates the redline through the
 * engine's incremental API (only touched sections are re-diffed) and patches the decorations
 * of the touched units; everything else is mapped. Annotations are resolved to changes here.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { DecorationSet, type Decoration } from "prosemirror-view";
import type { Annotation } from "../../core/annotations/annotation";
import { sameChapterNotes, type OrdinanceDocument } from "../../core/model/document";
import { compare, updateRedline } from "../../core/redline";
import type { Change, CompareOptions, Redline, SectionRedline } from "../../core/redline/types";
import type { SponsorRegistry } from "../../core/sponsors/sponsors";
import type { Mappable } from "prosemirror-transform";
import { resolveAnnotations, type AnchorPositions, type AnnotationIndex } from "./annotationIndex";
import { changeRanges } from "./changeRanges";
import { followSelection, followTouchedSelection } from "./selectionFollow";
import { indexedDecorations } from "./indexedDecorations";
import { deletedUnitDecorations, unitDecorations, type MarkStyle, type RedlineSpec } from "./decorations";
import { unitPlaces, type UnitPlace } from "./docLayout";
import { clickOnStruckWords } from "./widgetClicks";
import { DraftReader } from "./draftReader";
import { labelNodeViews } from "./labelViews";
import { unitIndex, walkTouched, walkUnits, type UnitIndex, type WalkedUnit } from "./unitWalk";

/** What the panel and the editor's highlighting show. Null means "all". */
export interface ChangeFilter {
  readonly sponsorIds: readonly string[] | null;
  readonly statuses: readonly string[] | null;
}

export const NO_FILTER: ChangeFilter = { sponsorIds: null, statuses: null };

export interface RedlineState {
  readonly base: OrdinanceDocument;
  readonly draft: OrdinanceDocument;
  readonly redline: Redline;
  readonly annotations: AnnotationIndex;
  readonly decorations: DecorationSet;
  readonly filter: ChangeFilter;
  readonly selectedId: string | null;
  /** Where the redline's entries stand among the editor's units (kept while their layout is). */
  readonly units: UnitIndex;
}

export type RedlineAction =
  | { readonly type: "select"; readonly changeId: string | null }
  | { readonly type: "filter"; readonly filter: ChangeFilter };

export const redlineKey = new PluginKey<RedlineState>("redline");

/** The redline plugin's state in `state` (throws if the plugin is missing). */
export function redlineState(state: EditorState): RedlineState {
  const value = redlineKey.getState(state);
  if (!value) throw new Error("the redline plugin is not installed");
  return value;
}

/** The annotations stored in the document. */
export function docAnnotations(state: EditorState): readonly Annotation[] {
  return state.doc.attrs.annotations as readonly Annotation[];
}

/** The sponsor registry stored in the document, or null. */
export function docSponsors(state: EditorState): SponsorRegistry | null {
  return state.doc.attrs.sponsors as SponsorRegistry | null;
}

/** Whether a change passes the filter, judged by its annotations. */
export function passesFilter(change: Change, filter: ChangeFilter, annotations: AnnotationIndex): boolean {
  if (!filter.sponsorIds && !filter.statuses) return true;
  const attached = annotations.byChange.get(change.id) ?? [];
  if (filter.sponsorIds && !attached.some((a) => a.sponsorIds.some((id) => filter.sponsorIds!.includes(id)))) return false;
  const status = attached[0]?.status ?? "proposed";
  return !filter.statuses || filter.statuses.includes(status);
}

function markStyle(state: Pick<RedlineState, "filter" | "selectedId" | "annotations">, sponsors: SponsorRegistry | null): MarkStyle {
  return {
    visible: (change) => passesFilter(change, state.filter, state.annotations),
    agreed: (change) => state.annotations.byChange.get(change.id)?.[0]?.status === "agreed",
    selectedId: state.selectedId,
    thread: (change) => {
      const annotation = state.annotations.byChange.get(change.id)?.[0];
      return !annotation || annotation.comments.length === 0 ? null : annotation.resolved ? "resolved" : "open";
    },
    color: (change) => {
      const sponsorId = state.annotations.byChange.get(change.id)?.[0]?.sponsorIds[0];
      return sponsorId ? sponsors?.people.find((person) => person.id === sponsorId)?.color ?? null : null;
    },
  };
}

/**
 * What an incremental patch rebuilds: the units whose place index is in `places`, and the
 * widgets of units only the base has that no longer stand where a fresh build puts them.
 * `mapped` is the previous decorations mapped through the transaction; `previous` is the
 * previous redline, whose entries stand where this one's do; `units` indexes their layout.
 */
interface Patch {
  readonly places: Set<number>;
  readonly mapped: DecorationSet;
  readonly previous: Redline;
  readonly units: UnitIndex;
}

/**
 * Whether two entries of a unit only the base has show the same widgets: the same deleted
 * changes, each with the same id, words and move (what a deleted widget shows, style aside).
 * Their draft offsets may differ (an edit before them shifts those), which the widgets do not show.
 */
function sameDeletedWidgets(a: SectionRedline | undefined, b: SectionRedline): boolean {
  if (!a) return false;
  const x = a.changes.filter((change) => change.deleted);
  const y = b.changes.filter((change) => change.deleted);
  return x.length === y.length && x.every((change, i) => {
    const other = y[i]!;
    return change.id === other.id && change.deleted === other.deleted && Boolean(change.move) === Boolean(other.move) && change.move?.otherSection === other.move?.otherSection;
  });
}

/** The widgets of `set` between `from` and `to` that show the deleted changes in `ids`. */
function deletedWidgetsOf(set: DecorationSet, ids: ReadonlySet<string>, from: number, to: number): Decoration[] {
  return set.find(from, to, (spec) => {
    const tag = spec as Partial<RedlineSpec> & { deletedUnit?: true };
    return tag.deletedUnit === true && typeof tag.changeId === "string" && ids.has(tag.changeId);
  });
}

/**
 * Builds decorations for every unit (`patch` null), or for a patch: the touched units, and the
 * widgets of each unit only the base has whose widgets the mapping lost or moved (a step that
 * rewrote the boundary they stand on) or whose entry changed. `stale` lists the mapped widgets
 * those replace; a widget that still stands at its place for an unchanged entry is kept.
 */
function buildDecorations(
  doc: EditorState["doc"], draft: OrdinanceDocument, redline: Redline, style: MarkStyle,
  places: readonly UnitPlace[], patch: Patch | null,
): { decorations: Decoration[]; stale: Decoration[]; rebuiltPlaces: Array<{ place: UnitPlace; index: number }> } {
  const decorations: Decoration[] = [];
  const stale: Decoration[] = [];
  const rebuiltPlaces: Array<{ place: UnitPlace; index: number }> = [];
  let lastPlaced = -1;
  const visit = ({ entry, index, place, lines, before, entryIndex }: WalkedUnit) => {
    if (!place) {
      if (patch === null) { decorations.push(...deletedUnitDecorations(entry, before, style)); return; }
      const ids = new Set(entry.changes.filter((change) => change.deleted).map((change) => change.id));
      if (sameDeletedWidgets(patch.previous.section(entryIndex), entry) && deletedWidgetsOf(patch.mapped, ids, before, before).length === ids.size) return;
      // A mapped widget of this unit can only lie between the units around it.
      const from = places[lastPlaced]?.pos ?? 0;
      const to = places[lastPlaced + 1]?.end ?? doc.content.size;
      stale.push(...deletedWidgetsOf(patch.mapped, ids, from, to));
      decorations.push(...deletedUnitDecorations(entry, before, style));
      return;
    }
    lastPlaced = index;
    if (patch !== null && !patch.places.has(index)) return;
    const placed = lines();
    if (!placed) return;
    rebuiltPlaces.push({ place, index });
    decorations.push(...unitDecorations(entry, place, placed, style, index));
  };
  if (patch === null) walkUnits(doc, draft, redline, visit, places);
  else {
    // Only the touched units and those only the base has: the rest keep their mapped decorations.
    walkTouched(doc, draft, redline, patch.units, places, patch.places, (unit, placeBefore) => { lastPlaced = placeBefore; visit(unit); });
  }
  return { decorations, stale, rebuiltPlaces };
}

/**
 * `mapped` (the previous decorations mapped through the transaction) with the units at `touched`
 * built anew, and the widgets of units only the base has that a patch rebuilds.
 */
function patchDecorations(
  mapped: DecorationSet, doc: EditorState["doc"], draft: OrdinanceDocument, redline: Redline, style: MarkStyle,
  places: readonly UnitPlace[], touched: Set<number>, previous: RedlineState,
): DecorationSet {
  const rebuilt = buildDecorations(doc, draft, redline, style, places, { places: touched, mapped, previous: previous.redline, units: previous.units });
  let decorations = mapped.remove(rebuilt.stale);
  // Only the rebuilt units' own decorations go: a neighbour's that touch the range stay.
  for (const { place, index } of rebuilt.rebuiltPlaces) {
    decorations = decorations.remove(decorations.find(place.pos, place.end, (spec) => (spec as Partial<RedlineSpec>).unit === index));
  }
  return decorations.add(doc, rebuilt.decorations);
}

/**
 * The place indexes of the units in the editor that hold the changes `ids` (null entries
 * skipped), or null when one of them belongs to a unit only the base has (its widgets are then
 * restyled by a whole build). O(changes) with no text read.
 */
function selectionPlaces(state: RedlineState, ids: ReadonlyArray<string | null>): Set<number> | null {
  const wanted = new Set(ids.filter((id): id is string => id !== null));
  const entries = new Set<number>();
  state.redline.sections.forEach((entry, index) => {
    if (entry.changes.some((change) => wanted.has(change.id))) entries.add(index);
  });
  const places = new Set<number>();
  state.units.places.forEach((at, index) => { if (entries.delete(at.entry)) places.add(index); });
  return entries.size === 0 ? places : null;
}

/** What a transaction touched: the indices of changed units' places and the labels (entry numbers) of edited units. */
interface TouchedUnits {
  readonly places: Set<number>;
  readonly sections: Set<string>;
}

/**
 * Whether a step of `tr` replaced content of a unit the drafts say is untouched (content put
 * back the same: a shared draft's remote change, a paste of identical text). Mapping drops the
 * decorations inside a replaced range, so the decorations are then built whole.
 */
function replacesUntouchedUnit(touched: TouchedUnits, places: readonly UnitPlace[], tr: Transaction): boolean {
  const ranges: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, index) => {
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (oldEnd === oldStart) return;
      const rest = tr.mapping.slice(index + 1);
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  return ranges.length > 0 && places.some((place, index) => !touched.places.has(index) && ranges.some(([from, to]) => from < place.end && to > place.pos));
}

/** The units that changed between two drafts with the same layout (one pass), or null when the layout changed. */
function touchedUnits(previous: OrdinanceDocument, draft: OrdinanceDocument): TouchedUnits | null {
  if (previous.chapters.length !== draft.chapters.length || Boolean(previous.title) !== Boolean(draft.title)) return null;
  const touched: TouchedUnits = { places: new Set(), sections: new Set() };
  // The labels are the redline entries' numbers, which annotations on those units carry.
  if (draft.title && previous.title !== draft.title) touched.sections.add(`TITLE ${draft.title.number}`);
  let index = 0;
  for (let c = 0; c < draft.chapters.length; c++) {
    const before = previous.chapters[c]!;
    const after = draft.chapters[c]!;
    if (before.sections.length !== after.sections.length || before.number !== after.number) return null;
    if (before.toc !== after.toc || before.title !== after.title || !sameChapterNotes(before, after)) {
      touched.places.add(index);
      touched.sections.add(`CHAPTER ${after.number}`);
    }
    index++;
    for (let s = 0; s < after.sections.length; s++, index++) {
      const section = after.sections[s]!;
      if (before.sections[s] === section) continue;
      if (before.sections[s]!.number !== section.number) return null;
      touched.places.add(index);
      touched.sections.add(section.number);
    }
  }
  return touched;
}

/**
 * Whether two redlines pair the same units: the same entries in the same order, each with the
 * same numbers on both sides and the same kind of pairing. When an edit makes the engine pair
 * sections anew (a section now alike to another, a move found or lost), units the edit did not
 * touch change too, and the decorations are rebuilt whole. Looks only at the entries the update
 * touched when the redline knows them (touchedSince), else at every entry; no text read.
 */
function samePairing(previous: Redline, next: Redline): boolean {
  if (previous.sectionCount !== next.sectionCount) return false;
  const kind = (status: SectionRedline["status"]) => (status === "changed" ? "unchanged" : status);
  const same = (i: number) => {
    const x = previous.section(i);
    const y = next.section(i);
    return x === y || (x.unit === y.unit && x.numberA === y.numberA && x.numberB === y.numberB && kind(x.status) === kind(y.status));
  };
  // Only the entries the update touched can differ; without that knowledge, look at them all.
  const touched = next.touchedSince(previous.version);
  if (touched) return touched.every(same);
  for (let i = 0; i < next.sectionCount; i++) if (!same(i)) return false;
  return true;
}

/** Where annotations look for their changes in `doc`: the transaction's mapping and the changes' ranges. */
function anchorPositions(doc: EditorState["doc"], draft: OrdinanceDocument, redline: Redline, places: readonly UnitPlace[], mapping: Mappable | null): AnchorPositions {
  return { mapping, rangesIn: (sections) => changeRanges(doc, draft, redline, places, sections) };
}

export interface RedlinePluginOptions {
  readonly base: OrdinanceDocument;
  readonly compareOptions?: CompareOptions;
}

/** The live redline plugin, comparing the editor's document against `base`. */
export function redlinePlugin(options: RedlinePluginOptions): Plugin<RedlineState> {
  const reader = new DraftReader();
  const fullState = (
    state: EditorState, filter: ChangeFilter, selectedId: string | null, redline: Redline, draft: OrdinanceDocument, previous: AnnotationIndex | null, mapping: Mappable | null,
  ): RedlineState => {
    const places = unitPlaces(state.doc);
    const annotations = resolveAnnotations(docAnnotations(state), redline, previous, null, anchorPositions(state.doc, draft, redline, places, mapping));
    const style = markStyle({ filter, selectedId, annotations }, docSponsors(state));
    const { decorations } = buildDecorations(state.doc, draft, redline, style, places, null);
    return { base: options.base, draft, redline, annotations, decorations: DecorationSet.create(state.doc, decorations), filter, selectedId, units: unitIndex(redline) };
  };
  return new Plugin<RedlineState>({
    key: redlineKey,
    state: {
      init(_config, state) {
        const draft = reader.read(state.doc);
        return fullState(state, NO_FILTER, null, compare(options.base, draft, options.compareOptions), draft, null, null);
      },
      apply(tr: Transaction, previous: RedlineState, oldState: EditorState, newState: EditorState): RedlineState {
        const action = tr.getMeta(redlineKey) as RedlineAction | undefined;
        const filter = action?.type === "filter" ? action.filter : previous.filter;
        if (!tr.docChanged && !action) return previous;
        if (!tr.docChanged && action?.type === "select") {
          // Only the units holding the changes selected before and now are restyled.
          const restyled = selectionPlaces(previous, [previous.selectedId, action.changeId]);
          if (restyled) {
            const style = markStyle({ filter, selectedId: action.changeId, annotations: previous.annotations }, docSponsors(newState));
            const decorations = patchDecorations(previous.decorations, newState.doc, previous.draft, previous.redline, style, unitPlaces(newState.doc), restyled, previous);
            return { ...previous, decorations, selectedId: action.changeId };
          }
        }
        const draft = tr.docChanged ? reader.read(newState.doc) : previous.draft;
        const redline = tr.docChanged ? updateRedline(previous.redline, draft) : previous.redline;
        const annotationsChanged = oldState.doc.attrs.annotations !== newState.doc.attrs.annotations || oldState.doc.attrs.sponsors !== newState.doc.attrs.sponsors;
        const edited = tr.docChanged && samePairing(previous.redline, redline) ? touchedUnits(previous.draft, draft) : null;
        // The selection follows its change through the edit (ids are positional in a section);
        // in a section the edit did not touch, its id stays.
        // Reads only the touched units when the edit kept the layout.
        const places = edited ? unitPlaces(newState.doc) : null;
        const edit = { before: { doc: oldState.doc, draft: previous.draft, redline: previous.redline }, after: { doc: newState.doc, draft, redline }, mapping: tr.mapping };
        const selectedId = action?.type === "select" ? action.changeId
          : !tr.docChanged || previous.selectedId === null ? previous.selectedId
          : edited && places ? followTouchedSelection(previous.selectedId, edit, edited, previous.units, places)
          : followSelection(previous.selectedId, edit);
        const touched = !action && !annotationsChanged && selectedId === previous.selectedId ? edited : null;
        const mapping = tr.docChanged ? tr.mapping : null;
        if (touched === null || places === null) return fullState(newState, filter, selectedId, redline, draft, previous.annotations, mapping);
        if (replacesUntouchedUnit(touched, places, tr)) return fullState(newState, filter, selectedId, redline, draft, previous.annotations, mapping);
        const annotations = resolveAnnotations(docAnnotations(newState), redline, previous.annotations, touched.sections, anchorPositions(newState.doc, draft, redline, places, mapping));
        const style = markStyle({ filter, selectedId, annotations }, docSponsors(newState));
        const decorations = patchDecorations(previous.decorations.map(tr.mapping, tr.doc), newState.doc, draft, redline, style, places, touched.places, previous);
        return { base: options.base, draft, redline, annotations, decorations, filter, selectedId, units: previous.units };
      },
    },
    props: {
      decorations: (state) => {
        const decorations = redlineKey.getState(state)?.decorations;
        return decorations && indexedDecorations(decorations);
      },
      nodeViews: labelNodeViews,
      handleDOMEvents: { mousedown: clickOnStruckWords },
    },
  });
}
