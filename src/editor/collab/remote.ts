/**
 * Transactions that bring another client's edit in. y-prosemirror applies a remote change as one
 * step replacing the whole document; `narrowRemoteTransaction` turns it into the smallest
 * equivalent replacement, so the redline's incremental update, decoration mapping and every
 * plugin see only what changed. Plugins that normalise the document (ids, contents, levels,
 * section groups) leave remote changes alone: the client that made the edit already normalised
 * it, and two clients writing the same fix at once would write it twice.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Selection, type EditorState, type Plugin, type Transaction } from "prosemirror-state";
import { ySyncPluginKey } from "y-prosemirror";

/**
 * What binds an editor to a shared draft (built by editor/shared's `sharedSetup`): its plugins
 * and the document its shared text holds. The editor core takes it as given, so Yjs loads only
 * with shared drafts.
 */
export interface SharedSetup {
  readonly plugins: readonly Plugin[];
  /** The draft text as the shared document holds it (attributes are the editor's). */
  readonly doc: PMNode;
}

/** Whether `state` is bound to a shared draft. */
export function isSharedDraft(state: EditorState): boolean {
  return ySyncPluginKey.getState(state) !== undefined;
}

/** Whether `tr` applies a change that came from the shared document (another client, or undo through it). */
export function isRemoteChange(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/**
 * The same change as `tr` (a remote change applied to `state`) as one replacement of just the
 * range that differs, with `tr`'s metadata and selection. `tr` itself when it is not a remote
 * change or its document is unchanged.
 */
export function narrowRemoteTransaction(state: EditorState, tr: Transaction): Transaction {
  if (!tr.docChanged || !isRemoteChange(tr) || tr.before !== state.doc) return tr;
  const before = state.doc;
  const after = tr.doc;
  const start = before.content.findDiffStart(after.content);
  const narrow = state.tr;
  if (start !== null) {
    const end = before.content.findDiffEnd(after.content) ?? { a: before.content.size, b: after.content.size };
    // The end positions can overlap the start when the change repeats text around it.
    const overlap = Math.max(0, start - Math.min(end.a, end.b));
    narrow.replace(start, end.a + overlap, after.slice(start, end.b + overlap));
  }
  if (!narrow.doc.eq(after)) return tr;
  copyMeta(tr, narrow);
  narrow.setSelection(Selection.fromJSON(narrow.doc, tr.selection.toJSON()));
  if (!tr.storedMarksSet) narrow.setStoredMarks(null);
  return narrow;
}

/** The metadata y-prosemirror and the history read. */
function copyMeta(from: Transaction, to: Transaction): void {
  to.setMeta(ySyncPluginKey, from.getMeta(ySyncPluginKey));
  const addToHistory = from.getMeta("addToHistory");
  if (addToHistory !== undefined) to.setMeta("addToHistory", addToHistory);
  to.setTime(from.time);
  if (from.scrolledIntoView) to.scrollIntoView();
}
