/**
 * The caret selects the change it is in, as the panel's rows do: for every inline insertion of
 * the fixture amendment, a caret placed inside it selects exactly that change; a caret outside
 * every change leaves the selection alone; typing that leaves the caret in another change
 * selects that one (random keystrokes: the selected change is always one at the caret), while
 * typing inside the selected change or away from the caret selects nothing anew.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { createEditorState } from "../../src/editor/editorState";
import { caretSelectsChangePlugin, changesAtCaret } from "../../src/editor/redline/caretSelection";
import { Random } from "../../src/core/samples/random";
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

/** Inline insertions in the chapter's paragraphs (the contents lines follow the headings: typing there is put back). */
const paragraphInsertions = (state: EditorState) => inlineInsertions(state).filter((mark) => state.doc.resolve(mark.from).parent.type.name === "paragraph");

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

  it("typing inside the selected change keeps it selected; typing at the caret in another change selects that one", () => {
    let state = editor();
    const [first, second] = paragraphInsertions(state);
    state = run(caretAt(state, first!.from + 1), selectChange(second!.id));
    state = state.apply(state.tr.insertText("x"));
    expect(changesAtCaret(state, state.selection.head)).toContain(first!.id);
    expect(redlineState(state).selectedId).toBe(first!.id);
    const styled = redlineState(state).decorations;
    state = state.apply(state.tr.insertText("y"));
    expect(redlineState(state).selectedId).toBe(first!.id);
    expect(redlineState(state).decorations.find().length).toBe(styled.find().length);
  });

  it("typing into a neighbouring plain word selects the change it makes there", () => {
    let state = editor();
    const mark = paragraphInsertions(state)[0]!;
    state = caretAt(state, mark.from + 1);
    const plain = positionOf(state, "The City of Chicago") + "The City".length;
    state = caretAt(state, plain);
    expect(redlineState(state).selectedId).toBe(mark.id);
    state = state.apply(state.tr.insertText(" gladly"));
    const here = changesAtCaret(state, state.selection.head);
    expect(here.length).toBeGreaterThan(0);
    expect(redlineState(state).selectedId).toBe(here[0]);
    expect(here).not.toContain(mark.id);
  });

  it("an edit away from the caret (another person's) leaves the selection where it was", () => {
    let state = editor();
    const [first, second] = paragraphInsertions(state);
    state = caretAt(state, first!.from + 1);
    expect(redlineState(state).selectedId).toBe(first!.id);
    // Words typed inside the second insertion, the caret staying in the first.
    state = state.apply(state.tr.insertText("zz", second!.from + 1));
    expect(redlineState(state).selectedId).toBe(first!.id);
  });

  it("after every keystroke at a random caret, the selected change is one the caret is in, when it is in one", () => {
    const random = new Random(5);
    let state = editor();
    let inChange = 0;
    for (let step = 0; step < 300; step++) {
      if (random.chance(0.3)) {
        const marks = paragraphInsertions(state);
        const mark = random.pick(marks);
        state = caretAt(state, random.int(mark.from, mark.to));
      } else if (random.chance(0.3)) {
        let pos = random.int(1, state.doc.content.size - 1);
        // Anywhere one can type: the contents lines follow the headings (typing there is put back).
        while (!state.doc.resolve(pos).parent.inlineContent || state.doc.resolve(pos).parent.type.name === "toc_entry") pos = random.int(1, state.doc.content.size - 1);
        state = caretAt(state, pos);
      }
      state = random.chance(0.2) && state.selection.from > state.selection.$from.start()
        ? state.apply(state.tr.delete(state.selection.from - 1, state.selection.from))
        : state.apply(state.tr.insertText(random.pick(["a", " ", "x", "duly "])));
      const here = changesAtCaret(state, state.selection.head);
      if (here.length === 0) continue;
      inChange++;
      expect(here, `step ${step}`).toContain(redlineState(state).selectedId);
    }
    expect(inChange).toBeGreaterThan(150);
  });
});
