import { useEffect, useState } from "react";
import type { DocumentEditor } from "../editor/documentEditor";
import { refusedEdit, type RefusedEdit } from "../editor/plugins/refusedEdit";

/** How long a refusal stays on screen when nothing else clears it (ms). */
const SHOWN_FOR = 6000;

/**
 * Says why the last key did nothing when the structure guard refused an edit: a short line
 * fixed at the bottom of the window (so nothing on the page moves), gone at the next change
 * of the text, on Dismiss, or after a few seconds. Reads the editor's state directly, so a
 * large chapter's batched panel refresh never delays it; renders only when the refusal changes.
 */
export function RefusedEditToast({ editor }: { editor: DocumentEditor }) {
  const [shown, setShown] = useState<RefusedEdit | null>(() => refusedEdit(editor.state));
  useEffect(() => editor.subscribe((state) => {
    const next = refusedEdit(state);
    setShown((current) => (current?.serial === next?.serial && current?.message === next?.message ? current : next));
  }), [editor]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), SHOWN_FOR);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="refused-edit" role="status" aria-live="polite" data-testid="refused-edit">
      <span>{shown.message}</span>
      <button type="button" className="link-button" onClick={() => setShown(null)}>Dismiss</button>
    </div>
  );
}
