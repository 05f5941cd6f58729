/**
 * A read-only view of a document, as the editor shows it but with no redline and no editing:
 * the Original markup view shows the base this way. Rendered from the schema alone, so it
 * depends on no plugin of the live editor.
 */
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { OrdinanceDocument } from "../core/model/document";
import { toProseMirror } from "./convert";
import { codeSchema } from "./schema";

/**
 * Shows `doc` in `element`, not editable (the view never takes an edit; its label says it is read only).
 * Returns the cleanup that removes the view.
 */
export function mountReadOnly(element: HTMLElement, doc: OrdinanceDocument, attributes: Record<string, string> = {}): () => void {
  const state = EditorState.create({ schema: codeSchema, doc: toProseMirror(doc) });
  const view = new EditorView(element, { state, editable: () => false, attributes });
  return () => view.destroy();
}
