/**
 * Undo and redo of the draft, whichever history the editor has: prosemirror-history for a
 * local draft; for a shared one, the commands its plugins put under `sharedHistoryKey` (Y's undo
 * manager: one's own edits only). Light: nothing of Yjs is loaded here.
 */
import { redo as historyRedo, undo as historyUndo } from "prosemirror-history";
import { PluginKey, type Command, type EditorState } from "prosemirror-state";

/** The undo and redo a shared draft's plugins provide. */
export interface SharedHistory {
  readonly undo: Command;
  readonly redo: Command;
  /** Ends the current undo group, so the next edit starts a new one (typing undoes a word at a time). */
  readonly closeGroup: (state: EditorState) => void;
}

/** Where a shared draft's plugins keep their undo and redo (see editor/shared). */
export const sharedHistoryKey = new PluginKey<SharedHistory>("sharedHistory");

/** Undoes the last edit of this person (with dispatch undefined: whether there is one). */
export const undoDraft: Command = (state, dispatch, view) => (sharedHistoryKey.getState(state)?.undo ?? historyUndo)(state, dispatch, view);

/** Redoes the last undone edit of this person (with dispatch undefined: whether there is one). */
export const redoDraft: Command = (state, dispatch, view) => (sharedHistoryKey.getState(state)?.redo ?? historyRedo)(state, dispatch, view);
