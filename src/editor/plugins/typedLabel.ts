/**
 * A paragraph's label typed over again. A numbered paragraph shows its enumerator as a label
 * of its own (Enter at the end of "(d)" makes "(e)"); someone used to typing the label, as in
 * Word, types "(e) " at its start, and the paragraph would read "(e) (e) …" in every output.
 * When a space completes, at a paragraph's start, exactly the label the paragraph already
 * has, the typed label and its space are taken out again in the same undo step.
 */
import { Plugin, type EditorState, type Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import { isRemoteChange } from "../collab/remote";
import { codeSchema } from "../schema";

/** The range of a label typed again at the start of the caret's paragraph, when the last step typed the space that completes it. */
function retypedLabel(tr: Transaction, state: EditorState): { from: number; to: number } | null {
  const last = tr.steps[tr.steps.length - 1];
  if (!(last instanceof ReplaceStep) || !state.selection.empty) return null;
  const { slice } = last as unknown as { slice: import("prosemirror-model").Slice };
  if (slice.content.childCount !== 1 || !/^[ \u00a0]$/.test(slice.content.firstChild?.text ?? "")) return null;
  const $caret = state.selection.$from;
  const paragraph = $caret.parent;
  const label = paragraph.type === codeSchema.nodes.paragraph ? (paragraph.attrs.enumerator as string | null) : null;
  if (!label) return null;
  const typed = paragraph.textBetween(0, $caret.parentOffset);
  if (typed.length !== label.length + 1 || typed.slice(0, -1) !== label) return null;
  const start = $caret.start();
  return { from: start, to: start + typed.length };
}

/** The plugin; `createEditorState` adds it to every editor state. */
export function typedLabelPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      const tr = transactions[transactions.length - 1];
      if (!tr || !tr.docChanged || isRemoteChange(tr) || transactions.length !== 1) return null;
      const range = retypedLabel(tr, newState);
      return range ? newState.tr.delete(range.from, range.to) : null;
    },
  });
}
