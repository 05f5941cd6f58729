import { acceptChanges, rejectChanges } from "../../editor/redline/commands";
import type { DocumentEditor } from "../../editor/documentEditor";
import { caretAmongChanges } from "../../editor/redline/caretSelection";
import { redlineState } from "../../editor/redline/plugin";
import { panelModel, type PanelModel } from "./panelRows";

/** What Agree means here, for labels and tooltips: agreement is recorded; the text keeps the change. */
export const AGREE_MEANS = "Record agreement: the change stays in the redline (the ordinance shows every change against the law) and is marked agreed";
/** Why Agree and Reject are not offered to a reviewer of a shared draft. */
export const DRAFTERS_DECIDE = "Reviewers comment and suggest; a drafter agrees to or rejects changes";
/** What Reject means here: the text goes back to the base's wording. */
export const REJECT_MEANS = "Reject: the draft's text goes back to the base's wording for this change";

/** The ids of the changes shown in one row with `id` (a run of re-lettered labels), or undefined for a row of one. */
export function groupOf(model: PanelModel, id: string): readonly string[] | undefined {
  const row = model.row(model.rowOfChange(id));
  return row?.kind === "change" && row.members ? row.members.map((member) => member.id) : undefined;
}

/**
 * The change after (or before) the selected one among those the panel shows, one row at a time:
 * a row of re-lettered labels is one stop. When the caret is not on the selected change (nothing
 * is selected, or the reviewer clicked elsewhere in the text), the first change after the caret
 * (or the last before it), as Word's Next and Previous go; null when there is none.
 */
export function neighbourChange(editor: DocumentEditor, step: 1 | -1): string | null {
  const { redline, annotations, filter, selectedId } = redlineState(editor.state);
  const model = panelModel(redline, annotations, filter);
  const ids = model.changeIds;
  if (ids.length === 0) return null;
  const at = selectedId ? ids.indexOf(selectedId) : -1;
  const caret = at >= 0 && editor.stillAtChange(selectedId!) ? null : caretAmongChanges(editor.state, ids, at >= 0 ? selectedId : null, step);
  if (caret && !caret.onChange) {
    // The caret is elsewhere (a click in the text): go from the caret, as Word does.
    if (caret.near === null) return null;
    const target = model.row(model.rowOfChange(caret.near));
    return target?.kind === "change" ? target.change.id : caret.near;
  }
  const row = model.rowOfChange(selectedId!);
  let next = at;
  do next += step; while (next >= 0 && next < ids.length && model.rowOfChange(ids[next]!) === row);
  if (next < 0 || next >= ids.length) return ids[at]!;
  const target = model.row(model.rowOfChange(ids[next]!));
  return target?.kind === "change" ? target.change.id : ids[next]!;
}

/** The selected row: the ids it acts on (the whole run for a re-lettering row) and where it stands in the list. */
function selectedRow(editor: DocumentEditor): { readonly group: readonly string[]; readonly at: number } | null {
  const { redline, annotations, filter, selectedId } = redlineState(editor.state);
  if (selectedId === null) return null;
  const model = panelModel(redline, annotations, filter);
  const group = groupOf(model, selectedId) ?? [selectedId];
  const at = Math.min(...group.map((id) => model.changeIds.indexOf(id)));
  return at < 0 ? null : { group, at };
}

/**
 * Agrees to the selected row's changes; with `moveOn`, selects the next row's change.
 * Returns false (and does nothing) when no change is selected.
 */
export function agreeToSelected(editor: DocumentEditor, moveOn: boolean): boolean {
  const row = editor.canChangeDraft ? selectedRow(editor) : null;
  if (!row) return false;
  const next = moveOn ? neighbourChange(editor, 1) : null;
  editor.run(acceptChanges(row.group), false);
  if (next !== null && !row.group.includes(next)) editor.goToChange(next);
  return true;
}

/**
 * Rejects the selected row's changes (their text reverts); with `moveOn`, selects the change
 * that now stands where they stood in the list — the one that followed, whatever id it now has.
 * Returns false (and does nothing) when no change is selected.
 */
export function rejectSelected(editor: DocumentEditor, moveOn: boolean): boolean {
  const row = editor.canChangeDraft ? selectedRow(editor) : null;
  if (!row) return false;
  if (!editor.run(rejectChanges(row.group), !moveOn)) return false;
  if (!moveOn) return true;
  const { redline, annotations, filter } = redlineState(editor.state);
  const after = panelModel(redline, annotations, filter).changeIds;
  if (after.length > 0) editor.goToChange(after[Math.min(row.at, after.length - 1)]!);
  return true;
}

/** Agrees to every change of the draft, or rejects every one, after asking. False when cancelled or nothing to do. */
export function settleEveryChange(editor: DocumentEditor, how: "agree" | "reject", ask: (question: string) => boolean = (question) => window.confirm(question)): boolean {
  const ids = redlineState(editor.state).redline.changes.map((change) => change.id);
  if (ids.length === 0 || !editor.canChangeDraft) return false;
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
