/**
 * The renumber log saved with the draft: a new section renumbered in the editor, a citation of
 * its first number, then save and reopen (through the amendment file, and through the typing
 * journal's patch) — the checks are the same as before saving, the renumber fix included. A
 * draft saved before the log was kept opens with none.
 */
import { describe, expect, it } from "vitest";
import { parseAmendment, serializeAmendment } from "../../src/core/amendmentFile";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { referenceProblems } from "../../src/editor/references";
import { insertSection, renumberSection } from "../../src/editor/structure/sectionCommands";
import { applyPatch, makePatch } from "../../src/persistence/draftPatch";
import { draftContent, loadContent } from "../../src/ui/drafts/draftContent";
import { positionOf, redlineEditor, run } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { reopened } from "../support/reopen";
import type { EditorState } from "prosemirror-state";

function sectionPos(state: EditorState, number: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (node.type.name === "section" && node.firstChild!.attrs.number === number) found = pos;
    return found < 0 && node.type.name !== "section";
  });
  return found;
}

/** 2-173-045 added, cited, then renumbered 2-173-047: the citation is stale. */
function renumberedDraft(): EditorState {
  let state = redlineEditor(fixtureBase());
  state = run(state, insertSection(sectionPos(state, "2-173-042"), "2-173-045", "Coercion prohibited."));
  state = state.apply(state.tr.insertText("No agent shall coerce any person."));
  state = state.apply(state.tr.insertText("like Section 2-173-045, ", positionOf(state, "shall not be construed to create")));
  return run(state, renumberSection(sectionPos(state, "2-173-045"), "2-173-047", "2-173-042"));
}

const summary = (state: EditorState) => referenceProblems(state).map((p) => [p.kind, p.citingSection, p.cited, p.newTarget, p.fix?.text ?? null, p.citation?.span.from ?? null]);

describe("the renumber log saved with the draft", () => {
  it("gives the same checks after saving and reopening the file", () => {
    const state = renumberedDraft();
    expect(summary(state)).toEqual([["renumbered-section", "2-173-050", "2-173-045", "2-173-047", "2-173-047", expect.any(Number)]]);
    expect(summary(reopened(state))).toEqual(summary(state));
  });

  it("gives the same checks after a journal patch is applied to the last save", () => {
    const state = renumberedDraft();
    const checkpoint = { ...draftContent(redlineEditor(fixtureBase()), "Draft"), renumberings: undefined };
    const restored = applyPatch(checkpoint, JSON.parse(JSON.stringify(makePatch(checkpoint, draftContent(state, "Draft")))))!;
    const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
    loadContent(editor, restored);
    expect(summary(editor.state)).toEqual(summary(state));
  });

  it("opens a file saved without the log as having none, and refuses a malformed one", () => {
    const text = serializeAmendment(draftContent(renumberedDraft(), "Draft"), "2026-01-01T00:00:00.000Z");
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.renumberings).toEqual([{ from: "2-173-045", to: "2-173-047" }]);
    delete file.renumberings;
    const old = parseAmendment(JSON.stringify(file));
    expect(old.renumberings ?? []).toEqual([]);
    const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
    loadContent(editor, old);
    expect(summary(editor.state).map((row) => row[0])).toEqual(["missing-section"]);
    expect(() => parseAmendment(JSON.stringify({ ...file, renumberings: [{ from: "2-173-045", to: "soon" }] }))).toThrow(/renumberings\[0\]/);
  });
});
