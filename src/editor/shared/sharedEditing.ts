/**
 * The editor side of a shared draft: the draft text lives in a Y.XmlFragment that y-prosemirror
 * keeps in step with the editor; other people's carets come from the awareness; undo takes back
 * only this client's own edits (Y's undo manager tracks the sync plugin's origin alone).
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, type EditorState, type Transaction } from "prosemirror-state";
import { DocAttrStep } from "prosemirror-transform";
import { sharedThreadUndoPlugin } from "./threadUndo";
import { prosemirrorToYXmlFragment, redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin, yUndoPluginKey, yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { codeSchema } from "../schema";
import { isRemoteChange, type SharedSetup } from "../collab/remote";
import { sharedHistoryKey } from "../collab/history";
import { isSharedAttributesPull } from "./sharedAttributes";

/**
 * Refuses local changes of the document (see `SharedEditing.readOnly`), but for comments: a
 * change of the annotations or threads alone goes on, to be sent to the server, which checks it
 * (see core/sharedDraft's reviewerRefusal) and writes it for everyone, or refuses it.
 */
function readOnlyPlugin(): Plugin {
  return new Plugin({ filterTransaction: (tr) => !tr.docChanged || isRemoteChange(tr) || isSharedAttributesPull(tr) || changesCommentsOnly(tr) });
}

function changesCommentsOnly(tr: Transaction): boolean {
  return tr.steps.every((step) => step instanceof DocAttrStep && (step.attr === "threads" || step.attr === "annotations" || step.attr === "suggestions"));
}

/**
 * Keeps a person's edit undoable in a shared draft. The sync plugin writes a whole dispatch to
 * Y with the `addToHistory` of its last transaction, so a bookkeeping transaction appended after
 * the edit (fresh block ids, the selected change, section groups: each `addToHistory: false`)
 * would keep the edit out of Y's undo manager. After such a tail, when the edit it follows is a
 * local one that belongs in the history, an empty transaction is appended that does.
 */
function undoableEditsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      const last = transactions[transactions.length - 1];
      if (!last || last.getMeta("addToHistory") !== false) return null;
      const edit = (last.getMeta("appendedTransaction") as Transaction | undefined) ?? last;
      if (!edit.docChanged || edit.getMeta("addToHistory") === false || isRemoteChange(edit)) return null;
      return newState.tr.setMeta("addToHistory", true);
    },
  });
}

/** What a shared editing session needs: the shared draft text and, for presence, the awareness. */
export interface SharedEditing {
  readonly fragment: Y.XmlFragment;
  readonly awareness?: Awareness;
  /**
   * A reviewer's or viewer's draft: the server refuses their updates, so the editor refuses
   * every local change of the text first rather than let this copy drift from the shared one;
   * comments alone go on (and to the server). Remote changes still come in.
   */
  readonly readOnly?: boolean;
}

/** Who a client is, as the awareness tells other clients (see `presenceOf`). */
export interface PresenceUser {
  readonly name: string;
  readonly office: string;
  /** A CSS colour, #rrggbb. */
  readonly color: string;
}


/**
 * The plugins that bind an editor to `shared`: sync, carets of others and the shared undo.
 * They take the place of prosemirror-history (see editorState's `shared` option).
 */
export function sharedEditingPlugins(shared: SharedEditing): Plugin[] {
  return [
    ...(shared.readOnly ? [readOnlyPlugin()] : []),
    ySyncPlugin(shared.fragment),
    undoableEditsPlugin(),
    ...(shared.awareness ? [yCursorPlugin(shared.awareness, { cursorBuilder: caretOf })] : []),
    yUndoPlugin(),
    sharedThreadUndoPlugin(),
    new Plugin({
      key: sharedHistoryKey,
      state: { init: () => ({ undo: undoCommand, redo: redoCommand, closeGroup: (state: EditorState) => yUndoPluginKey.getState(state)?.undoManager?.stopCapturing() }), apply: (_tr, value) => value },
    }),
  ];
}

/** The setup that binds an editor to `shared` (see editorState's `shared` option). Throws when its text is no valid document. */
export function sharedSetup(shared: SharedEditing): SharedSetup {
  return { plugins: sharedEditingPlugins(shared), doc: sharedDraftNode(shared.fragment) };
}

/** The draft text in `fragment` as a document of the code schema (attributes at their defaults). Throws when the fragment holds no valid document. */
export function sharedDraftNode(fragment: Y.XmlFragment): PMNode {
  const node = yXmlFragmentToProseMirrorRootNode(fragment, codeSchema);
  node.check();
  return node;
}

/** Writes `doc` into an empty `fragment` (the first upload of a draft). */
export function seedSharedDraft(doc: PMNode, fragment: Y.XmlFragment): void {
  if (fragment.length > 0) throw new Error("the shared draft already has text");
  prosemirrorToYXmlFragment(doc, fragment);
}

/** The caret shown for another person: a coloured bar with their name (text, never HTML). */
function caretOf(user: { name?: unknown; office?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#666666";
  const caret = document.createElement("span");
  caret.className = "remote-caret";
  // The name is for the eye; assistive technology reads the presence list instead of the text's carets.
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "remote-caret-name";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "Someone";
  if (typeof user.office === "string") label.title = user.office;
  caret.append(label);
  return caret;
}
