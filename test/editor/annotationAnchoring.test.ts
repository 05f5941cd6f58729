/**
 * Annotations and the selection stay on their own change while the text around them is
 * edited: the QA scenarios of issue 9 on a real editor state of the demonstration draft.
 * Expected values come from the scenario (which change the person annotated), never from the
 * code under test.
 */
import type { EditorState, Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/core/redline/types";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { annotateChanges, selectChange } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf } from "../support/editorHarness";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { disagreement } from "../support/redlineOracle";
import { parseAmendment, serializeAmendment } from "../../src/core/amendmentFile";
import { draftContent, loadContent } from "../../src/ui/drafts/draftContent";

const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));

function demonstration(): { get: () => EditorState; apply: (tr: Transaction) => void } {
  let state = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended(), sponsors }).state;
  return { get: () => state, apply: (tr) => { state = state.apply(tr); } };
}

/** The state after saving `state` as an amendment file and opening that file in a new editor. */
function reopened(state: EditorState): EditorState {
  const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
  loadContent(editor, parseAmendment(serializeAmendment(draftContent(state, "Draft"), "2026-01-01T00:00:00.000Z")));
  return editor.state;
}

function changeWhere(state: EditorState, test: (change: Change) => boolean): Change {
  const found = redlineState(state).redline.changes.filter(test);
  if (found.length !== 1) throw new Error(`expected one change, found ${found.length}`);
  return found[0]!;
}

const residentToPerson = (change: Change) => change.section === "2-173-005" && change.deleted === "resident";
const insertedE = (change: Change) => change.section === "2-173-005" && change.inserted.includes("(e) Threats to report");

/** Sponsor ids of the annotations attached to the change picked by `test`. */
function sponsorsOn(state: EditorState, test: (change: Change) => boolean): string[][] {
  return (redlineState(state).annotations.byChange.get(changeWhere(state, test).id) ?? []).map((a) => [...a.sponsorIds]);
}

describe("annotations follow their own change", () => {
  it("keeps both annotations on their changes when the annotated word is retyped (QA scenario 1)", () => {
    const editor = demonstration();
    annotateChanges([changeWhere(editor.get(), residentToPerson).id], { sponsorIds: ["ramirez-rosa"] })(editor.get(), editor.apply);
    annotateChanges([changeWhere(editor.get(), insertedE).id], { sponsorIds: ["pawar"] })(editor.get(), editor.apply);
    // "person" in 005(b): the first occurrence in the draft, before (e).
    const at = positionOf(editor.get(), "regardless of whether a person") + "regardless of whether a per".length;
    editor.apply(editor.get().tr.insertText("-", at));
    const state = editor.get();
    const reshaped = (change: Change) => change.section === "2-173-005" && change.deleted === "resident" && change.inserted === "per-son";
    expect(sponsorsOn(state, reshaped)).toEqual([["ramirez-rosa"]]);
    expect(sponsorsOn(state, insertedE)).toEqual([["pawar"]]);
    const { annotations } = redlineState(state);
    expect(annotations.detached).toEqual([]);
    expect(disagreement(state, fixtureBase())).toBeNull();
    // And so after saving and reopening.
    const again = reopened(state);
    expect(sponsorsOn(again, reshaped)).toEqual([["ramirez-rosa"]]);
    expect(sponsorsOn(again, insertedE)).toEqual([["pawar"]]);
    expect(redlineState(again).annotations.detached).toEqual([]);
  });

  it("does not move a lone annotation to another change that merely shares its words", () => {
    const editor = demonstration();
    annotateChanges([changeWhere(editor.get(), residentToPerson).id], { sponsorIds: ["ramirez-rosa"] })(editor.get(), editor.apply);
    const at = positionOf(editor.get(), "regardless of whether a person") + "regardless of whether a per".length;
    editor.apply(editor.get().tr.insertText("-", at));
    const state = editor.get();
    expect(sponsorsOn(state, insertedE)).toEqual([]);
    expect(sponsorsOn(state, (change) => change.section === "2-173-005" && change.inserted === "per-son")).toEqual([["ramirez-rosa"]]);
  });

  it("detaches, and still shows, an annotation whose change is gone; two never share one change", () => {
    const editor = demonstration();
    annotateChanges([changeWhere(editor.get(), residentToPerson).id], { sponsorIds: ["ramirez-rosa"] })(editor.get(), editor.apply);
    annotateChanges([changeWhere(editor.get(), insertedE).id], { sponsorIds: ["pawar"] })(editor.get(), editor.apply);
    // Put back the base word: the change "resident → person" no longer exists.
    const at = positionOf(editor.get(), "regardless of whether a person") + "regardless of whether a ".length;
    editor.apply(editor.get().tr.insertText("resident", at, at + "person".length));
    const state = editor.get();
    const { annotations } = redlineState(state);
    expect(annotations.detached.map((a) => [...a.sponsorIds])).toEqual([["ramirez-rosa"]]);
    expect(sponsorsOn(state, insertedE)).toEqual([["pawar"]]);
    for (const list of annotations.byChange.values()) expect(list.length).toBe(1);
    expect(disagreement(state, fixtureBase())).toBeNull();
    const again = redlineState(reopened(state)).annotations;
    expect(again.detached.map((a) => [...a.sponsorIds])).toEqual([["ramirez-rosa"]]);
    expect(again.list.length).toBe(2);
  });
});

describe("the selection follows its change", () => {
  it("stays on the (e) insertion when an edit earlier in the section renumbers the change ids (QA scenario 2)", () => {
    const editor = demonstration();
    const e = changeWhere(editor.get(), insertedE);
    selectChange(e.id)(editor.get(), editor.apply);
    const end = positionOf(editor.get(), "born outside the United States.") + "born outside the United States.".length;
    editor.apply(editor.get().tr.insertText(" Indeed.", end));
    const state = editor.get();
    const now = changeWhere(state, insertedE);
    expect(now.id).not.toBe(e.id);
    expect(redlineState(state).selectedId).toBe(now.id);
  });

  it("is cleared when the selected change is gone", () => {
    const editor = demonstration();
    selectChange(changeWhere(editor.get(), residentToPerson).id)(editor.get(), editor.apply);
    const at = positionOf(editor.get(), "regardless of whether a person") + "regardless of whether a ".length;
    editor.apply(editor.get().tr.insertText("resident", at, at + "person".length));
    expect(redlineState(editor.get()).selectedId).toBeNull();
  });
});
