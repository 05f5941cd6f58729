/**
 * The table of contents follows the section headings in the editor: a catchline or number
 * edited in a heading, a section pasted or deleted, and the contents line changes in the same
 * transaction, shows the same change in the redline and is undone in the same step.
 */
import { Fragment, Slice, type Node as PMNode } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/core/redline/types";
import { sectionNode, toModel } from "../../src/editor/convert";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { redlineState } from "../../src/editor/redline/plugin";
import { codeSchema } from "../../src/editor/schema";
import { syncDocumentContents } from "../../src/core/model/contents";
import { rejectChanges } from "../../src/editor/redline/commands";
import { positionOf, redlineEditor, redoing, run, undoing } from "../support/editorHarness";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

/** The contents lines of the first chapter as "NUMBER Catchline" strings. */
function tocLines(state: EditorState): string[] {
  return toModel(state.doc).chapters[0]!.toc.map((entry) => `${entry.number} ${entry.catchline}`);
}

/** The heading lines of the first chapter's sections, in order. */
function headingLines(state: EditorState): string[] {
  return toModel(state.doc).chapters[0]!.sections.map((section) => `${section.number} ${section.catchline}`);
}

/** Position of the section_heading node whose number is `number`. */
function headingPos(state: EditorState, number: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type === codeSchema.nodes.section_heading && node.attrs.number === number) found = pos;
    return node.type !== codeSchema.nodes.section_heading;
  });
  if (found < 0) throw new Error(`no heading ${number}`);
  return found;
}

/** Start and end of the section node with this number. */
function sectionRange(state: EditorState, number: string): { from: number; to: number; node: PMNode } {
  const heading = headingPos(state, number);
  const $pos = state.doc.resolve(heading);
  return { from: $pos.before(), to: $pos.after(), node: $pos.parent };
}

function changesOf(state: EditorState, part: Change["part"]): Array<[string, string]> {
  return redlineState(state).redline.changes.filter((change) => change.part === part).map((change) => [change.deleted.trim(), change.inserted.trim()]);
}

/** Changes in the chapter head (contents lines) and in headings, by part. */
function headChanges(state: EditorState): { toc: Array<[string, string]>; catchline: Array<[string, string]>; numbers: Array<[string, string]> } {
  return { toc: changesOf(state, "toc"), catchline: changesOf(state, "catchline"), numbers: changesOf(state, "number") };
}

