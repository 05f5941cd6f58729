/**
 * Clients of one shared draft for editor tests: each a DocumentEditor bound to its own Y
 * document, mounted in the test's document; updates between them wait in inboxes until
 * delivered, so edits can cross. `disposeClients` (after each test) unmounts them.
 */
import * as Y from "yjs";
import { bindSharedAttributes, DRAFT_FRAGMENT, seedSharedAttributes, seedSharedDraft, sharedSetup } from "../../src/editor/shared";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { sharedHistoryKey } from "../../src/editor/collab";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { fixtureAmended, fixtureBase } from "./fixtures";

const cleanups: Array<() => void> = [];

/** Unmounts every client made since the last call. */
export function disposeClients(): void {
  while (cleanups.length) cleanups.pop()!();
  document.body.replaceChildren();
}

/** One client: its Y document, its editor, and the updates from the other client not yet applied. */
export interface Client {
  readonly base: OrdinanceDocument;
  readonly ydoc: Y.Doc;
  readonly editor: DocumentEditor;
  readonly inbox: Uint8Array[];
}

/** A client on `ydoc` (a reviewer's read-only copy with `readOnly`). */
export function client(ydoc: Y.Doc, readOnly = false, base: OrdinanceDocument = fixtureBase()): Client {
  const editor = new DocumentEditor({ base, draft: base, shared: sharedSetup({ fragment: ydoc.getXmlFragment(DRAFT_FRAGMENT), readOnly }) });
  const place = document.createElement("div");
  document.body.append(place);
  cleanups.push(editor.mount(place));
  const binding = bindSharedAttributes(editor, ydoc, readOnly ? { sendChange: () => {} } : {});
  cleanups.push(() => binding.dispose());
  return { base, ydoc, editor, inbox: [] };
}

/** Two clients on a draft that the first uploads; updates wait in each other's inbox. */
export function pair(readOnlySecond = false, base: OrdinanceDocument = fixtureBase(), draft: OrdinanceDocument = fixtureAmended()): [Client, Client] {
  const first = new Y.Doc();
  const local = new DocumentEditor({ base, draft });
  seedSharedDraft(local.state.doc, first.getXmlFragment(DRAFT_FRAGMENT));
  seedSharedAttributes(local.state, first);
  const second = new Y.Doc();
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
  const a = client(first, false, base);
  const b = client(second, readOnlySecond, base);
  first.on("update", (update: Uint8Array, origin: unknown) => { if (origin !== "wire") b.inbox.push(update); });
  second.on("update", (update: Uint8Array, origin: unknown) => { if (origin !== "wire") a.inbox.push(update); });
  return [a, b];
}

/** Applies the first `count` updates waiting for `to`. */
export function deliver(to: Client, count = to.inbox.length): void {
  for (const update of to.inbox.splice(0, count)) Y.applyUpdate(to.ydoc, update, "wire");
}


/** Ends `c`'s current undo group, as a pause in typing does: its next edit is undone on its own. */
export function endUndoGroup(c: Client): void {
  sharedHistoryKey.getState(c.editor.state)!.closeGroup(c.editor.state);
}
