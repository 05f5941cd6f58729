// @vitest-environment happy-dom
/**
 * Comment threads through Undo and Redo in a shared draft (Y's undo manager), as in a local one:
 * words of a thread deleted and the deletion undone put the thread back on exactly those words,
 * also when another person edited the paragraph in between; Redo takes them off again.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CommentAuthor } from "../../src/core/annotations/comments";
import { redoDraft, undoDraft } from "../../src/editor/collab";
import { startTextThread } from "../../src/editor/comments/commands";
import { docThreads, threadsState } from "../../src/editor/comments/threadsPlugin";
import { deliver, disposeClients, endUndoGroup, pair, type Client } from "../support/sharedClients";

afterEach(() => disposeClients());

const drafter: CommentAuthor = { name: "Ines Okafor", office: "Office of Ald. Example" };
const WORDS = "witnesses to crime";

/** The position in `c`'s document where `text` starts (the first text node holding it). */
function positionOf(c: Client, text: string): number {
  let found = -1;
  c.editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  if (found < 0) throw new Error(`"${text}" is not in the draft`);
  return found;
}

/** The words under the thread in `c`'s editor, or null when it is detached. */
function wordsOf(c: Client, id: string): string | null {
  const range = threadsState(c.editor.state).live.get(id)?.range;
  return range ? c.editor.state.doc.textBetween(range.from, range.to, "\n") : null;
}

function threadOn(c: Client, text: string): string {
  const from = positionOf(c, text);
  expect(c.editor.run(startTextThread(from, from + text.length, drafter, "Which crimes?"))).toBe(true);
  return docThreads(c.editor.state).at(-1)!.id;
}

/** Deletes `length` characters of the thread's words, starting `offset` into them. */
function deleteAt(c: Client, offset: number, length: number): void {
  const from = positionOf(c, WORDS) + offset;
  c.editor.dispatch(c.editor.state.tr.delete(from, from + length));
}

describe("comment threads through a shared draft's Undo and Redo", () => {
  it("puts a thread back on its words when a deletion of some of them is undone, and takes them off again on Redo", () => {
    const [a, b] = pair();
    const id = threadOn(a, WORDS);
    deliver(b);
    expect(wordsOf(a, id)).toBe(WORDS);
    endUndoGroup(a);
    deleteAt(a, "witnesses".length, " to crime".length);
    const shrunk = wordsOf(a, id);
    expect(shrunk?.trim()).toBe("witnesses");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(a.editor.state.doc.textContent).toContain(WORDS);
    expect(wordsOf(a, id)).toBe(WORDS);
    expect(a.editor.run(redoDraft, false)).toBe(true);
    expect(a.editor.state.doc.textContent).not.toContain(WORDS);
    expect(wordsOf(a, id)).toBe(shrunk);
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(wordsOf(a, id)).toBe(WORDS);
  });

  it("puts a thread back when all its words were deleted, in both people's copies", () => {
    const [a, b] = pair();
    const id = threadOn(a, WORDS);
    deliver(b);
    endUndoGroup(a);
    deleteAt(a, 0, WORDS.length);
    expect(wordsOf(a, id)).toBeNull();
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(wordsOf(a, id)).toBe(WORDS);
    // The other person's copy: the words came back by a remote change, and the thread is found on them again.
    deliver(b);
    expect(wordsOf(b, id)).toBe(WORDS);
  });

  it("gives back the whole of a thread's words when a deletion of their start is undone", () => {
    const [a] = pair();
    const id = threadOn(a, WORDS);
    endUndoGroup(a);
    deleteAt(a, 0, "witnesses ".length);
    expect(wordsOf(a, id)).toBe("to crime");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(wordsOf(a, id)).toBe(WORDS);
  });

  it("finds the words again when another person edited before them in the meantime", () => {
    const [a, b] = pair();
    const id = threadOn(a, WORDS);
    deliver(b);
    endUndoGroup(a);
    deleteAt(a, 0, "witnesses ".length);
    deliver(b);
    // The reviewer-to-be types earlier in the same paragraph; it reaches the drafter before her Undo.
    const earlier = positionOf(b, "help with investigations");
    b.editor.dispatch(b.editor.state.tr.insertText("willingly ", earlier));
    deliver(a);
    expect(a.editor.state.doc.textContent).toContain("willingly help");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(a.editor.state.doc.textContent).toContain(WORDS);
    expect(a.editor.state.doc.textContent).toContain("willingly help");
    expect(wordsOf(a, id)).toBe(WORDS);
  });
});
