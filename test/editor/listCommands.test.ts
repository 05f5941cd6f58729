/**
 * Subsection and item commands on the demonstration chapter, through the keys a drafter
 * presses: Enter opens the next item, Tab sinks, Shift+Tab lifts, Backspace over whole items
 * removes them; following siblings are re-lettered and the redline shows only their labels.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { deleteSubsection } from "../../src/editor/structure/listCommands";
import { changeList, positionOf, redlineEditor, run } from "../support/editorHarness";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { redlineState } from "../../src/editor/redline/plugin";
import { fixtureBase } from "../support/fixtures";
import { closed, expectSoundStep, outlineOf, press } from "../support/structuralChecks";

const base = fixtureBase();

function caret(state: EditorState, pos: number, to = pos): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, to)));
}

/** Caret at the end of the paragraph whose words contain `text`. */
function atEndOf(state: EditorState, text: string): EditorState {
  const $pos = state.doc.resolve(positionOf(state, text));
  return caret(state, $pos.end());
}

function pressing(previous: EditorState, key: string): EditorState {
  const state = closed(previous);
  const result = press(state, key);
  expect(result.handled, `${key} was taken by a binding`).toBe(true);
  expectSoundStep(state, result.state, base);
  return result.state;
}

function redlineStateText(state: EditorState): string {
  return serializeDocument(redlineState(state).draft);
}

function typed(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text));
}

describe("Enter in an enumerated paragraph", () => {
  it("at the end of (d) opens (e) and re-letters (e) as (f), shown as a label change only", () => {
    let state = atEndOf(redlineEditor(base), "Every immigrant who lives in");
    state = pressing(state, "Enter");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "(b) The safety", "(c) Victims of", "(d) Every immigrant", "(e)", "(f) This chapter"]);
    state = typed(state, "Newly inserted words.");
    expect(changeList(state).some((line) => line.includes("Newly inserted words."))).toBe(true);
    expect(changeList(state)).toContain("[-e-]{+f+}");
  });

  it("at the end of (3) in 2-173-042(a) opens (4) at the same level", () => {
    const state = pressing(atEndOf(redlineEditor(base), "on the basis of an immigration detainer"), "Enter");
    const outline = outlineOf(state, "2-173-042", 1);
    expect(outline.slice(0, 6)).toEqual(["(a) Except", "  (1) solely", "  (2) solely", "  (3) on", "  (4)", "(b) Except"]);
  });

  it("at the end of (a) that has items opens its first item and re-letters the others", () => {
    const state = pressing(atEndOf(redlineEditor(base), "Except as provided in subsection (c) of this section, no agent"), "Enter");
    expect(outlineOf(state, "2-173-042", 1).slice(0, 6)).toEqual(["(a) Except", "  (1)", "  (2) solely", "  (3) solely", "  (4) on", "(b) Except"]);
  });

  it("in the middle splits the paragraph into two items with the right enumerators", () => {
    let state = redlineEditor(base);
    state = caret(state, positionOf(state, "roughly one of every"));
    state = pressing(state, "Enter");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "(b) roughly one", "(c) The safety", "(d) Victims of", "(e) Every immigrant", "(f) This chapter"]);
  });

  it("in an empty item lifts it, and from the outermost list leaves no enumerator", () => {
    let state = pressing(atEndOf(redlineEditor(base), "on the basis of an immigration detainer"), "Enter");
    state = pressing(state, "Enter");
    expect(outlineOf(state, "2-173-042", 1).slice(0, 6)).toEqual(["(a) Except", "  (1) solely", "  (2) solely", "  (3) on", "(b)", "(c) Except"]);
    state = pressing(state, "Enter");
    expect(outlineOf(state, "2-173-042", 1).slice(0, 5)).toEqual(["(a) Except", "  (1) solely", "  (2) solely", "  (3) on", "(b) Except"]);
  });
});

