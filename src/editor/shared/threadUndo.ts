/**
 * Comment threads through a shared draft's Undo and Redo, as in a local draft (threadHistory):
 * each event of Y's undo manager keeps where the threads stood before it, by anchor, and taking
 * the event back or making it again puts every thread whose words return back on them. Without
 * it a thread whose words were deleted would come back shrunk or detached after Undo, since the
 * words Undo restores are an insertion at the thread's edge.
 */
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { yUndoPluginKey } from "y-prosemirror";
import { anchoredThreadPlaces, restoreThreadPlaces, type AnchoredPlace } from "../comments/threadsPlugin";

/** The state before the last change of the text (before the first of a dispatch and its appended transactions). */
const beforeChangeKey = new PluginKey<EditorState | null>("sharedThreadUndo");

/** Where the places are kept in an undo event's meta. */
const PLACES = "commentThreadPlaces";

interface StackEvent {
  readonly stackItem: { readonly meta: Map<unknown, unknown> };
}

/** The plugin; it goes after y-prosemirror's undo plugin. */
export function sharedThreadUndoPlugin(): Plugin<EditorState | null> {
  return new Plugin<EditorState | null>({
    key: beforeChangeKey,
    state: {
      init: () => null,
      apply: (tr, before, oldState) => (tr.docChanged && !tr.getMeta("appendedTransaction") ? oldState : before),
    },
    view(view) {
      const undoManager = yUndoPluginKey.getState(view.state)?.undoManager;
      if (!undoManager) return {};
      // A new event (an edit, or the redo event an undo makes): the threads as they stood before that change.
      const added = ({ stackItem }: StackEvent) => {
        const before = beforeChangeKey.getState(view.state);
        if (before) stackItem.meta.set(PLACES, anchoredThreadPlaces(before));
      };
      // The event was just taken back or made again: its text is in the view now.
      const popped = ({ stackItem }: StackEvent) => {
        const places = stackItem.meta.get(PLACES) as ReadonlyMap<string, AnchoredPlace> | undefined;
        const tr = places && restoreThreadPlaces(view.state, places);
        if (tr) view.dispatch(tr);
      };
      undoManager.on("stack-item-added", added);
      undoManager.on("stack-item-popped", popped);
      return {
        destroy: () => {
          undoManager.off("stack-item-added", added);
          undoManager.off("stack-item-popped", popped);
        },
      };
    },
  });
}
