import { useEffect } from "react";
import type { DocumentEditor } from "../../editor/documentEditor";
import { requestComment } from "../../editor/comments/commands";

/**
 * Ctrl+Alt+M (as in Word) asks for a new comment on the selected words, or on the change at the
 * caret or selected in the panel, from anywhere on the page; the Comments tab then opens its box.
 */
export function useCommentShortcut(editor: DocumentEditor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey && event.altKey && !event.shiftKey && !event.metaKey && event.code === "KeyM")) return;
      if (editor.run(requestComment(), false)) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editor]);
}
