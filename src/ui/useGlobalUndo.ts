import { useEffect } from "react";
import { redoDraft as redo, undoDraft as undo } from "../editor/collab";
import type { DocumentEditor } from "../editor/documentEditor";

/** Which history command a key press asks for, if any: Ctrl/⌘+Z undo; Ctrl+Y and Ctrl/⌘+Shift+Z redo. */
export function historyKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

/** True where the browser's own undo belongs: a text field, or the editor (whose keymap handles it). */
function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest(".ProseMirror")) return true;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !["button", "checkbox", "radio", "submit", "reset"].includes(target.type));
}

/**
 * Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z undo and redo the draft wherever focus is (a toolbar button,
 * the changes panel, the page after a dialog closed), as Word's do; a text field keeps its own
 * undo, and the editor keeps its keymap.
 */
export function useGlobalUndo(editor: DocumentEditor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const wanted = historyKey(event);
      if (!wanted || event.defaultPrevented || ownsUndo(event.target)) return;
      event.preventDefault();
      editor.run(wanted === "undo" ? undo : redo, false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editor]);
}
