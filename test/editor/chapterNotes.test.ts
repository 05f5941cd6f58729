/**
 * A chapter's editor's notes in the editor (issue 11, item 2): an `editor_note` of the chapter
 * node, after the contents; read back by both readers; edited, removed and put back through the
 * live redline, which must agree after every step with a redline built from nothing.
 */
import { describe, expect, it } from "vitest";
import type { AmendmentContent } from "../../src/core/amendmentFile";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { toModel, toProseMirror } from "../../src/editor/convert";
import { rejectChanges } from "../../src/editor/redline/commands";
import { DraftReader } from "../../src/editor/redline/draftReader";
import { redlineState } from "../../src/editor/redline/plugin";
import { codeSchema } from "../../src/editor/schema";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateChapter, sentence } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { createEditorState } from "../../src/editor/editorState";
import { redlinePlugin } from "../../src/editor/redline/plugin";
import { applyPatch, makePatch } from "../../src/persistence";
import { randomAction } from "../support/randomTransactions";
import { NOTED_PAGE as PAGE } from "../support/chapterNotesText";
import { changeList, positionOf, redlineEditor, run } from "../support/editorHarness";
import { disagreement } from "../support/redlineOracle";

const base = parseCodeText(PAGE).document;

function notePosition(state: ReturnType<typeof redlineEditor>): { pos: number; size: number } {
  let found: { pos: number; size: number } | null = null;
  state.doc.firstChild!.forEach((child, offset) => {
    if (!found && child.type === codeSchema.nodes.editor_note) found = { pos: 1 + offset, size: child.nodeSize };
  });
  if (!found) throw new Error("no chapter note");
  return found;
}

describe("a chapter's editor's notes in the editor", () => {
  it("stand as editor_note nodes after the contents and convert back to the same model", () => {
    const pm = toProseMirror(base);
    pm.check();
    const kinds: string[] = [];
    pm.firstChild!.forEach((child) => kinds.push(child.type.name));
    expect(kinds.slice(0, 3)).toEqual(["chapter_heading", "toc", "editor_note"]);
    expect(pm.firstChild!.child(2).textContent).toBe(base.chapters[0]!.notes![0]!.text);
    expect(toModel(pm)).toEqual(base);
    const reader = new DraftReader();
    const first = reader.read(pm);
    expect(first).toEqual(base);
    // Read again after an edit elsewhere: the very same notes list, so the head is not re-diffed.
    const state = redlineEditor(base);
    const typed = state.apply(state.tr.insertText("plainly ", positionOf(state, "known and cited")));
    expect(reader.read(typed.doc).chapters[0]!.notes).toBe(reader.read(state.doc).chapters[0]!.notes);
  });

  it("redline typing in a note as a note change, agreeing with a fresh redline, and reject it", () => {
    let state = redlineEditor(base);
    state = state.apply(state.tr.insertText("the ", positionOf(state, "former chapter")));
    expect(disagreement(state, base)).toBeNull();
    expect(changeList(state)).toEqual(["[--]{+the+}"]);
    const change = redlineState(state).redline.changes[0]!;
    expect(change.part).toBe("history");
    expect(toModel(state.doc).chapters[0]!.notes![0]!.text).toContain("renumbered the former chapter");
    state = run(state, rejectChanges([change.id]));
    expect(toModel(state.doc)).toEqual(base);
    expect(disagreement(state, base)).toBeNull();
  });

  it("redline a removed note as one whole-line change, and rejecting it puts the note back after the contents", () => {
    let state = redlineEditor(base);
    const { pos, size } = notePosition(state);
    state = state.apply(state.tr.delete(pos, pos + size));
    expect(toModel(state.doc).chapters[0]!.notes).toBeUndefined();
    expect(disagreement(state, base)).toBeNull();
    const changes = redlineState(state).redline.changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.deleted.trim()).toBe(base.chapters[0]!.notes![0]!.text);
    // The struck note is shown where it stood, after the contents (not inside them).
    const widgets = redlineState(state).decorations.find().filter((decoration) => decoration.from === decoration.to);
    expect(widgets.map((decoration) => decoration.from)).toEqual([pos]);
    expect(state.doc.resolve(pos).parent.type).toBe(codeSchema.nodes.chapter);
    state = run(state, rejectChanges([changes[0]!.id]));
    expect(toModel(state.doc)).toEqual(base);
    expect(redlineState(state).redline.changes).toEqual([]);
  });

  it("survive the typing journal's patches", () => {
    const state = redlineEditor(base);
    const typed = state.apply(state.tr.insertText("the ", positionOf(state, "former chapter")));
    const draft = new DraftReader().read(typed.doc);
    const content = (doc: typeof base): AmendmentContent => ({ name: "Draft", base, draft: doc, sponsors: null, annotations: [], exportSettings: null });
    const patch = JSON.parse(JSON.stringify(makePatch(content(base), content(draft)))) as ReturnType<typeof makePatch>;
    expect(applyPatch(content(base), patch)?.draft).toEqual(draft);
  });

  it("keep the live redline equal to a fresh one over random transactions on chapters with notes (20 seeds × 40 steps)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = new Random(seed);
      const chapters = ["2-171", "2-172", "2-173"].map((number, i) => {
        const chapter = generateChapter(seed * 7 + i, 4000, number);
        const notes = Array.from({ length: random.int(0, 2) }, (_, n) => ({ kind: "note" as const, id: `${chapter.id}-n${n}`, text: `Editor's note – ${sentence(random, random.int(5, 20))}` }));
        return notes.length > 0 ? { ...chapter, notes } : chapter;
      });
      const base: OrdinanceDocument = parseCodeText(serializeDocument({ title: null, chapters })).document;
      const edited = randomlyEdited(base, seed, 4);
      // Some drafts edit, drop or add a chapter's note as well.
      const draft = { ...edited, chapters: edited.chapters.map((chapter, c) => {
        const roll = random.next();
        const notes = chapter.notes ?? [];
        if (roll < 0.25 && notes.length > 0) return { ...chapter, notes: notes.map((note, n) => (n === 0 ? { ...note, text: `${note.text.slice(0, -1)} and more.` } : note)) };
        if (roll < 0.4 && notes.length > 0) return { ...chapter, notes: notes.slice(1) };
        if (roll < 0.55) return { ...chapter, notes: [...notes, { kind: "note" as const, id: `new-${c}`, text: "Editor's note – added in the draft." }] };
        return chapter;
      }) };
      let state = createEditorState(draft, { plugins: [redlinePlugin({ base })] });
      const history: string[] = [];
      expect(disagreement(state, base), `seed ${seed}, initial`).toBeNull();
      for (let step = 0; step < 40; step++) {
        const { name, next } = randomAction(state, random);
        if (!next) continue;
        history.push(name);
        state = next;
        const problem = disagreement(state, base);
        if (problem) throw new Error(`seed ${seed}, after ${history.join(", ")}: ${problem.slice(0, 2000)}`);
      }
    }
  });
});
