import { useEffect } from "react";
import type { DocumentEditor } from "../editor/documentEditor";
import { agreeToSelected, movesOn, neighbourChange, rejectSelected } from "./panel/reviewActions";

/** The keyboard shortcuts, as shown in the help popover. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ["Alt + ↓", "Next change"],
  ["Alt + ↑", "Previous change"],
  ["Alt + Shift + A", "Agree to the selected change"],
  ["Alt + Shift + R", "Reject the selected change"],
  ["↑ / ↓, Enter, →", "In the changes list: walk the rows, select one, go on to its Agree"],
  ["Alt + F10", "Reach the card of the change at the caret (Esc closes it)"],
  ["Ctrl + Alt + M", "Comment on the selected words or change"],
  ["Ctrl + F", "Find in the draft"],
  ["Ctrl + H", "Replace in the draft"],
  ["Ctrl + Z", "Undo (text and annotations)"],
  ["Ctrl + Y  or  Ctrl + Shift + Z", "Redo"],
  ["Esc, then Tab", "Leave the chapter text for the next control (Tab alone indents a list item)"],
];

/**
 * Alt+↓ and Alt+↑ walk through the changes from anywhere on the page; Alt+Shift+A agrees to the
 * selected change and Alt+Shift+R rejects it, each going on to the next unless the reviewer
 * turned that off.
 */
export function useChangeNavigation(editor: DocumentEditor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === "KeyA" || event.code === "KeyR")) {
        const done = event.code === "KeyA" ? agreeToSelected(editor, movesOn()) : rejectSelected(editor, movesOn());
        if (done) event.preventDefault();
        return;
      }
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
