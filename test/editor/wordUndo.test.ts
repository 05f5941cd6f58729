/** Typing undoes a word at a time: each undo takes back the last word typed, never the sentence. */
import { undo } from "prosemirror-history";
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { withWordUndo } from "../../src/editor/plugins/wordUndo";
import { positionOf, redlineEditor, run } from "../support/editorHarness";

/** Types `text` one character at a time at `pos`, each keystroke its own transaction (as the editor gets them). */
function typeAt(state: EditorState, pos: number, text: string, wordUndo: boolean): EditorState {
  let next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  for (const character of text) {
    const tr = next.tr.insertText(character);
    next = next.apply(wordUndo ? withWordUndo(next, tr) : tr);
  }
  return next;
}

const paragraphOf = (state: EditorState, probe: string) => {
  let found = "";
  state.doc.descendants((node) => { if (node.isTextblock && node.textContent.includes(probe)) found = node.textContent; return found === ""; });
  return found;
};

describe("undo a word at a time", () => {
  it("takes back one typed word per undo", () => {
    const start = redlineEditor();
    const pos = positionOf(start, "No agent or agency shall ask");
    const original = paragraphOf(start, "No agent or agency shall ask");
    let state = typeAt(start, pos, "Truly and plainly ", true);
    expect(paragraphOf(state, "No agent")).toBe(`Truly and plainly ${original}`);
    state = run(state, undo);
    expect(paragraphOf(state, "No agent")).toBe(`Truly and ${original}`);
    state = run(state, undo);
    expect(paragraphOf(state, "No agent")).toBe(`Truly ${original}`);
    state = run(state, undo);
    expect(paragraphOf(state, "No agent")).toBe(original);
  });

  it("without it, one undo takes the whole burst back (the test can fail)", () => {
    const start = redlineEditor();
    const pos = positionOf(start, "No agent or agency shall ask");
    const original = paragraphOf(start, "No agent or agency shall ask");
    const state = run(typeAt(start, pos, "Truly and plainly ", false), undo);
    expect(paragraphOf(state, "No agent")).toBe(original);
  });
});
