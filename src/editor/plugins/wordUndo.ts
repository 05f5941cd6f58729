/**
 * Typing undoes a word at a time, as in Word: a typed character that starts a word (after a
 * space) closes the undo group, so
 * Ctrl+Z takes back the last word typed rather than the whole sentence.
 */
import { closeHistory } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import { sharedHistoryKey } from "../collab/history";

/** Whether `tr` types one non-space character right after a space: the first letter of a new word. */
export function startsWord(state: EditorState, tr: Transaction): boolean {
  if (tr.steps.length !== 1) return false;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep) || step.from !== step.to || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return false;
  const typed = step.slice.content.textBetween(0, step.slice.content.size);
  if (typed.length !== 1 || typed.length !== step.slice.content.size || !/\S/.test(typed)) return false;
  const $at = state.doc.resolve(step.from);
  if (!$at.parent.inlineContent || $at.parentOffset === 0) return false;
  return /\s/.test(state.doc.textBetween(step.from - 1, step.from));
}

/** `tr`, marked to start a new undo group when it begins a word (see `startsWord`). */
export function withWordUndo(state: EditorState, tr: Transaction): Transaction {
  if (!startsWord(state, tr)) return tr;
  // A shared draft's undo (Y's undo manager) groups by time: its group is closed here too.
  sharedHistoryKey.getState(state)?.closeGroup(state);
  return closeHistory(tr);
}
