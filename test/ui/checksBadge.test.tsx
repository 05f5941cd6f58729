// @vitest-environment happy-dom
/**
 * The Checks badge with the tab closed: recomputed once typing pauses (a timer, not the
 * keystroke), so a stale citation typed into the draft shows in the count without the tab open.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TextSelection } from "prosemirror-state";
import type { EditorState } from "prosemirror-state";
import { checkReferences } from "../../src/core/references";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { CHECK_DEBOUNCE_MS, useReferenceProblems } from "../../src/ui/panel/useReferenceProblems";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { fakeLayoutForReact } from "../support/happyDomLayout";

let root: Root | null = null;
let host: HTMLElement | null = null;

beforeAll(fakeLayoutForReact);
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  vi.useRealTimers();
});

function Badge({ state }: { state: EditorState }) {
  const problems = useReferenceProblems(state, false);
  return <span data-testid="badge">{problems === null ? "…" : problems.length}</span>;
}

describe("the Checks badge with the tab closed", () => {
  it("follows the draft once typing pauses, and not before", () => {
    vi.useFakeTimers();
    const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
    host = document.createElement("div");
    document.body.append(host);
    root = createRoot(host);
    const draw = () => act(() => root!.render(<Badge state={editor.state} />));
    draw();
    editor.subscribe(draw);
    const badge = () => host!.querySelector("[data-testid=badge]")!.textContent;
    act(() => vi.advanceTimersByTime(CHECK_DEBOUNCE_MS + 1));
    expect(badge()).toBe("0");

    // Type a citation of a section neither text has at the end of the first paragraph, a key at a time.
    const typed = " See Section 2-173-099.";
    let at = -1;
    editor.state.doc.descendants((node, pos) => { if (at < 0 && node.type.name === "paragraph" && node.textContent.length > 20) at = pos + node.nodeSize - 1; });
    for (const key of typed) {
      act(() => editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)).insertText(key)));
      at += 1;
      act(() => vi.advanceTimersByTime(CHECK_DEBOUNCE_MS / 4));
      expect(badge()).toBe("0");
    }
    const expected = checkReferences(fixtureBase(), editor.draft()).length;
    expect(expected).toBe(1);
    act(() => vi.advanceTimersByTime(CHECK_DEBOUNCE_MS));
    expect(badge()).toBe(String(expected));
  });
});
