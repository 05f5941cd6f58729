/** Saving an editor state through the real path and opening the file again, for save-and-reopen checks. */
import type { EditorState } from "prosemirror-state";
import { AmendmentFileError, parseAmendment, serializeAmendment } from "../../src/core/amendmentFile";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { draftContent, loadContent } from "../../src/ui/drafts/draftContent";
import { fixtureBase } from "./fixtures";

/** The document without its ids: what the saved text must give back. */
export function shape(doc: OrdinanceDocument): string {
  return JSON.stringify(doc, (key, value: unknown) => (key === "id" ? undefined : value));
}

/** The state after saving `state` (draftContent → amendment file text → parse → a new editor). */
export function reopened(state: EditorState): EditorState {
  const text = serializeAmendment(draftContent(state, "Draft"), "2026-01-01T00:00:00.000Z");
  const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
  let content;
  try {
    content = parseAmendment(text);
  } catch (error) {
    if (error instanceof AmendmentFileError) throw new Error(`${error.message}${error.cause ? ` (${String(error.cause)})` : ""}`);
    throw error;
  }
  loadContent(editor, content);
  return editor.state;
}