describe("contents kept in step with the headings", () => {
  it("a catchline edited in the heading changes its contents line the same way, undone in one step", () => {
    const start = redlineEditor();
    const at = positionOf(start, "Severability.", 1) + "Severability".length;
    const edited = start.apply(start.tr.insertText(" of provisions", at));
    expect(tocLines(edited)).toEqual(headingLines(edited));
    expect(tocLines(edited)).toContain("2-173-070 Severability of provisions.");
    const { toc, catchline } = headChanges(edited);
    expect(catchline.length).toBeGreaterThan(0);
    expect(toc).toEqual(catchline);
    const undone = undoing(edited);
    expect(toModel(undone.doc)).toEqual(toModel(start.doc));
    expect(redlineState(undone).redline.changes).toEqual([]);
    const redone = redoing(undone);
    expect(toModel(redone.doc)).toEqual(toModel(edited.doc));
  });

  it("a renumbered section renumbers its contents line: the number struck and underscored in both", () => {
    const start = redlineEditor();
    const edited = start.apply(start.tr.setNodeAttribute(headingPos(start, "2-173-070"), "number", "2-173-080"));
    expect(tocLines(edited)).toEqual(headingLines(edited));
    const { numbers } = headChanges(edited);
    expect(numbers).toEqual([["2-173-070", "2-173-080"], ["2-173-070", "2-173-080"]]);
    const undone = undoing(edited);
    expect(toModel(undone.doc)).toEqual(toModel(start.doc));
  });

  it("a pasted section adds its contents line in order, and deleting a section removes its line", () => {
    const start = redlineEditor();
    const model = toModel(start.doc);
    const copy = model.chapters[0]!.sections.find((section) => section.number === "2-173-050")!;
    const added = { ...copy, id: "", number: "2-173-055", catchline: "Reports to the Council.", blocks: copy.blocks.map((block) => ({ ...block, id: "" })) };
    const after = sectionRange(start, "2-173-050").to;
    const pasted = start.apply(start.tr.replace(after, after, new Slice(Fragment.from(sectionNode(added)), 0, 0)));
    expect(tocLines(pasted)).toEqual(headingLines(pasted));
    expect(tocLines(pasted)).toContain("2-173-055 Reports to the Council.");
    const gone = sectionRange(pasted, "2-173-020");
    const deleted = pasted.apply(pasted.tr.delete(gone.from, gone.to));
    expect(tocLines(deleted)).toEqual(headingLines(deleted));
    expect(tocLines(deleted).some((line) => line.startsWith("2-173-020 "))).toBe(false);
    expect(toModel(undoing(deleted).doc)).toEqual(toModel(pasted.doc));
  });

  it("keeps a contents line the official text lists with no section body, in number order", () => {
    const base = fixtureBase();
    const chapter = base.chapters[0]!;
    const toc = [...chapter.toc.slice(0, 3), { number: "2-173-025", catchline: "Reserved." }, ...chapter.toc.slice(3)];
    const withReserved = { ...base, chapters: [{ ...chapter, toc }] };
    const start = redlineEditor(withReserved);
    const at = positionOf(start, "Severability.", 1) + "Severability".length;
    const edited = start.apply(start.tr.insertText(" of provisions", at));
    expect(tocLines(edited)).toContain("2-173-025 Reserved.");
    expect(tocLines(edited).indexOf("2-173-025 Reserved.")).toBe(3);
    expect(tocLines(edited)).toContain("2-173-070 Severability of provisions.");
  });

  it("a direct edit of a contents line does not stick: the contents are derived from the headings", () => {
    const start = redlineEditor();
    const at = positionOf(start, "Severability.");
    const typed = start.apply(start.tr.insertText("Partial ", at));
    // The first hit of "Severability." is the contents line.
    expect(tocLines(typed)).toEqual(headingLines(typed));
    expect(redlineState(typed).redline.changes).toEqual([]);
  });

  it("brings a loaded draft's lagging contents in step and says which lines it changed", () => {
    const base = fixtureBase();
    const chapter = base.chapters[0]!;
    const stale = { ...base, chapters: [{ ...chapter, sections: chapter.sections.map((section) => (section.number === "2-173-070" ? { ...section, catchline: "Severability of provisions." } : section)) }] };
    const editor = new DocumentEditor({ base, draft: stale });
    expect(tocLines(editor.state)).toEqual(headingLines(editor.state));
    expect(editor.contentsFixes).toEqual([{ chapter: "2-173", before: "2-173-070 Severability.", after: "2-173-070 Severability of provisions." }]);
    const { toc, catchline } = headChanges(editor.state);
    expect(toc).toEqual(catchline);
    expect(editor.load({ base, draft: base })).toEqual([]);
  });

  it("keeps a contents line the official text words differently while its heading is left alone", () => {
    const fixture = fixtureBase();
    const chapter = fixture.chapters[0]!;
    const base = { ...fixture, chapters: [{ ...chapter, toc: chapter.toc.map((entry) => (entry.number === "2-173-040" ? { ...entry, catchline: "Conditioning benefits prohibited." } : entry)) }] };
    const editor = new DocumentEditor({ base, draft: base });
    const at = positionOf(editor.state, "Severability.", 1) + "Severability".length;
    editor.dispatch(editor.state.tr.insertText(" of provisions", at));
    expect(tocLines(editor.state)).toContain("2-173-040 Conditioning benefits prohibited.");
    expect(tocLines(editor.state)).toContain("2-173-070 Severability of provisions.");
    expect(headChanges(editor.state).toc).toEqual(headChanges(editor.state).catchline);
  });

  it("rejecting a contents-line change rejects the heading change it mirrors", () => {
    const base = fixtureBase();
    let state = redlineEditor(base, fixtureAmended());
    const tocChange = (inserted: string) => redlineState(state).redline.changes.find((change) => change.part === "toc" && change.inserted.trim() === inserted)!;
    state = run(state, rejectChanges([tocChange("with federal authorities").id]));
    expect(tocLines(state)).toEqual(headingLines(state));
    expect(headingLines(state)).toContain("2-173-060 Exchanging information.");
    expect(changesOf(state, "catchline")).toEqual([["file", ""]]);
    expect(changesOf(state, "toc").filter(([deleted]) => deleted === "file")).toHaveLength(1);
    state = run(state, rejectChanges([tocChange("2-173-045 Coercion and threats based on immigration status prohibited.").id]));
    expect(headingLines(state).some((line) => line.startsWith("2-173-045"))).toBe(false);
    expect(tocLines(state)).toEqual(headingLines(state));
  });

  it("rejecting a contents-line change that is worded unlike its heading's rejects the heading's changes", () => {
    const fixture = fixtureBase();
    const chapter = fixture.chapters[0]!;
    const base = { ...fixture, chapters: [{ ...chapter, toc: chapter.toc.map((entry) => (entry.number === "2-173-070" ? { ...entry, catchline: "Severability of this chapter." } : entry)) }] };
    const editor = new DocumentEditor({ base, draft: base });
    const at = positionOf(editor.state, "Severability.", 0) + "Severability".length;
    editor.dispatch(editor.state.tr.insertText(" clause", at));
    expect(tocLines(editor.state)).toContain("2-173-070 Severability clause.");
    const tocChange = redlineState(editor.state).redline.changes.find((change) => change.part === "toc")!;
    expect(editor.run(rejectChanges([tocChange.id]), false)).toBe(true);
    expect(toModel(editor.state.doc)).toEqual(base);
    expect(redlineState(editor.state).redline.changes).toEqual([]);
  });

  it("rejecting a deleted contents line brings its section back", () => {
    const base = fixtureBase();
    const chapter = base.chapters[0]!;
    const draft = syncDocumentContents({ ...base, chapters: [{ ...chapter, sections: chapter.sections.filter((section) => section.number !== "2-173-020") }] }, base).document;
    let state = redlineEditor(base, draft);
    const deletedLine = redlineState(state).redline.changes.find((change) => change.part === "toc" && change.deleted.includes("2-173-020"))!;
    state = run(state, rejectChanges([deletedLine.id]));
    expect(toModel(state.doc)).toEqual(toModel(redlineEditor(base).doc));
  });

  it("shows the contents as not editable", () => {
    const spec = codeSchema.nodes.toc.spec.toDOM!(codeSchema.nodes.toc.create(null, codeSchema.nodes.toc_entry.create({ number: "1-1-1" }))) as unknown as [string, Record<string, string>];
    expect(spec[1].contenteditable).toBe("false");
  });
});
