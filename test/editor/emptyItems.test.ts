/**
 * Enter, Enter at the end of an item: the first opens the next item, the second lifts it (at
 * the outermost level it ends the list); neither leaves a bare enumerator in the export.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { buildOrdinance, writeText } from "../../src/core/export";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf, redlineEditor } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { closed, outlineOf, press } from "../support/structuralChecks";

const base = fixtureBase();
const BARE = /^\s*(\{\+|\[-)?\([0-9A-Za-z]+\)(\+\}|-\])?\s*$/;

function atEndOf(state: EditorState, text: string): EditorState {
  const $pos = state.doc.resolve(positionOf(state, text));
  return closed(state.apply(state.tr.setSelection(TextSelection.create(state.doc, $pos.end()))));
}

function exportedLines(state: EditorState): string[] {
  return writeText(buildOrdinance({ base, draft: redlineState(state).draft })).split("\n");
}

describe("Enter, Enter at the end of an item", () => {
  it("after 2-173-010(h): an empty (i) that is not exported, then no item at all", () => {
    let state = closed(press(atEndOf(redlineEditor(base), "keep a person in custody beyond"), "Enter").state);
    expect(outlineOf(state, "2-173-010", 1).slice(-2)).toEqual(["(h) \"Immigration", "(i)"]);
    expect(exportedLines(state).filter((line) => BARE.test(line))).toEqual([]);
    state = closed(press(state, "Enter").state);
    expect(outlineOf(state, "2-173-010", 1).slice(-1)).toEqual(["(h) \"Immigration"]);
    expect(exportedLines(state).filter((line) => BARE.test(line))).toEqual([]);
  });

  it("after 2-173-042(a)(3): the empty item lifted to (b) is not exported, nor are the later items re-lettered", () => {
    let state = closed(press(atEndOf(redlineEditor(base), "on the basis of an immigration detainer"), "Enter").state);
    state = closed(press(state, "Enter").state);
    expect(outlineOf(state, "2-173-042", 1).slice(4, 6)).toEqual(["(b)", "(c) Except"]);
    const lines = exportedLines(state);
    expect(lines.filter((line) => BARE.test(line))).toEqual([]);
    expect(lines.some((line) => line.includes("[-b-]"))).toBe(false);
  });
});
