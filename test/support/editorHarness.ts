/** Editor states with the live redline, and helpers to find text positions, for plugin tests. */
import { redo, undo } from "prosemirror-history";
import type { Command, EditorState, Transaction } from "prosemirror-state";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { createEditorState } from "../../src/editor/editorState";
import { redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { fixtureBase } from "./fixtures";

export function redlineEditor(base: OrdinanceDocument = fixtureBase(), draft: OrdinanceDocument = base): EditorState {
  return createEditorState(draft, { plugins: [redlinePlugin({ base })] });
}

/** Position just before `text` inside the first textblock containing it (after `nth` earlier hits). */
export function positionOf(state: EditorState, text: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock) {
      const at = node.textContent.indexOf(text);
      if (at >= 0 && seen++ === nth) found = pos + 1 + at;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}

export function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const applied = command(state, (tr: Transaction) => { next = state.apply(tr); });
  if (!applied) throw new Error("command did not apply");
  return next;
}

export const undoing = (state: EditorState) => run(state, undo);
export const redoing = (state: EditorState) => run(state, redo);

/** The redline's changes as "[-deleted-]{+inserted+}" strings, trimmed, for readable assertions. */
export function changeList(state: EditorState): string[] {
  return redlineState(state).redline.changes.filter((c) => !c.withinMove).map((c) => `[-${c.deleted.trim()}-]{+${c.inserted.trim()}+}`);
}

/** Decorations of the redline plugin as "kind:text" strings. */
export function decorationKinds(state: EditorState): string[] {
  const set = redlineState(state).decorations;
  return set.find().map((decoration) => {
    const spec = decoration.spec as { changeId?: string; oldLabel?: string };
    const attrs = (decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {};
    if (spec.oldLabel !== undefined) return `label:${spec.oldLabel}`;
    if (decoration.from === decoration.to) return `widget:${spec.changeId}`;
    return `${attrs["data-change"] ?? "node"}:${state.doc.textBetween(decoration.from, decoration.to, "¶")}`;
  });
}
