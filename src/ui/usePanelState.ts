import { useEffect, useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../editor/documentEditor";

/** Documents larger than this (in characters) refresh the panels at most every `LARGE_DELAY` ms. */
const LARGE_DOCUMENT = 300_000;
const LARGE_DELAY = 150;

/**
 * The editor's state for panels beside the editor. For a large chapter, React renders at most
 * every 150 ms while typing goes on: every React commit measures the focused editor's selection
 * by walking its text, which on a 2 MB chapter costs more than a frame. The editor itself
 * never waits for React: it updates on every keystroke.
 */
export function usePanelState(editor: DocumentEditor): EditorState {
  const [state, setState] = useState(editor.state);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    setState(editor.state);
    const unsubscribe = editor.subscribe((next) => {
      if (next.doc.content.size < LARGE_DOCUMENT) { setState(next); return; }
      timer ??= setTimeout(() => { timer = null; setState(editor.state); }, LARGE_DELAY);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return state;
}
