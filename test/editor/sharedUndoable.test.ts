// @vitest-environment happy-dom
/**
 * Every local edit of a shared draft can be undone, whatever bookkeeping the editor appends to it
 * (the selected change following the caret, fresh block ids after Enter: each appended with
 * `addToHistory: false`, which the sync plugin would otherwise apply to the whole edit). Oracle:
 * over random sequences of typing, deleting and Enter at random carets, each edit its own undo
 * group, undoing as many times as there were edits gives back the draft as it was.
 */
import { TextSelection } from "prosemirror-state";
import { afterEach, describe, expect, it } from "vitest";
import { Random } from "../../src/core/samples/random";
import { undoDraft } from "../../src/editor/collab";
import { enterCommand } from "../../src/editor/plugins/structureGuard";
import { disposeClients, endUndoGroup, pair, type Client } from "../support/sharedClients";

afterEach(() => disposeClients());


/** A random caret inside a paragraph's words. */
function caretInParagraph(c: Client, random: Random): number {
  const places: number[] = [];
  c.editor.state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph" && node.content.size > 2) places.push(pos + 1 + random.int(0, node.content.size));
    return node.type.name !== "paragraph";
  });
  return random.pick(places);
}

describe("local edits of a shared draft", () => {
  it("are all undone by as many Undos, over 12 random sequences of typing, deleting and Enter", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = new Random(seed);
      const [a] = pair();
      const before = a.editor.state.doc;
      let edits = 0;
      for (let step = 0; step < 8; step++) {
        const at = caretInParagraph(a, random);
        a.editor.dispatch(a.editor.state.tr.setSelection(TextSelection.create(a.editor.state.doc, at)));
        const roll = random.next();
        const docBefore = a.editor.state.doc;
        if (roll < 0.5) a.editor.dispatch(a.editor.state.tr.insertText(random.pick(["duly ", "x", " in writing"])));
        else if (roll < 0.8) a.editor.dispatch(a.editor.state.tr.delete(Math.max(at - 3, a.editor.state.selection.$from.start()), at));
        else a.editor.run(enterCommand, false);
        if (a.editor.state.doc.eq(docBefore)) continue;
        edits++;
        expect(undoDraft(a.editor.state), `seed ${seed}, step ${step}: Undo is offered`).toBe(true);
        endUndoGroup(a);
      }
      for (let undo = 0; undo < edits; undo++) a.editor.run(undoDraft, false);
      expect(a.editor.state.doc.toJSON(), `seed ${seed}: ${edits} edits undone`).toEqual(before.toJSON());
      disposeClients();
    }
  });
});
