import { useSyncExternalStore } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../editor/documentEditor";

/** The editor's current state; the component re-renders after every transaction. */
export function useEditorState(editor: DocumentEditor): EditorState {
  return useSyncExternalStore(
    (onChange) => editor.subscribe(onChange),
    () => editor.state,
  );
}
