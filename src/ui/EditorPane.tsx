import { useEffect, useRef } from "react";
import type { DocumentEditor } from "../editor/documentEditor";

/**
 * Keeps React's commits from walking the editor's text. On every commit, anywhere on the page,
 * React saves the selection of the focused element when that element is a text field or its
 * `contentEditable` property reads "true" — for a contenteditable by visiting every node in it,
 * to restore the selection should the commit move focus. In the editor that visit covers the
 * whole chapter (tens of milliseconds at 2 MB) on every panel refresh while one types, and it
 * is of no use there: ProseMirror keeps and restores its own selection. So the editor's element
 * answers "inherit" when the property is read; the attribute, which is what the browser edits
 * by, stays "true" (`isContentEditable` stays true), and setting the property still sets it.
 */
function keepOutOfReactSelectionSaving(element: HTMLElement): () => void {
  Object.defineProperty(element, "contentEditable", {
    configurable: true,
    get: () => "inherit",
    set: (value: string) => element.setAttribute("contenteditable", String(value)),
  });
  return () => { delete (element as { contentEditable?: string }).contentEditable; };
}

/** Hosts the ProseMirror view of `editor`. Renders only the container; the view does the rest. */
export function EditorPane({ editor, editable = true }: { editor: DocumentEditor; editable?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const unmount = editor.mount(host.current!, { "aria-label": "Chapter text", class: "code-document", id: "chapter-text", tabindex: "0" }, { editable });
    const element = host.current!.querySelector<HTMLElement>("[contenteditable]");
    const restore = element ? keepOutOfReactSelectionSaving(element) : () => {};
    return () => { restore(); unmount(); };
  }, [editor, editable]);
  return <div className="editor-pane" ref={host} />;
}
