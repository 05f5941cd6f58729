import { useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { suggestWording } from "../../editor/suggestions";
import { docCurrentUser } from "../../editor/comments/threadsPlugin";
import { useModalDialog } from "../useModalDialog";

/**
 * "Suggest…": proposes wording for the selected words (empty wording proposes deleting them), or,
 * with only a caret, words to insert after the word before it. The selection is taken when the
 * dialog opens, so the text may change meanwhile.
 */
export function SuggestDialog({ open, editor, state, onClose }: { readonly open: boolean; readonly editor: DocumentEditor; readonly state: EditorState; readonly onClose: () => void }) {
  const [range, setRange] = useState({ from: 0, to: 0 });
  const [words, setWords] = useState("");
  const [wording, setWording] = useState("");
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(open, () => {
    const { from, to } = state.selection;
    setRange({ from, to });
    const selected = state.doc.textBetween(from, to, " ");
    setWords(selected);
    setWording(selected);
    setError(null);
  });
  const submit = () => {
    const done = editor.run(suggestWording(range.from, range.to, wording, docCurrentUser(state)), false);
    if (!done) { setError(range.from === range.to ? "Put the caret after a word to suggest words to insert, and write them." : "Change the wording first: a suggestion proposes different words."); return; }
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} className="suggest-dialog" aria-labelledby="suggest-title" onClose={onClose}>
      <h2 id="suggest-title">Suggest wording</h2>
      <p>{words ? <>For <q>{words.length > 160 ? `${words.slice(0, 160)}…` : words}</q></> : "Words to insert after the word before the caret."}</p>
      <label>Proposed wording{words ? " (empty: delete these words)" : ""}
        <textarea value={wording} onChange={(event) => setWording(event.target.value)} rows={4} maxLength={20_000} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={submit}>Suggest</button>
        <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
      </div>
    </dialog>
  );
}
