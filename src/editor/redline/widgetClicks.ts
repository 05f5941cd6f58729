/**
 * A click on struck words. They are widgets outside the document (not editable), so a click would
 * leave the browser's caret inside them, where typing goes nowhere and Home and End scroll the
 * page. Instead the caret goes to the widget's place in the text — the start of the struck words,
 * or, for a click on their second half, just after them — as in Word, where a click on deleted
 * text puts the caret there and typing goes on around it.
 */
import { Selection, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

const STRUCK = "del[data-change-id], .redline-replaced, .redline-delete-block, .redline-pilcrow";

/** Handles a mousedown on struck words (returns true when it did). */
export function clickOnStruckWords(view: EditorView, event: MouseEvent): boolean {
  if (event.button !== 0 || event.shiftKey || event.detail > 1 || !(event.target instanceof Element)) return false;
  const struck = event.target.closest(STRUCK);
  if (!struck || !view.dom.contains(struck)) return false;
  // The widget's own element is the outermost of these inside the editor.
  let widget: Element = struck;
  for (let up = struck.parentElement?.closest(STRUCK); up && view.dom.contains(up); up = up.parentElement?.closest(STRUCK)) widget = up;
  let pos: number;
  try {
    pos = view.posAtDOM(widget, 0);
  } catch {
    return false;
  }
  const box = widget.getBoundingClientRect();
  const after = !widget.classList.contains("redline-delete-block") && event.clientX > box.left + box.width / 2 && event.clientY >= box.top && event.clientY <= box.bottom;
  const $pos = view.state.doc.resolve(Math.max(0, Math.min(pos, view.state.doc.content.size)));
  const selection = $pos.parent.inlineContent ? TextSelection.create(view.state.doc, $pos.pos) : Selection.near($pos, after ? 1 : -1);
  event.preventDefault();
  view.focus();
  view.dispatch(view.state.tr.setSelection(selection).setMeta("pointer", true));
  return true;
}
