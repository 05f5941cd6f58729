/**
 * Comment threads in the editor: starting a thread on selected words and on a change without an
 * annotation, replies, edits and deletions of one's own only, resolving and reopening, undo; and
 * the oracle — after random edits around a commented passage (and anywhere), the draft saved and
 * reopened through the amendment file highlights the same words as the live editor did.
 */
import type { EditorState } from "prosemirror-state";
import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { CommentAuthor } from "../../src/core/annotations/comments";
import { Random } from "../../src/core/samples/random";
import {
  commentOnChange, composeTarget, deleteThreadComment, editThreadComment, replyToThread, requestComment, resolveThread, setCurrentUser, startTextThread,
} from "../../src/editor/comments/commands";
import { savedThreads, threadEntries } from "../../src/editor/comments/threadList";
import { docCurrentUser, docThreads, threadsState } from "../../src/editor/comments/threadsPlugin";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { selectChange } from "../../src/editor/redline/commands";
import { docAnnotations, redlineState } from "../../src/editor/redline/plugin";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { positionOf, run, undoing } from "../support/editorHarness";
import { randomAction } from "../support/randomTransactions";
import { reopened } from "../support/reopen";

const clerk: CommentAuthor = { name: "Dana Whitfield", office: "Office of the City Clerk" };
const ward: CommentAuthor = { name: "Luis Ortega", office: "32nd Ward" };

function fresh(): EditorState {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() }).state;
}

/** The words a thread is on now, in the saved text's spacing, or null when it is detached. */
function liveWords(state: EditorState, id: string): string | null {
  const range = threadsState(state).live.get(id)?.range;
  return range ? state.doc.textBetween(range.from, range.to, " ").replace(/[\s\u00a0]+/g, " ").replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'").trim() : null;
}

/** A paragraph's words that are no change: a stretch of a textblock of a section, as a range. */
function somePassage(state: EditorState, random: Random): { from: number; to: number } {
  const blocks: Array<{ pos: number; text: string }> = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph" && node.textContent.length > 40) { blocks.push({ pos: pos + 1, text: node.textContent }); return false; }
    return true;
  });
  const block = random.pick(blocks);
  const starts = [...block.text.matchAll(/(?<=^| )\S/g)].map((match) => match.index!);
  const start = random.pick(starts.slice(0, Math.max(1, starts.length - 3)));
  const end = Math.min(block.text.length, start + random.int(5, 30));
  return { from: block.pos + start, to: block.pos + end };
}

