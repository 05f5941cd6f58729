/**
 * A text thread on the words of the selected change is highlighted as the open one (its
 * decoration takes the class "current"): for every insertion and replacement of the demonstration draft, a
 * thread on exactly its underscored words — found from the draft text where the caret lands on
 * going to the change, not from the decorations — is current while that change is selected,
 * and not while a change of another section is.
 */
import { describe, expect, it } from "vitest";
import type { CommentAuthor } from "../../src/core/annotations/comments";
import { startTextThread } from "../../src/editor/comments/commands";
import { docThreads, threadsState } from "../../src/editor/comments/threadsPlugin";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { redlineState } from "../../src/editor/redline/plugin";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

const clerk: CommentAuthor = { name: "Dana Whitfield", office: "Office of the City Clerk" };

describe("the thread on the selected change's words", () => {
  it("is current while its change is selected, and not while a change elsewhere is", () => {
    const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
    const { redline } = redlineState(editor.state);
    const insertions = redline.changes.filter((change) => change.part === "text" && change.inserted.trim().length > 3 && !change.move);
    expect(insertions.length).toBeGreaterThan(3);
    let checked = 0;
    for (const change of insertions) {
      editor.goToChange(change.id);
      const from = editor.state.selection.from;
      const words = change.inserted.trim();
      const at = from + change.inserted.indexOf(words);
      // The caret lands where the change's words start in the draft; the thread takes exactly those words.
      if (editor.state.doc.textBetween(at, at + words.length) !== words) continue;
      if (!editor.run(startTextThread(at, at + words.length, clerk, `On ${words}`), false)) continue;
      const thread = docThreads(editor.state).at(-1)!;
      expect(threadsState(editor.state).current.has(thread.id), words).toBe(true);
      const elsewhere = redline.changes.find((other) => other.section !== change.section && !other.withinMove)!;
      editor.goToChange(elsewhere.id);
      expect(threadsState(editor.state).current.has(thread.id), `${words} with ${elsewhere.section} selected`).toBe(false);
      editor.goToChange(change.id);
      expect(threadsState(editor.state).current.has(thread.id), words).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
