/**
 * Undo and redo of the draft, whichever history the editor has: prosemirror-history for a
 * local draft, Y's undo manager (one's own edits only) for a shared one.
 */
import { redo as historyRedo, undo as historyUndo } from "prosemirror-history";
import type { Command } from "prosemirror-state";
import { redoCommand, undoCommand, yUndoPluginKey } from "y-prosemirror";

/** Undoes the last edit of this person (with dispatch undefined: whether there is one). */
export const undoDraft: Command = (state, dispatch) =>
  yUndoPluginKey.getState(state) ? undoCommand(state, dispatch) : historyUndo(state, dispatch);

/** Redoes the last undone edit of this person (with dispatch undefined: whether there is one). */
export const redoDraft: Command = (state, dispatch) =>
  yUndoPluginKey.getState(state) ? redoCommand(state, dispatch) : historyRedo(state, dispatch);
