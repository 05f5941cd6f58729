/**
 * Moving the caret into a change selects it, as clicking its row in the panel does (Word's
 * reviewing pane follows the caret the same way). Only caret moves select: an edit never does,
 * so typing inside an insertion costs no re-styling.
 */
import { Plugin, TextSelection } from "prosemirror-state";
import type { RedlineSpec } from "./decorations";
import { redlineKey, redlineState } from "./plugin";

/** The ids of the changes whose marks touch `pos`, in document order. */
export function changesAtCaret(state: Parameters<typeof redlineState>[0], pos: number): string[] {
  const found = redlineState(state).decorations.find(pos, pos, (spec) => typeof (spec as Partial<RedlineSpec>).changeId === "string");
  return [...new Set(found.sort((a, b) => a.from - b.from).map((decoration) => (decoration.spec as RedlineSpec).changeId))];
}

/** The plugin: after a caret move (no edit, no redline action), selects the change at the caret. */
export function caretSelectsChangePlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, oldState, newState) {
      if (transactions.some((tr) => tr.docChanged || tr.getMeta(redlineKey) !== undefined)) return null;
      const selection = newState.selection;
      if (selection.eq(oldState.selection) || !(selection instanceof TextSelection) || !selection.empty) return null;
      const here = changesAtCaret(newState, selection.head);
      const { selectedId } = redlineState(newState);
      if (here.length === 0 || (selectedId !== null && here.includes(selectedId))) return null;
      return newState.tr.setMeta(redlineKey, { type: "select", changeId: here[0] }).setMeta("addToHistory", false);
    },
  });
}
