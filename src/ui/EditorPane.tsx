import { useEffect, useRef } from "react";
import type { DocumentEditor } from "../editor/documentEditor";

/** Hosts the ProseMirror view of `editor`. Renders only the container; the view does the rest. */
export function EditorPane({ editor }: { editor: DocumentEditor }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => editor.mount(host.current!, { "aria-label": "Chapter text", class: "code-document", spellcheck: "true" }), [editor]);
  return <div className="editor-pane" ref={host} />;
}
