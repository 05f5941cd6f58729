/**
 * Enter in the middle of a paragraph and Backspace at an item's start are shown as a split and
 * a join: one seam change, a pilcrow widget at the seam (underscored for the split, struck with
 * the enumerator that goes for the join), and no paragraph struck or underscored whole.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf, redlineEditor } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { disagreement } from "../support/redlineOracle";
import { closed, press } from "../support/structuralChecks";

const base = fixtureBase();

function caret(state: EditorState, pos: number): EditorState {
  return closed(state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos))));
}

/** The keys of the pilcrow widgets: [change id, attrs, text shown, joined]. */
function pilcrows(state: EditorState): Array<{ shown: string; kind: string }> {
  return redlineState(state).decorations.find()
    .map((decoration) => (decoration.spec as { key?: string }).key)
    .filter((key): key is string => key !== undefined && key.includes("redline-pilcrow"))
    .map((key) => { const [, attrs, shown] = JSON.parse(key) as [string, Record<string, string>, string]; return { shown, kind: attrs["data-change"]! }; });
}

describe("the seam of a split or join in the editor", () => {
  it("Enter in the middle of 2-173-005(a) is one split with an underscored pilcrow", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "roughly one of every"));
    state = press(state, "Enter").state;
    const { redline } = redlineState(state);
    const seams = redline.changes.filter((change) => change.seam);
    expect(seams.map((change) => [change.seam, change.inserted])).toEqual([["split", "\n\n    (b) "]]);
    expect(redline.changes.some((change) => change.inserted.includes("roughly one of every") || change.deleted.includes("The City of Chicago"))).toBe(false);
    expect(pilcrows(state)).toEqual([{ shown: "¶", kind: "insert" }]);
    expect(disagreement(state, base)).toBeNull();
  });

  it("Backspace at the start of the split-off item joins it back: no change left", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "roughly one of every"));
    state = press(state, "Enter").state;
    state = caret(state, positionOf(state, "roughly one of every"));
    state = press(state, "Backspace").state;
    expect(redlineState(state).redline.changes).toEqual([]);
    expect(pilcrows(state)).toEqual([]);
  });

  it("Backspace at the start of (b) joins it onto (a): a struck pilcrow with (b)", () => {
    let state = caret(redlineEditor(base), positionOf(redlineEditor(base), "The safety of the public"));
    state = press(state, "Backspace").state;
    const { redline } = redlineState(state);
    expect(redline.changes.filter((change) => change.seam).map((change) => change.seam)).toEqual(["join"]);
    expect(redline.changes.some((change) => change.deleted.includes("The safety of the public"))).toBe(false);
    expect(pilcrows(state)).toEqual([{ shown: "¶ (b)", kind: "delete" }]);
    expect(disagreement(state, base)).toBeNull();
  });
});
