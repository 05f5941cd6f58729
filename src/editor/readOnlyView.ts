/**
 * Read-only views. `mountReadOnly`: a document as the editor shows it but with no redline and
 * no editing (the Original markup view shows the base this way), rendered from the schema
 * alone, so it depends on no plugin of the live editor. `mountReadOnlyRedline`: the redline
 * between two texts (Versions → Compare), with the live editor's marks, selection and
 * navigation, taking no edit.
 */
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { OrdinanceDocument } from "../core/model/document";
import { DocumentEditor } from "./documentEditor";
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

/**
 * An editor holding the redline from `from` to `to` (no sponsors' annotations: they belong to
 * a draft against its base), for `mountReadOnlyRedline`. Its change list is `compare(from, to)`'s.
 */
export function comparisonEditor(from: OrdinanceDocument, to: OrdinanceDocument, sponsors: DocumentEditorSponsors = null): DocumentEditor {
  return new DocumentEditor({ base: from, draft: to, sponsors, annotations: [] });
}

type DocumentEditorSponsors = ConstructorParameters<typeof DocumentEditor>[0]["sponsors"];

/**
 * Shows `editor`'s redline in `element`, not editable: the page's typing, pasting and dropping
 * never reach it (its label should say it is read only); selecting and walking its changes
 * still work. Returns the cleanup that removes the view.
 */
export function mountReadOnlyRedline(element: HTMLElement, editor: DocumentEditor, attributes: Record<string, string> = {}): () => void {
  return editor.mount(element, attributes, { editable: false });
}
