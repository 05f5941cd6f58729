/**
 * Undo and Redo put comment threads back on their words, as Word does: the oracle applies
 * random deletions (of a thread's words, of an edge of them, of them with their context, across
 * paragraphs), typing, undo and redo to a draft with text threads, and keeps its own record of
 * every moment the undo history can go back to — the document and each thread's range and words,
 * taken before each event the history opened (its depth tells), and before each undo. After every
 * undo or redo the document is that moment's again, and so must every thread be that was attached
 * then; after undoing everything each thread is on exactly the words it was made on.
 */
import { closeHistory, redo, redoDepth, undo, undoDepth } from "prosemirror-history";
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { CommentAuthor } from "../../src/core/annotations/comments";
import { Random } from "../../src/core/samples/random";
import { startTextThread } from "../../src/editor/comments/commands";
import { threadEntries } from "../../src/editor/comments/threadList";
import { docThreads, threadsState } from "../../src/editor/comments/threadsPlugin";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { withWordUndo } from "../../src/editor/plugins/wordUndo";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { positionOf, run } from "../support/editorHarness";

const clerk: CommentAuthor = { name: "Dana Whitfield", office: "Office of the City Clerk" };

/** Where a thread stands: its range and the words in it, or null when it is detached. */
type Place = { readonly from: number; readonly to: number; readonly words: string } | null;

/** A moment the history can return to: the document and every thread's place. */
interface Moment {
  readonly state: EditorState;
  readonly places: ReadonlyMap<string, Place>;
}

function placeOf(state: EditorState, id: string): Place {
  const range = threadsState(state).live.get(id)?.range;
  return range ? { from: range.from, to: range.to, words: state.doc.textBetween(range.from, range.to, "\n") } : null;
}

function momentOf(state: EditorState): Moment {
  return { state, places: new Map(docThreads(state).map((thread) => [thread.id, placeOf(state, thread.id)])) };
}

function fresh(): EditorState {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() }).state;
}

/** A stretch of a paragraph's words (5 to 30 characters from a word's start). */
function somePassage(state: EditorState, random: Random): { from: number; to: number } {
  const blocks: Array<{ pos: number; text: string }> = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph" && node.textContent.length > 40) { blocks.push({ pos: pos + 1, text: node.textContent }); return false; }
    return true;
  });
  const block = random.pick(blocks);
  const starts = [...block.text.matchAll(/(?<=^| )\S/g)].map((match) => match.index!);
  const start = random.pick(starts.slice(0, Math.max(1, starts.length - 3)));
  return { from: block.pos + start, to: block.pos + Math.min(block.text.length, start + random.int(5, 30)) };
}

/** A random edit near a thread (or anywhere): a transaction, or null when the one drawn does not fit. */
function randomEdit(state: EditorState, random: Random, ids: readonly string[]): { name: string; tr: Transaction } | null {
  const range = threadsState(state).live.get(random.pick(ids))?.range ?? somePassage(state, random);
  const size = state.doc.content.size;
  const roll = random.next();
  if (roll < 0.3) {
    const at = random.pick([range.from, range.to, random.int(range.from, range.to)]);
    const tr = state.tr.insertText(random.pick(["new ", " words", "x", " \u201cterm\u201d ", "  "]), at);
    return { name: `type at ${at}`, tr: withWordUndo(state, tr) };
  }
  // Deletions: the words exactly, an edge, the words with context, a stretch inside.
  const kind = random.pick(["exact", "start", "end", "wider", "inside", "across"] as const);
  let from = range.from;
  let to = range.to;
  if (kind === "start") to = random.int(range.from + 1, range.to);
  else if (kind === "end") from = random.int(range.from, range.to - 1);
  else if (kind === "wider") { from -= random.int(0, 12); to += random.int(0, 12); }
  else if (kind === "inside") { from = random.int(range.from, range.to - 1); to = random.int(from + 1, range.to); }
  else if (kind === "across") { from -= random.int(0, 5); to += random.int(40, 160); }
  from = Math.max(1, from);
  to = Math.min(size - 1, to);
  if (to <= from) return null;
  const $from = state.doc.resolve(from);
  const $to = state.doc.resolve(to);
  if (!$from.parent.isTextblock || !$to.parent.isTextblock) return null;
  if (kind !== "across" && $from.parent !== $to.parent) return null;
  const tr = state.tr.setSelection(TextSelection.create(state.doc, from, to)).deleteSelection();
  return { name: `delete ${kind} ${from}-${to}`, tr };
}

