import { useEffect } from "react";
import type { DocumentEditor } from "../editor/documentEditor";
import { redlineState } from "../editor/redline/plugin";
import { panelModel } from "./panel/panelRows";

/** The keyboard shortcuts, as shown in the help popover. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ["Alt + ↓", "Next change"],
  ["Alt + ↑", "Previous change"],
  ["Ctrl + Z", "Undo (text and annotations)"],
  ["Ctrl + Y  or  Ctrl + Shift + Z", "Redo"],
];

/** The change after (or before) the selected one among those the panel shows. */
export function neighbourChange(editor: DocumentEditor, step: 1 | -1): string | null {
  const { redline, annotations, filter, selectedId } = redlineState(editor.state);
  const model = panelModel(redline, annotations, filter);
  const ids = model.changeIds;
  if (ids.length === 0) return null;
  const at = selectedId ? ids.indexOf(selectedId) : -1;
  if (at < 0) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  // A row of re-lettered labels is one stop: step past the ids its row shows, to the next row's first.
  const row = model.rowOfChange(selectedId!);
  let next = at;
  do next += step; while (next >= 0 && next < ids.length && model.rowOfChange(ids[next]!) === row);
  if (next < 0 || next >= ids.length) return ids[at]!;
  const target = model.row(model.rowOfChange(ids[next]!));
  return target?.kind === "change" ? target.change.id : ids[next]!;
}

/** Alt+↓ and Alt+↑ walk through the changes from anywhere on the page. */
export function useChangeNavigation(editor: DocumentEditor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      const id = neighbourChange(editor, event.key === "ArrowDown" ? 1 : -1);
      if (!id) return;
      event.preventDefault();
      editor.goToChange(id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editor]);
}
