// @vitest-environment happy-dom
/**
 * An edit the structure guard refuses is not silent: the editor records why (in state, through
 * a transaction that changes no text) and the toast shows the reason in the page, until the
 * text next changes or it is dismissed. Driven through the mounted editor view, as typing is.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { TextSelection } from "prosemirror-state";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { refusedEdit } from "../../src/editor/plugins/refusedEdit";
import { deleteKeepingStructure } from "../../src/editor/plugins/structureGuard";
import { RefusedEditToast } from "../../src/ui/RefusedEditToast";
import { positionOf } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";

let root: Root | null = null;
let host: HTMLElement | null = null;
let cleanup: (() => void) | null = null;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  cleanup?.();
  host?.remove();
  root = null;
  cleanup = null;
});

function mounted(): { editor: DocumentEditor; toast: () => string | null } {
  const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
  host = document.createElement("div");
  document.body.append(host);
  const pane = document.createElement("div");
  host.append(pane);
  cleanup = editor.mount(pane);
  const bar = document.createElement("div");
  host.append(bar);
  root = createRoot(bar);
  act(() => root!.render(<RefusedEditToast editor={editor} />));
  return { editor, toast: () => host!.querySelector("[data-testid=refused-edit]")?.textContent ?? null };
}

describe("a refused edit", () => {
  it("typing before a history note's parenthesis leaves the text and shows why", () => {
    const { editor, toast } = mounted();
    expect(toast()).toBeNull();
    const before = editor.state.doc;
    const at = positionOf(editor.state, "(Added Coun. J. 3-29-06");
    act(() => editor.dispatch(editor.state.tr.insertText("promptly ", at)));
    expect(editor.state.doc.eq(before)).toBe(true);
    expect(refusedEdit(editor.state)?.message).toMatch(/^Not applied: this edit would leave a history note that no longer reads as one/);
    expect(toast()).toContain("a history note that no longer reads as one");
    // The next change of the text clears it.
    act(() => editor.dispatch(editor.state.tr.insertText("promptly ", positionOf(editor.state, "As used in this chapter"))));
    expect(refusedEdit(editor.state)).toBeNull();
    expect(toast()).toBeNull();
  });

  it("a paragraph typed to read as a section heading is refused with its reason, and Dismiss hides it", () => {
    const { editor, toast } = mounted();
    act(() => editor.dispatch(editor.state.tr.insertText("2-173-070 ", positionOf(editor.state, "As used in this chapter"))));
    expect(toast()).toContain("a paragraph that would read back as a section");
    act(() => (host!.querySelector("[data-testid=refused-edit] button") as HTMLButtonElement).click());
    expect(toast()).toBeNull();
  });

  it("Backspace over a history note's parenthesis deletes nothing and says why", () => {
    const { editor, toast } = mounted();
    const from = positionOf(editor.state, "(Added Coun. J. 3-29-06");
    act(() => editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, from + "(Added".length))));
    const before = editor.state.doc;
    act(() => { editor.run(deleteKeepingStructure); });
    expect(editor.state.doc.eq(before)).toBe(true);
    expect(toast()).toContain("a history note that no longer reads as one");
  });
});
