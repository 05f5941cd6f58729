// @vitest-environment happy-dom
/**
 * The redline as an EditorView draws it: node decorations' classes survive the label node
 * views' own updates, so an inserted paragraph stays marked when something near it is edited
 * and a paragraph made with Enter is marked; a replacement reads "struck underscored".
 */
import { splitBlock } from "prosemirror-commands";
import { TextSelection, type EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { afterEach, describe, expect, it } from "vitest";
import { positionOf, redlineEditor } from "../support/editorHarness";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

let view: EditorView | null = null;
afterEach(() => { view?.destroy(); view = null; document.body.replaceChildren(); });

function mount(state: EditorState): EditorView {
  const place = document.createElement("div");
  document.body.append(place);
  view = new EditorView(place, { state });
  return view;
}

function paragraphWith(text: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>("p.code-paragraph")].find((p) => p.querySelector(".words")?.textContent?.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

function typeAt(target: EditorView, pos: number, text: string): void {
  target.dispatch(target.state.tr.insertText(text, pos));
}

const endOf = (state: EditorState, text: string) => positionOf(state, text) + text.length;

describe("the redline drawn in the editor view", () => {
  it("keeps an inserted paragraph underlined when the paragraph before it is edited", () => {
    const editor = mount(redlineEditor(fixtureBase(), fixtureAmended()));
    const inserted = "Threats to report a person to immigration authorities";
    expect(paragraphWith(inserted).classList.contains("redline-insert-block")).toBe(true);
    typeAt(editor, endOf(editor.state, "regardless of whether a person holds immigration documents."), " x");
    expect(paragraphWith(inserted).classList.contains("redline-insert-block")).toBe(true);
    typeAt(editor, endOf(editor.state, "regardless of whether a person holds immigration documents. x"), "y");
    expect(paragraphWith(inserted).classList.contains("redline-insert-block")).toBe(true);
    expect(paragraphWith(inserted).classList.contains("code-paragraph")).toBe(true);
  });

  it("marks a paragraph made with Enter as inserted once it has words", () => {
    const editor = mount(redlineEditor(fixtureBase(), fixtureBase()));
    const at = endOf(editor.state, "regardless of whether a resident holds immigration documents.");
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)));
    splitBlock(editor.state, editor.dispatch);
    editor.dispatch(editor.state.tr.insertText("Brand new paragraph words."));
    editor.dispatch(editor.state.tr.insertText(" More"));
    const made = paragraphWith("Brand new paragraph words. More");
    expect(made.classList.contains("redline-insert-block")).toBe(true);
    expect(made.getAttribute("data-change")).toBe("insert");
  });

  it("shows a replacement as struck words, one space, then the underscored words", () => {
    const editor = mount(redlineEditor(fixtureBase(), fixtureBase()));
    const at = positionOf(editor.state, "seeking it");
    editor.dispatch(editor.state.tr.insertText("requesting", at, at + "seeking".length));
    const ins = document.querySelector<HTMLElement>('ins[data-change="insert"]')!;
    const paragraph = ins.closest("p")!;
    expect(paragraph.textContent).toContain("the person seeking requesting it");
    expect(document.querySelector("del")!.textContent).toBe("seeking");
    expect(ins.textContent).toBe("requesting");
    expect(editor.state.doc.textContent).toContain("the person requesting it");
  });
});
