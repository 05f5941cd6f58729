import { useEffect, useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../editor/documentEditor";

/** Documents larger than this (in characters of the editor's content) batch panel refreshes. */
const LARGE_DOCUMENT = 300_000;
/** A pause in typing this long (ms) refreshes the panels of a large document. */
const QUIET = 200;
/** During continuous typing, the panels of a large document are refreshed at least this often (ms). */
const MAX_WAIT = 1000;

/**
 * The editor's state for panels beside the editor. For a small chapter every state is rendered
 * at once. For a large one, React renders when typing pauses for 200 ms, and at least once a
 * second while it goes on: each React commit costs a few milliseconds of layout and rendering
 * on a 2 MB chapter, and a key pressed meanwhile waits for it. The editor itself never waits for
 * React: its text and redline marks update on every keystroke.
 */
export function usePanelState(editor: DocumentEditor): EditorState {
  const [state, setState] = useState(editor.state);
  useEffect(() => {
    let quiet: ReturnType<typeof setTimeout> | null = null;
    let deadline: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (quiet) clearTimeout(quiet);
      if (deadline) clearTimeout(deadline);
      quiet = deadline = null;
      setState(editor.state);
    };
    setState(editor.state);
    const unsubscribe = editor.subscribe((next) => {
      if (next.doc.content.size < LARGE_DOCUMENT) { flush(); return; }
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(flush, QUIET);
      deadline ??= setTimeout(flush, MAX_WAIT);
    });
    return () => {
      unsubscribe();
      if (quiet) clearTimeout(quiet);
      if (deadline) clearTimeout(deadline);
    };
  }, [editor]);
  return state;
}
