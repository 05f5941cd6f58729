/** What the app shell knows of a shared draft (types only: nothing of Yjs is loaded through here). */
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor, EditorContent } from "../../editor/documentEditor";
import type { SharedConnection } from "./sharedConnection";

/** Who made a change, and when (ISO 8601). */
export interface ChangeAttribution {
  readonly by: { readonly name: string; readonly office: string };
  readonly at: string;
  /** Already in the draft when `by` shared it. */
  readonly uploaded?: boolean;
}

/** A shared draft open in the app (built by sharedSession.ts). */
export interface SharedSession {
  readonly connection: SharedConnection;
  /** The editor content bound to the shared document. */
  readonly content: EditorContent;
  /** Binds the editor's comments, suggestions, sponsors and settings to the shared document and records authorship; returns the cleanup. */
  bind(editor: DocumentEditor, onRefused: (reason: string) => void): () => void;
  /** Credits the next text edit to someone else (an accepted suggestion is its suggester's). */
  creditNextEdit(author: { readonly name: string; readonly office: string }): void;
  /** Who made change `changeId` of `state`'s redline, when known. */
  attributionOf(state: EditorState, changeId: string): ChangeAttribution | undefined;
}
