/**
 * What the structure guard last refused, kept in editor state so the UI can say why a key did
 * nothing. A refusal is recorded by a transaction that changes no text (`refusalTransaction`);
 * the next change of the document clears it. Wording lives here, one place for every refusal.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";

/** The edit refused last: the sentence to show, and a count that tells two refusals apart. */
export interface RefusedEdit {
  readonly message: string;
  readonly serial: number;
}

const refusedEditKey = new PluginKey<RefusedEdit | null>("refusedEdit");

/** The sentence shown for a guard problem ("section 2-173-020 twice" → "Not applied: …"). */
export function refusalMessage(problem: string): string {
  return `Not applied: this edit would leave ${problem}, which the saved text cannot hold.`;
}

/** A transaction that records a refusal for `problem` (see structureGuard's problems); no text changes. */
export function refusalTransaction(state: EditorState, problem: string): Transaction {
  return refusalSaying(state, refusalMessage(problem));
}

/** A transaction that records a refusal worded in full (`message` is shown as it is); no text changes. */
export function refusalSaying(state: EditorState, message: string): Transaction {
  return state.tr.setMeta(refusedEditKey, message).setMeta("addToHistory", false);
}

/** Why typing does nothing for a reviewer (a view that takes no edits). */
export const TEXT_NOT_YOURS = "You review this draft: its text is the drafters'. Select words and choose Suggest… to propose other wording, or Comment.";

/** Why typing in a contents line does nothing. */
export const CONTENTS_NOT_EDITABLE = "The contents are made from the section headings: edit a section's heading, and its contents line follows.";

/** The edit refused since the document last changed, or null. */
export function refusedEdit(state: EditorState): RefusedEdit | null {
  return refusedEditKey.getState(state) ?? null;
}

/** Keeps the last refusal until the document changes. */
export function refusedEditPlugin(): Plugin<RefusedEdit | null> {
  return new Plugin<RefusedEdit | null>({
    key: refusedEditKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const message = tr.getMeta(refusedEditKey) as string | undefined;
        if (message !== undefined) return { message, serial: (value?.serial ?? 0) + 1 };
        return tr.docChanged ? null : value;
      },
    },
  });
}
