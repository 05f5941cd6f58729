import { acceptChanges, rejectChanges } from "../../editor/redline/commands";
import type { DocumentEditor } from "../../editor/documentEditor";
import { redlineState } from "../../editor/redline/plugin";
import { panelModel } from "./panelRows";

/** What Agree means here, for labels and tooltips: agreement is recorded; the text keeps the change. */
export const AGREE_MEANS = "Record agreement: the change stays in the redline (the ordinance shows every change against the law) and is marked agreed";
/** What Reject means here: the text goes back to the base's wording. */
export const REJECT_MEANS = "Reject: the draft's text goes back to the base's wording for this change";

/** The change after (or before) the selected one among those the panel shows. */
export function neighbourChange(editor: DocumentEditor, step: 1 | -1): string | null {
  const { redline, annotations, filter, selectedId } = redlineState(editor.state);
  const ids = panelModel(redline, annotations, filter).changeIds;
  if (ids.length === 0) return null;
  const at = selectedId ? ids.indexOf(selectedId) : -1;
  if (at < 0) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))]!;
}

/** The ids the panel lists, in its order (the filter applies), and where the selected one stands. */
function listed(editor: DocumentEditor): { ids: readonly string[]; at: number } {
  const { redline, annotations, filter, selectedId } = redlineState(editor.state);
  const ids = panelModel(redline, annotations, filter).changeIds;
  return { ids, at: selectedId ? ids.indexOf(selectedId) : -1 };
}

/**
 * Agrees to the selected change; with `moveOn`, selects the next listed change after it.
 * Returns false (and does nothing) when no change is selected.
 */
export function agreeToSelected(editor: DocumentEditor, moveOn: boolean): boolean {
  const { ids, at } = listed(editor);
  if (at < 0) return false;
  editor.run(acceptChanges([ids[at]!]), false);
  if (moveOn && at + 1 < ids.length) editor.goToChange(ids[at + 1]!);
  return true;
}

/**
 * Rejects the selected change (its text reverts); with `moveOn`, selects the change that now
 * stands where it stood in the list — the one that followed it, whatever id it now has.
 * Returns false (and does nothing) when no change is selected.
 */
export function rejectSelected(editor: DocumentEditor, moveOn: boolean): boolean {
  const { ids, at } = listed(editor);
  if (at < 0) return false;
  if (!editor.run(rejectChanges([ids[at]!]), !moveOn)) return false;
  if (!moveOn) return true;
  const after = listed(editor).ids;
  if (after.length > 0) editor.goToChange(after[Math.min(at, after.length - 1)]!);
  return true;
}

/** Agrees to every change of the draft, or rejects every one, after asking. False when cancelled or nothing to do. */
export function settleEveryChange(editor: DocumentEditor, how: "agree" | "reject", ask: (question: string) => boolean = (question) => window.confirm(question)): boolean {
  const ids = redlineState(editor.state).redline.changes.map((change) => change.id);
  if (ids.length === 0) return false;
  const question = how === "agree"
    ? `Record agreement to all ${ids.length} changes? The text stays as drafted.`
    : `Reject all ${ids.length} changes? The draft goes back to the base text (Undo takes it back).`;
  if (!ask(question)) return false;
  return editor.run(how === "agree" ? acceptChanges(ids) : rejectChanges(ids), false);
}

const MOVE_ON_KEY = "ordinance-redline:review-move-on";

/** Whether Agree and Reject go on to the next change (the reviewer's choice, kept in this browser; on unless turned off). */
export function movesOn(): boolean {
  try {
    return window.localStorage.getItem(MOVE_ON_KEY) !== "no";
  } catch {
    return true;
  }
}

/** Keeps the reviewer's choice of `movesOn`. */
export function setMovesOn(value: boolean): void {
  try {
    window.localStorage.setItem(MOVE_ON_KEY, value ? "yes" : "no");
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}