describe("Tab and Shift+Tab", () => {
  it("Tab sinks (b) under (a) as (1) and re-letters the rest; Shift+Tab lifts it back", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "The safety of the public"));
    state = pressing(state, "Tab");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "  (1) The safety", "(b) Victims of", "(c) Every immigrant", "(d) This chapter"]);
    state = pressing(state, "Shift-Tab");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "(b) The safety", "(c) Victims of", "(d) Every immigrant", "(e) This chapter"]);
    expect(changeList(state)).toEqual([]);
  });

  it("sinks through the Code's order (a) → (1) → (A) → (i)", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "The safety of the public"));
    state = pressing(state, "Tab");
    state = caret(state, positionOf(state, "Victims of crime"));
    state = pressing(state, "Tab");
    state = pressing(state, "Tab");
    state = caret(state, positionOf(state, "Every immigrant who"));
    state = pressing(state, "Tab");
    state = pressing(state, "Tab");
    state = pressing(state, "Tab");
    expect(outlineOf(state, "2-173-005", 1)).toEqual(["(a) The", "  (1) The", "    (A) Victims", "      (i) Every", "(b) This"]);
  });

  it("Tab on a first item changes nothing and still keeps the key in the editor", () => {
    const state = caret(redlineEditor(base), positionOf(redlineEditor(base), "The City of Chicago counts"));
    const result = press(state, "Tab");
    expect(result.handled).toBe(true);
    expect(result.state.doc.eq(state.doc)).toBe(true);
    expect(press(caret(state, positionOf(state, "Purpose and intent")), "Tab").handled).toBe(true);
  });

  it("Tab in an unnumbered paragraph of body text starts the list with (a); Enter then opens (b) and Tab sinks it to (1)", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "No agent or agency shall ask any person"));
    state = pressing(state, "Tab");
    expect(outlineOf(state, "2-173-020", 3)).toEqual(["(a) No agent or"]);
    state = atEndOf(state, "No agent or agency shall ask any person");
    state = pressing(state, "Enter");
    state = typed(state, "Nothing in this section limits a court.");
    expect(outlineOf(state, "2-173-020", 3)).toEqual(["(a) No agent or", "(b) Nothing in this"]);
    state = pressing(state, "Tab");
    expect(outlineOf(state, "2-173-020", 3)).toEqual(["(a) No agent or", "  (1) Nothing in this"]);
  });

  it("Tab takes an item's own items down with it, in the next style", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "Except as provided in subsection (c) of this section, and unless"));
    state = pressing(state, "Tab");
    const outline = outlineOf(state, "2-173-042", 1);
    expect(outline.slice(0, 7)).toEqual(["(a) Except", "  (1) solely", "  (2) solely", "  (3) on", "  (4) Except", "    (A) allow", outline[6]!]);
    expect(outline[6]).toMatch(/^ {4}\(B\)/);
  });
});

describe("deleting a subsection", () => {
  it("removes (b) whole and re-letters the rest; no empty enumerator is left", () => {
    const state = caret(redlineEditor(base), positionOf(redlineEditor(base), "The safety of the public"));
    const after = run(state, deleteSubsection);
    expectSoundStep(state, after, base);
    expect(outlineOf(after, "2-173-005", 2)).toEqual(["(a) The City", "(b) Victims of", "(c) Every immigrant", "(d) This chapter"]);
    expect(changeList(after).filter((line) => !line.startsWith("[-(b) The safety"))).toEqual(["[-c-]{+b+}", "[-d-]{+c+}", "[-e-]{+d+}"]);
  });

  it("removes (a) of 2-173-042 with its items", () => {
    const state = caret(redlineEditor(base), positionOf(redlineEditor(base), "Except as provided in subsection (c) of this section, no agent"));
    const after = run(state, deleteSubsection);
    expectSoundStep(state, after, base);
    expect(outlineOf(after, "2-173-042", 1).slice(0, 2)).toEqual(["(a) Except", "  (1) allow"]);
  });

  it("Backspace over the whole words of (d) removes the item, not just its words", () => {
    let state = redlineEditor(base);
    const from = positionOf(state, "Every immigrant who lives in");
    state = caret(state, from, state.doc.resolve(from).end());
    state = pressing(state, "Backspace");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "(b) The safety", "(c) Victims of", "(d) This chapter"]);
  });

  it("Backspace in an empty new item takes it away again", () => {
    let state = pressing(atEndOf(redlineEditor(base), "Every immigrant who lives in"), "Enter");
    state = pressing(state, "Backspace");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(["(a) The City", "(b) The safety", "(c) Victims of", "(d) Every immigrant", "(e) This chapter"]);
    expect(changeList(state)).toEqual([]);
  });

  it("Backspace at the start of (c) joins it onto (b) and closes the list over the gap; Delete at the end of (b) does the same", () => {
    const joined = ["(a) The City", "(b) The safety", "(c) Every immigrant", "(d) This chapter"];
    let state = redlineEditor(base);
    state = pressing(caret(state, positionOf(state, "Victims of crime")), "Backspace");
    expect(outlineOf(state, "2-173-005", 2)).toEqual(joined);
    expect(redlineStateText(state)).toContain("immigration documents. Victims of crime");
    let other = redlineEditor(base);
    other = pressing(atEndOf(other, "holds immigration documents."), "Delete");
    expect(outlineOf(other, "2-173-005", 2)).toEqual(joined);
    expect(redlineStateText(other)).toBe(redlineStateText(state));
  });
});
