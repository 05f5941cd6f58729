/**
 * A label typed over again: Enter at the end of an item opens the next one with its label
 * shown already; typing that label and a space as one would in Word leaves it once, not twice.
 * Another label, or the label typed elsewhere, is text like any other.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf, redlineEditor } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { closed, outlineOf, press } from "../support/structuralChecks";

const base = fixtureBase();

/** Types `text` character by character at the selection, as keystrokes do (one transaction each). */
function type(state: EditorState, text: string): EditorState {
  for (const character of text) state = state.apply(state.tr.insertText(character));
  return state;
}

/** The new item after 2-173-010(h), made by Enter at its end: empty, labelled "(i)". */
function newItem(): EditorState {
  const state = redlineEditor(base);
  const $pos = state.doc.resolve(positionOf(state, "keep a person in custody beyond"));
  const atEnd = closed(state.apply(state.tr.setSelection(TextSelection.create(state.doc, $pos.end()))));
  const opened = closed(press(atEnd, "Enter").state);
  expect(outlineOf(opened, "2-173-010", 1).slice(-1)).toEqual(["(i)"]);
  return opened;
}

/** The new item (i) of 2-173-010 in the state's draft. */
const lastItem = (state: EditorState) => redlineState(state).draft.chapters[0]!.sections.find((section) => section.number === "2-173-010")!.blocks
  .find((block) => block.kind === "paragraph" && block.enumerator === "(i)")!;

describe("a label typed over again", () => {
  it("is taken out when the space after it is typed: the item reads once as \"(i)\"", () => {
    const state = type(newItem(), "(i) \"Officer\" means");
    expect(lastItem(state)).toMatchObject({ kind: "paragraph", enumerator: "(i)", text: "\"Officer\" means" });
  });

  it("is kept when it is not the item's own label, or not at its start", () => {
    expect(lastItem(type(newItem(), "(j) text"))).toMatchObject({ enumerator: "(i)", text: "(j) text" });
    expect(lastItem(type(newItem(), "see (i) here"))).toMatchObject({ enumerator: "(i)", text: "see (i) here" });
    // Without the space (the label alone, still being typed) nothing is taken out.
    expect(lastItem(type(newItem(), "(i)"))).toMatchObject({ enumerator: "(i)", text: "(i)" });
  });
});
