/**
 * Moving the caret into a change selects it, as clicking its row in the panel does (Word's
 * reviewing pane follows the caret the same way); so does typing that leaves the caret in a
 * change other than the selected one (typing into a neighbouring word makes or joins a change
 * there). Typing inside the selected change selects nothing anew, so it costs no re-styling; an
 * edit away from the caret (another person's, in a shared draft) never moves the selection.
 */
import { Plugin, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { changeRanges } from "./changeRanges";
import type { RedlineSpec } from "./decorations";
import { unitPlaces } from "./docLayout";
import { redlineKey, redlineState } from "./plugin";

/** The ids of the changes whose marks touch `pos`, in document order. */
export function changesAtCaret(state: Parameters<typeof redlineState>[0], pos: number): string[] {
  const found = redlineState(state).decorations.find(pos, pos, (spec) => typeof (spec as Partial<RedlineSpec>).changeId === "string");
  return [...new Set(found.sort((a, b) => a.from - b.from).map((decoration) => (decoration.spec as RedlineSpec).changeId))];
}

/** Whether `tr` changed the document at `pos` (a position in `tr.doc`): an edit at the caret. */
function editedAt(tr: Transaction, pos: number): boolean {
  const maps = tr.mapping.maps;
  return maps.some((map, index) => {
    let touched = false;
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(index + 1);
      if (rest.map(newStart, -1) <= pos && pos <= rest.map(newEnd, 1)) touched = true;
    });
    return touched;
  });
}

/** The plugin: after a caret move or an edit at the caret (no redline action), selects the change at the caret. */
export function caretSelectsChangePlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, oldState, newState) {
      if (transactions.some((tr) => tr.getMeta(redlineKey) !== undefined)) return null;
      const selection = newState.selection;
      if (!(selection instanceof TextSelection) || !selection.empty) return null;
      const edits = transactions.filter((tr) => tr.docChanged);
      if (edits.length === 0 ? selection.eq(oldState.selection) : edits[edits.length - 1]!.doc !== newState.doc || !editedAt(edits[edits.length - 1]!, selection.head)) return null;
      const here = changesAtCaret(newState, selection.head);
      const { selectedId } = redlineState(newState);
      if (here.length === 0 || (selectedId !== null && here.includes(selectedId))) return null;
      return newState.tr.setMeta(redlineKey, { type: "select", changeId: here[0] }).setMeta("addToHistory", false);
    },
  });
}

/**
 * Where the caret stands among the changes (one reading of their ranges): whether it is in or at
 * the edges of change `onId`'s words, and the first of `ids` (changes in reading order) after it
 * (`step` 1) or the last before it (-1), as Word's Next and Previous go from the insertion point —
 * a change starting at the caret is the next one, one whose words hold the caret is neither.
 */
export function caretAmongChanges(state: EditorState, ids: readonly string[], onId: string | null, step: 1 | -1): { readonly onChange: boolean; readonly near: string | null } {
  const caret = state.selection.head;
  const { draft, redline } = redlineState(state);
  const ranges = changeRanges(state.doc, draft, redline, unitPlaces(state.doc), null);
  const on = onId === null ? undefined : ranges.get(onId);
  const onChange = on !== undefined && on.from <= caret && caret <= on.to;
  if (step === 1) return { onChange, near: ids.find((id) => (ranges.get(id)?.from ?? -1) >= caret) ?? null };
  for (let i = ids.length - 1; i >= 0; i--) {
    const range = ranges.get(ids[i]!);
    if (range && (range.to < caret || (range.to === caret && range.from < caret) || (range.from === range.to && range.from < caret))) return { onChange, near: ids[i]! };
  }
  return { onChange, near: null };
}
