/**
 * The slow truth for the live redline: the decorations and changes a state would have if it
 * were built from nothing. Used by the editor property tests to check the incremental path
 * after every transaction.
 */
import { EditorState } from "prosemirror-state";
import type { Decoration, DecorationSet } from "prosemirror-view";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import type { Change } from "../../src/core/redline/types";
import { toModel } from "../../src/editor/convert";
import { savedAnnotations } from "../../src/editor/redline/savedAnnotations";
import { NO_FILTER, redlineKey, redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { codeSchema } from "../../src/editor/schema";

/** One decoration as a comparable line: kind, range, what it shows and which change it is. */
export function decorationFact(decoration: Decoration): string {
  const spec = decoration.spec as Record<string, unknown>;
  const type = (decoration as unknown as { type: { attrs?: Record<string, string>; side?: number } }).type;
  const inline = (decoration as unknown as { inline: boolean }).inline;
  const kind = inline ? "inline" : decoration.from === decoration.to ? "widget" : "node";
  const attrs = type.attrs ? Object.entries(type.attrs).sort(([x], [y]) => x.localeCompare(y)) : [];
  const label = spec.oldLabel !== undefined ? ` oldLabel=${JSON.stringify(spec.oldLabel)}` : "";
  const widget = kind === "widget" ? ` key=${JSON.stringify(spec.key)} side=${String(spec.side)}` : "";
  return `${kind} ${decoration.from}-${decoration.to} change=${String(spec.changeId)}${label}${widget} ${JSON.stringify(attrs)}`;
}

/** Every decoration of a set, sorted, as comparable lines. */
export function decorationFacts(set: DecorationSet): string[] {
  return set.find().map(decorationFact).sort();
}

/** One change as a comparable line (every field). */
export function changeFact(change: Change): string {
  return JSON.stringify([
    change.id, change.kind, change.part, change.section, change.fromA, change.toA, change.fromB, change.toB,
    change.deleted, change.inserted, change.precise, change.blockIdA ?? null, change.blockIdB ?? null,
    change.move ?? null, change.withinMove ?? null,
  ]);
}

/** Each annotation and the change it is on ("detached" when none). */
export function attachmentFacts(state: EditorState): string[] {
  const { annotations } = redlineState(state);
  return annotations.list.map((annotation) => {
    const live = annotations.live.get(annotation.id);
    return `${annotation.id} on ${live?.attached ? live.changeId : "detached"}`;
  });
}

/**
 * A state built from scratch for the same document: a new redline plugin on `base`, the
 * annotations as they would be saved, and the same filter and selection.
 */
export function freshState(state: EditorState, base: OrdinanceDocument): EditorState {
  const live = redlineState(state);
  const doc = state.doc.type.create({ ...state.doc.attrs, annotations: savedAnnotations(state) }, state.doc.content);
  let fresh = EditorState.create({ schema: codeSchema, doc, plugins: [redlinePlugin({ base })] });
  if (live.filter !== NO_FILTER) fresh = fresh.apply(fresh.tr.setMeta(redlineKey, { type: "filter", filter: live.filter }));
  if (live.selectedId !== null) fresh = fresh.apply(fresh.tr.setMeta(redlineKey, { type: "select", changeId: live.selectedId }));
  return fresh;
}

/** Lines only in `a`, and only in `b` (multiset difference), for readable failures. */
export function difference(a: readonly string[], b: readonly string[]): { onlyLive: string[]; onlyFresh: string[] } {
  const counts = new Map<string, number>();
  for (const line of b) counts.set(line, (counts.get(line) ?? 0) + 1);
  const onlyLive: string[] = [];
  for (const line of a) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1); else onlyLive.push(line);
  }
  const onlyFresh = [...counts].flatMap(([line, count]) => Array<string>(count).fill(line));
  return { onlyLive, onlyFresh };
}

/**
 * Compares the live state with the truth: its changes with `compare(base, draft)` and its
 * decorations with a fresh state's. Returns null when they agree, else what differs.
 */
export function disagreement(state: EditorState, base: OrdinanceDocument): string | null {
  const live = redlineState(state);
  const truth = compare(base, toModel(state.doc));
  const changes = difference(live.redline.changes.map(changeFact), truth.changes.map(changeFact));
  if (changes.onlyLive.length || changes.onlyFresh.length) return `changes differ:\n${JSON.stringify(changes, null, 1)}`;
  const fresh = freshState(state, base);
  const decorations = difference(decorationFacts(live.decorations), decorationFacts(redlineState(fresh).decorations));
  if (decorations.onlyLive.length || decorations.onlyFresh.length) return `decorations differ:\n${JSON.stringify(decorations, null, 1)}`;
  const annotations = difference(attachmentFacts(state), attachmentFacts(fresh));
  if (annotations.onlyLive.length || annotations.onlyFresh.length) return `annotations differ:\n${JSON.stringify(annotations, null, 1)}`;
  return null;
}
