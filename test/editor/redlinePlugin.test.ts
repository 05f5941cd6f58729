import { Slice, Fragment } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { findSection } from "../../src/core/model/document";
import { toModel } from "../../src/editor/convert";
import { acceptChanges, addComment, annotateChanges, locateChange, rejectChanges } from "../../src/editor/redline/commands";
import { docAnnotations, redlineState } from "../../src/editor/redline/plugin";
import { codeSchema } from "../../src/editor/schema";
import { changeList, decorationKinds, positionOf, redlineEditor, redoing, run, undoing } from "../support/editorHarness";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

describe("the live redline plugin", () => {
  it("starts with no changes when the draft is the base", () => {
    const state = redlineEditor();
    expect(changeList(state)).toEqual([]);
    expect(decorationKinds(state)).toEqual([]);
  });

  it("marks a typed insertion underlined", () => {
    let state = redlineEditor();
    state = state.apply(state.tr.insertText("promptly ", positionOf(state, "ask any person about")));
    expect(changeList(state)).toEqual(["[--]{+promptly+}"]);
    expect(decorationKinds(state)).toEqual(["insert:promptly "]);
  });

  it("shows a deleted word as a struck widget at its place", () => {
    let state = redlineEditor();
    const at = positionOf(state, "in any form,");
    state = state.apply(state.tr.delete(at - 2, at + "in any form,".length));
    expect(changeList(state)).toEqual(["[-, in any form,-]{++}"]);
    const change = redlineState(state).redline.changes[0]!;
    expect(decorationKinds(state)).toEqual([`widget:${change.id}`]);
  });

  it("shows a replaced word as struck old and underlined new", () => {
    let state = redlineEditor();
    const at = positionOf(state, "seeking it");
    state = state.apply(state.tr.insertText("requesting", at, at + "seeking".length));
    expect(changeList(state)).toEqual(["[-seeking-]{+requesting+}"]);
    expect(decorationKinds(state).sort()).toEqual(["insert:requesting", `widget:${redlineState(state).redline.changes[0]!.id}`].sort());
  });

  it("handles a paste across two paragraphs as paragraph changes", () => {
    let state = redlineEditor();
    const from = positionOf(state, "Victims of crime");
    const to = positionOf(state, "shall be treated");
    const pasted = new Slice(Fragment.from([
      codeSchema.nodes.paragraph.create({ id: "", enumerator: null, level: 1 }, codeSchema.text("Pasted words one.")),
      codeSchema.nodes.paragraph.create({ id: "", enumerator: null, level: 1 }, codeSchema.text("Pasted words two ")),
    ]), 1, 1);
    state = state.apply(state.tr.replace(from, to, pasted));
    const section = findSection(redlineState(state).draft, "2-173-005")!;
    expect(section.blocks.map((block) => block.text.slice(0, 24))).toContain("Pasted words two shall b");
    const list = changeList(state);
    expect(list.length).toBeGreaterThan(0);
    expect(list.join(" ")).toContain("Pasted words one.");
    const ids = section.blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("returns to no changes on undo and back on redo", () => {
    let state = redlineEditor();
    state = state.apply(state.tr.insertText("promptly ", positionOf(state, "ask any person about")));
    state = undoing(state);
    expect(changeList(state)).toEqual([]);
    expect(decorationKinds(state)).toEqual([]);
    state = redoing(state);
    expect(changeList(state)).toEqual(["[--]{+promptly+}"]);
  });

  it("rejects a change by restoring the base wording, as one undoable step", () => {
    let state = redlineEditor(fixtureBase(), fixtureAmended());
    const target = redlineState(state).redline.changes.find((c) => c.deleted === "seeking")!;
    const before = changeList(state).length;
    state = run(state, rejectChanges([target.id]));
    expect(findSection(toModel(state.doc), "2-173-040")!.blocks[0]!.text).toContain("the person seeking it");
    expect(changeList(state)).toHaveLength(before - 1);
    state = undoing(state);
    expect(changeList(state)).toHaveLength(before);
  });

  it("rejects every kind of change in the fixture back to the base text", () => {
    let state = redlineEditor(fixtureBase(), fixtureAmended());
    const ids = redlineState(state).redline.changes.filter((c) => !c.withinMove).map((c) => c.id);
    state = run(state, rejectChanges(ids));
    expect(changeList(state)).toEqual([]);
    expect(toModel(state.doc).chapters[0]!.sections.map((s) => s.number)).toEqual(fixtureBase().chapters[0]!.sections.map((s) => s.number));
  });

  it("shows a re-lettered enumerator as a label change", () => {
    const state = redlineEditor(fixtureBase(), fixtureAmended());
    expect(decorationKinds(state)).toContain("label:(e)");
  });
});

describe("annotations on changes", () => {
  function annotated() {
    let state = redlineEditor();
    const at = positionOf(state, "ask any person about");
    state = state.apply(state.tr.insertText("lawfully ", at));
    const change = redlineState(state).redline.changes[0]!;
    state = run(state, annotateChanges([change.id], { sponsorIds: ["waguespack"], justification: "Limits questioning." }));
    return state;
  }

  it("attaches sponsors and a justification to a change", () => {
    const state = annotated();
    const change = redlineState(state).redline.changes[0]!;
    const annotation = redlineState(state).annotations.byChange.get(change.id)![0]!;
    expect(annotation).toMatchObject({ sponsorIds: ["waguespack"], justification: "Limits questioning.", status: "proposed" });
  });

  it("follows its change through edits elsewhere and through a reshaped change", () => {
    let state = annotated();
    state = state.apply(state.tr.insertText("Hereafter ", positionOf(state, "No agent or agency shall disclose")));
    state = state.apply(state.tr.insertText("and kindly ", positionOf(state, "lawfully ") + "lawfully ".length));
    const changes = redlineState(state).redline.changes;
    const reshaped = changes.find((c) => c.inserted.includes("lawfully"))!;
    expect(reshaped.inserted.trim()).toBe("lawfully and kindly");
    expect(redlineState(state).annotations.byChange.get(reshaped.id)?.[0]?.justification).toBe("Limits questioning.");
    expect(redlineState(state).annotations.detached).toEqual([]);
  });

  it("survives a paragraph split before its change", () => {
    let state = annotated();
    const at = positionOf(state, "No agent or agency shall lawfully");
    state = state.apply(state.tr.split(at + 2));
    const change = redlineState(state).redline.changes.find((c) => c.inserted.includes("lawfully"));
    expect(change).toBeDefined();
    expect(redlineState(state).annotations.byChange.get(change!.id)?.[0]?.sponsorIds).toEqual(["waguespack"]);
  });

  it("is kept as detached, with its text, when its change disappears, and comes back on undo", () => {
    let state = annotated();
    const change = redlineState(state).redline.changes[0]!;
    state = run(state, rejectChanges([change.id]));
    expect(redlineState(state).annotations.detached.map((a) => a.justification)).toEqual(["Limits questioning."]);
    expect(docAnnotations(state)).toHaveLength(1);
    state = undoing(state);
    expect(redlineState(state).annotations.detached).toEqual([]);
  });

  it("undoes and redoes annotation edits with the text, in one history", () => {
    let state = annotated();
    expect(docAnnotations(state)).toHaveLength(1);
    state = undoing(state);
    expect(docAnnotations(state)).toHaveLength(0);
    expect(changeList(state)).toEqual(["[--]{+lawfully+}"]);
    state = redoing(state);
    expect(docAnnotations(state)).toHaveLength(1);
  });

  it("records acceptance and comments", () => {
    let state = annotated();
    const change = redlineState(state).redline.changes[0]!;
    state = run(state, acceptChanges([change.id]));
    const annotation = redlineState(state).annotations.byChange.get(change.id)![0]!;
    expect(annotation.status).toBe("agreed");
    const uncommented = redlineState(state).decorations.find().filter((decoration) => String((decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.class ?? "").includes("redline-commented"));
    expect(uncommented).toEqual([]);
    state = run(state, addComment(annotation.id, "waguespack", "Fine by the 32nd Ward.", "2026-11-26T10:00:00Z"));
    expect(docAnnotations(state)[0]!.comments).toEqual([expect.objectContaining({ author: "waguespack", text: "Fine by the 32nd Ward." })]);
    expect(locateChange(state, change.id)?.change.id).toBe(change.id);
    // The commented change's marks say it has a thread (it was not marked before the comment).
    const classesOf = (id: string) => redlineState(state).decorations.find()
      .filter((decoration) => (decoration.spec as { changeId?: string }).changeId === id)
      .map((decoration) => String((decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.class ?? ""));
    expect(classesOf(change.id).length).toBeGreaterThan(0);
    expect(classesOf(change.id).every((classes) => classes.split(" ").includes("redline-commented"))).toBe(true);

  });
});

describe("structural changes in the editor", () => {
  function withSections(mutate: (sections: Array<{ number: string }>) => void) {
    const draft = JSON.parse(JSON.stringify(fixtureBase()));
    mutate(draft.chapters[0].sections);
    return redlineEditor(fixtureBase(), draft);
  }

  it("shows a renumbered section's number old struck and new underlined", () => {
    const state = withSections((sections) => { sections[3]!.number = "2-173-035"; });
    expect(decorationKinds(state)).toContain("label:2-173-030");
    const change = redlineState(state).redline.changes.find((c) => c.part === "number")!;
    expect([change.deleted, change.inserted]).toEqual(["2-173-030", "2-173-035"]);
  });

  it("labels a moved section at both ends", () => {
    const state = withSections((sections) => {
      const [moved] = sections.splice(2, 1);
      moved!.number = "2-173-065";
      sections.splice(7, 0, moved!);
    });
    const moves = redlineState(state).redline.changes.filter((c) => c.move);
    expect(moves.map((c) => `${c.move!.role} ${c.section} ${c.move!.otherSection}`)).toEqual(["source 2-173-020 2-173-065", "destination 2-173-065 2-173-020"]);
    const kinds = decorationKinds(state);
    expect(kinds.filter((kind) => kind.startsWith("widget:"))).toContain(`widget:${moves[0]!.id}`);
    expect(kinds.some((kind) => kind.startsWith("insert:") && kind.includes("Requesting information prohibited."))).toBe(true);
  });
});
