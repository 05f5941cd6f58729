/**
 * The caret selects the change it is in, as the panel's rows do: for every inline insertion of
 * the fixture amendment, a caret placed inside it selects exactly that change; a caret outside
 * every change leaves the selection alone; typing never re-selects.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { createEditorState } from "../../src/editor/editorState";
import { caretSelectsChangePlugin } from "../../src/editor/redline/caretSelection";
import { selectChange } from "../../src/editor/redline/commands";
import type { RedlineSpec } from "../../src/editor/redline/decorations";
import { redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { positionOf, run } from "../support/editorHarness";

const editor = (withPlugin = true) => createEditorState(fixtureAmended(), { plugins: [redlinePlugin({ base: fixtureBase() }), ...(withPlugin ? [caretSelectsChangePlugin()] : [])] });
const caretAt = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

/** Inline insertions (from < to inside one textblock), as the decorations mark them. */
function inlineInsertions(state: EditorState): Array<{ from: number; to: number; id: string }> {
  return redlineState(state).decorations.find()
    .filter((decoration) => decoration.to - decoration.from > 1 && (decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.nodeName === "ins")
    .map((decoration) => ({ from: decoration.from, to: decoration.to, id: (decoration.spec as RedlineSpec).changeId }));
}

describe("the caret selects its change", () => {
  it("selects each inline insertion the caret goes into", () => {
    const state = editor();
    const marks = inlineInsertions(state);
    expect(marks.length).toBeGreaterThan(5);
    for (const mark of marks) {
      const inside = caretAt(state, mark.from + 1);
      expect(redlineState(inside).selectedId, `caret in ${inside.doc.textBetween(mark.from, mark.to)}`).toBe(mark.id);
    }
  });

  it("does nothing without the plugin (the test can fail)", () => {
    const state = editor(false);
    const mark = inlineInsertions(state)[0]!;
    expect(redlineState(caretAt(state, mark.from + 1)).selectedId).toBeNull();
  });

  it("leaves the selection alone where the caret is in no change", () => {
    let state = editor();
    const mark = inlineInsertions(state)[0]!;
    state = caretAt(state, mark.from + 1);
    const plain = positionOf(state, "The City of Chicago");
    expect(redlineState(caretAt(state, plain)).selectedId).toBe(mark.id);
  });

  it("never re-selects while typing, nor steals a selection made from the panel", () => {
    let state = editor();
    const [first, second] = inlineInsertions(state);
    state = run(caretAt(state, first!.from + 1), selectChange(second!.id));
    state = state.apply(state.tr.insertText("x"));
    expect(redlineState(state).selectedId).toBe(second!.id);
  });
});
