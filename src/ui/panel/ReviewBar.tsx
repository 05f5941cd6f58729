import type { DocumentEditor } from "../../editor/documentEditor";
import { neighbourChange, settleEveryChange } from "./reviewActions";

/**
 * Previous / Next change, and Agree to all / Reject all for the whole draft (each after asking);
 * `readOnly` (a comparison of versions, a shared draft's reviewer) leaves Previous / Next alone.
 */
export function ReviewBar({ editor, hasChanges, readOnly = false }: { readonly editor: DocumentEditor; readonly hasChanges: boolean; readonly readOnly?: boolean }) {
  const go = (step: 1 | -1) => {
    const id = neighbourChange(editor, step);
    if (id) editor.goToChange(id);
  };
  return (
    <div className="review-bar" role="group" aria-label="Review">
      <button type="button" className="mini" onClick={() => go(-1)} disabled={!hasChanges} title="Previous change (Alt+↑)">◀ Previous</button>
      <button type="button" className="mini" onClick={() => go(1)} disabled={!hasChanges} title="Next change (Alt+↓)">Next ▶</button>
      {!readOnly && <>
      <span className="review-bar-gap" />
      <button type="button" className="mini" onClick={() => settleEveryChange(editor, "agree")} disabled={!hasChanges}
        title="Record agreement to every change in the draft (they stay in the redline)">Agree to all…</button>
      <button type="button" className="mini" onClick={() => settleEveryChange(editor, "reject")} disabled={!hasChanges}
        title="Reject every change in the draft: the text goes back to the base">Reject all…</button>
      </>}
    </div>
  );
}