describe("comment threads in the editor", () => {
  it("starts a thread on selected words, highlights them, and takes replies, own edits and deletions, resolve and reopen", () => {
    let state = fresh();
    const from = positionOf(state, "Victims of crime");
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + "Victims of crime".length)));
    expect(composeTarget(state)).toEqual({ kind: "text", from, to: from + "Victims of crime".length });
    state = run(state, requestComment());
    expect(threadsState(state).compose).toEqual({ kind: "text", from, to: from + 16 });
    state = run(state, startTextThread(from, from + 16, clerk, "Is the name defined?", "2026-11-02T09:00:00.000Z"));
    const [thread] = docThreads(state);
    expect(thread!.anchor.quote.exact).toBe("Victims of crime");
    expect(threadsState(state).compose).toBeNull();
    expect(threadsState(state).activeId).toBe(thread!.id);
    const highlight = threadsState(state).decorations.find();
    expect(highlight.map((each) => state.doc.textBetween(each.from, each.to))).toEqual(["Victims of crime"]);
    const ref = { kind: "text", id: thread!.id } as const;
    state = run(state, replyToThread(ref, ward, "It is, in 2-173-010."));
    const [first, reply] = docThreads(state)[0]!.comments;
    expect(() => run(state, editThreadComment(ref, first!.id, ward, "taken over"))).toThrow();
    expect(() => run(state, deleteThreadComment(ref, first!.id, ward))).toThrow();
    state = run(state, editThreadComment(ref, first!.id, clerk, "Is the name defined anywhere?"));
    expect(docThreads(state)[0]!.comments[0]!).toMatchObject({ text: "Is the name defined anywhere?", edited: expect.any(String) });
    state = run(state, resolveThread(ref, true));
    expect(docThreads(state)[0]!.resolved).toBe(true);
    expect((threadsState(state).decorations.find()[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toContain("resolved");
    state = run(state, resolveThread(ref, false));
    state = run(state, deleteThreadComment(ref, reply!.id, ward));
    expect(docThreads(state)[0]!.comments).toHaveLength(1);
    state = run(state, deleteThreadComment(ref, first!.id, clerk));
    expect(docThreads(state)).toEqual([]);
    // Each step is one undo away.
    state = undoing(state);
    expect(docThreads(state)[0]!.comments).toHaveLength(1);
  });

  it("comments on a change that has no annotation yet, and on the change at the caret", () => {
    let state = fresh();
    const change = redlineState(state).redline.changes.find((each) => each.inserted.trim() && !redlineState(state).annotations.byChange.has(each.id))!;
    state = run(state, commentOnChange(change.id, clerk, "Why this wording?"));
    const annotation = redlineState(state).annotations.byChange.get(change.id)![0]!;
    expect(annotation.comments.map((each) => each.text)).toEqual(["Why this wording?"]);
    expect(annotation.status).toBe("proposed");
    const ref = { kind: "change", annotationId: annotation.id } as const;
    state = run(state, resolveThread(ref, true));
    expect(docAnnotations(state).find((each) => each.id === annotation.id)!.resolved).toBe(true);
    expect(threadEntries(state).find((entry) => entry.changeId === change.id)).toMatchObject({ resolved: true, words: change.inserted.trim() });
    // Asking to comment on that change again (the caret in it) opens its thread rather than a new one.
    state = run(state, selectChange(change.id));
    state = run(state, requestComment());
    expect(threadsState(state).compose).toBeNull();
    expect(threadsState(state).activeId).toBe(`change:${annotation.id}`);
  });

  it("keeps the current user with the draft, outside the undo history", () => {
    let state = run(fresh(), setCurrentUser({ name: " Dana Whitfield ", office: "Office of the City Clerk" }));
    expect(docCurrentUser(state)).toEqual(clerk);
    expect(() => run(state, setCurrentUser({ name: "  ", office: "" }))).toThrow();
    const back = reopened(state);
    expect(docCurrentUser(back)).toEqual(clerk);
    state = run(state, startTextThread(positionOf(state, "Victims of crime"), positionOf(state, "Victims of crime") + 9, clerk, "x"));
    state = undoing(state);
    expect(docCurrentUser(state)).toEqual(clerk);
  });

  it("reopens a saved draft with every thread on the words the editor showed, after random edits around them", () => {
    const seeds = Number(process.env.ORACLE_SEEDS ?? 10);
    let attachedChecks = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const random = new Random(seed * 7919);
      let state = fresh();
      const ids: string[] = [];
      for (let t = 0; t < 2; t++) {
        const { from, to } = somePassage(state, random);
        state = run(state, startTextThread(from, to, clerk, `Thread ${t}`));
        ids.push(docThreads(state)[docThreads(state).length - 1]!.id);
      }
      const history: string[] = [];
      for (let step = 0; step < 14; step++) {
        const id = random.pick(ids);
        const range = threadsState(state).live.get(id)?.range;
        if (range && random.chance(0.65)) {
          // An edit right around (or inside) the passage: words typed at its edges or within, characters deleted beside it.
          const roll = random.next();
          const at = roll < 0.25 ? range.from : roll < 0.5 ? range.to : roll < 0.7 ? random.int(range.from, range.to) : -1;
          if (at >= 0) { state = state.apply(state.tr.insertText(random.pick(["new ", " words", "x", " \u201cterm\u201d ", "  "]), at)); history.push(`type at ${at}`); }
          else {
            const side = random.chance(0.5) ? range.from - random.int(1, 6) : range.to;
            const end = side + random.int(1, 6);
            const $a = state.doc.resolve(Math.max(1, side));
            const $b = state.doc.resolve(Math.min(state.doc.content.size - 1, end));
            if ($a.parent === $b.parent && $a.parent.isTextblock) { state = state.apply(state.tr.delete($a.pos, $b.pos)); history.push(`delete ${$a.pos}-${$b.pos}`); }
          }
        } else {
          const { name, next } = randomAction(state, random);
          if (next) { state = next; history.push(name); }
        }
        const back = reopened(state);
        const where = `seed ${seed} after ${history.join(", ")}`;
        expect(docThreads(back).map((each) => each.id), where).toEqual(docThreads(state).map((each) => each.id));
        for (const each of ids) {
          if (!docThreads(state).some((thread) => thread.id === each)) continue;
          const live = liveWords(state, each);
          if (live === null) continue;
          attachedChecks++;
          expect(liveWords(back, each), `${where}: thread ${each}`).toBe(live);
          // Saving what the reopened editor shows gives the same anchor again.
          expect(savedThreads(back).find((thread) => thread.id === each)!.anchor.quote.exact.replace(/\s+/g, " "), where).toBe(live);
        }
      }
    }
    expect(attachedChecks).toBeGreaterThan(seeds * 10);
  }, 120_000);
});