describe("comment threads through undo and redo", () => {
  it("an Undo after deleting a thread's words puts the thread back on them, and Redo takes it off again", () => {
    let state = fresh();
    const from = positionOf(state, "Victims of crime");
    state = run(state, startTextThread(from, from + 16, clerk, "Is the name defined?"));
    const id = docThreads(state)[0]!.id;
    const entry = (at: EditorState) => threadEntries(at).find((each) => each.ref.kind === "text")!;
    // The whole words, then only their start (Backspace over "Victims").
    for (const to of [from + 16, from + 7]) {
      const before = placeOf(state, id);
      state = state.apply(state.tr.delete(from, to));
      expect(entry(state).attached).toBe(to < from + 16);
      state = run(state, undo);
      expect(placeOf(state, id)).toEqual(before);
      expect(entry(state)).toMatchObject({ attached: true, words: "Victims of crime" });
      state = run(state, redo);
      expect(entry(state).attached).toBe(to < from + 16);
      state = run(state, undo);
      expect(placeOf(state, id)).toEqual({ from, to: from + 16, words: "Victims of crime" });
    }
  });

  it("keeps step with the history past its depth limit (100 events, the oldest dropped)", () => {
    let state = fresh();
    const from = positionOf(state, "Victims of crime");
    state = run(state, startTextThread(from, from + 16, clerk, "Is the name defined?"));
    const id = docThreads(state)[0]!.id;
    // 140 words typed before the thread (each its own event, each moving it on), then the start of its words deleted.
    const far = positionOf(state, "counts itself");
    for (let k = 0; k < 140; k++) state = state.apply(closeHistory(state.tr.insertText("word ", far)));
    const before = placeOf(state, id);
    state = state.apply(closeHistory(state.tr.delete(before!.from, before!.from + 7)));
    expect(placeOf(state, id)!.words).toBe(" of crime");
    state = run(state, undo);
    expect(placeOf(state, id)).toEqual(before);
    // Undone as far as the history goes, the thread never moves off its words.
    while (undoDepth(state) > 0) {
      state = run(state, undo);
      expect(placeOf(state, id)?.words).toBe("Victims of crime");
    }
  });

  it("after random deletions, typing, undo and redo, each thread is where it was at the moment the history went back to", () => {
    const seeds = Number(process.env.ORACLE_SEEDS ?? 30);
    let restored = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const random = new Random(seed * 104_729);
      let state = fresh();
      const ids: string[] = [];
      for (let t = 0; t < 3; t++) {
        const { from, to } = somePassage(state, random);
        try { state = run(state, startTextThread(from, to, clerk, `Thread ${t}`)); } catch { continue; }
        ids.push(docThreads(state).at(-1)!.id);
      }
      if (ids.length === 0) continue;
      const start = momentOf(state);
      const startDepth = undoDepth(state);
      // The oracle's own stacks, one moment per event of the history's.
      const done: Moment[] = [];
      const undone: Moment[] = [];
      const log: string[] = [];
      const check = (expected: Moment, where: string) => {
        expect(state.doc.eq(expected.state.doc), `${where}: the document`).toBe(true);
        for (const [id, place] of expected.places) {
          if (place === null) continue;
          expect(placeOf(state, id), `${where}: thread ${id}`).toEqual(place);
          restored++;
        }
      };
      for (let step = 0; step < 16; step++) {
        const roll = random.next();
        const where = `seed ${seed} after ${log.join(", ")}`;
        if (roll < 0.25 && undoDepth(state) > startDepth) {
          const depth = undoDepth(state);
          const expected = done[depth - startDepth - 1]!;
          undone.length = redoDepth(state);
          undone.push(momentOf(state));
          state = run(state, undo);
          done.length = depth - startDepth - 1;
          log.push("undo");
          check(expected, `${where}, undo`);
        } else if (roll < 0.35 && redoDepth(state) > 0) {
          const expected = undone[redoDepth(state) - 1]!;
          done.length = undoDepth(state) - startDepth;
          done.push(momentOf(state));
          state = run(state, redo);
          undone.length = redoDepth(state);
          log.push("redo");
          check(expected, `${where}, redo`);
        } else {
          const edit = randomEdit(state, random, ids);
          if (!edit) continue;
          const before = momentOf(state);
          const depth = undoDepth(state);
          const next = state.apply(edit.tr);
          if (next.doc.eq(state.doc)) continue;
          state = next;
          log.push(edit.name);
          // The history opened an event for it (else it joined the last one, whose moment stands).
          if (undoDepth(state) > depth) { done.length = depth - startDepth; done.push(before); }
          undone.length = 0;
        }
      }
      const where = `seed ${seed} after ${log.join(", ")}`;
      while (undoDepth(state) > startDepth) state = run(state, undo);
      check(start, `${where}, everything undone`);
      for (const id of ids) expect(placeOf(state, id), `${where}: thread ${id}`).toEqual(start.places.get(id));
    }
    expect(restored).toBeGreaterThan(seeds * 5);
  }, 120_000);
});
