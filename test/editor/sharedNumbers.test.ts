/**
 * Two draft sections sharing a number, as midway through a renumbering (the new section typed
 * in under the number the old one still has): every change has its own id, the ids stay the
 * same while typing elsewhere, and accepting or rejecting by id through the editor commands
 * acts on exactly that change.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { toModel } from "../../src/editor/convert";
import { acceptChanges, locateChange, rejectChanges } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";
import { positionOf, redlineEditor, run } from "../support/editorHarness";

const NEW_BODY = "Every agency shall post a notice of the rights of persons under this chapter in each place where it serves the public, in plain words and in the languages most spoken in the City.";

const base = parseCodeText(chapterText([
  ["2-173-005", "Purpose.", PURPOSE],
  ["2-173-020", "Disclosing information prohibited.", DISCLOSE],
  ["2-173-030", "Civil immigration enforcement actions.", DETAIN],
])).document;
/** A new 2-173-020 before the old one, which is not yet renumbered; both have edits (the importer refuses such a text, the editor allows it). */
const edited = parseCodeText(chapterText([
  ["2-173-005", "Purpose.", PURPOSE],
  ["2-173-022", "Notice of rights.", NEW_BODY],
  ["2-173-020", "Disclosing information prohibited.", DISCLOSE.replace("disclose", "release").replace("in writing", "in a signed writing")],
  ["2-173-030", "Civil immigration enforcement actions.", DETAIN],
])).document;
const chapter = edited.chapters[0]!;
const sections = chapter.sections.map((section) => (section.number === "2-173-022" ? { ...section, number: "2-173-020" } : section));
const draft: OrdinanceDocument = { ...edited, chapters: [{ ...chapter, sections, toc: sections.map(({ number, catchline }) => ({ number, catchline })) }] };

const ids = (doc: OrdinanceDocument) => compare(base, doc).changes.map((change) => change.id);
const sectionTexts = (doc: OrdinanceDocument) => doc.chapters[0]!.sections.map((section) => section.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text).join(" "));

describe("two draft sections sharing a number", () => {
  it("get distinct change ids, the same in a fresh compare and while typing elsewhere", () => {
    const list = ids(draft);
    expect(list.filter((id) => id.startsWith("2-173-020")).length).toBeGreaterThanOrEqual(3);
    expect(new Set(list).size).toBe(list.length);
    let state = redlineEditor(base, draft);
    expect(redlineState(state).redline.changes.map((change) => change.id)).toEqual(list);
    state = state.apply(state.tr.insertText("promptly ", positionOf(state, "arrest, detain")));
    const after = redlineState(state).redline.changes.map((change) => change.id);
    expect(after).toEqual(ids(toModel(state.doc)));
    expect(after.filter((id) => id.startsWith("2-173-020"))).toEqual(list.filter((id) => id.startsWith("2-173-020")));
  });

  it("reject by id undoes exactly that change, in either section", () => {
    const state = redlineEditor(base, draft);
    const changes = redlineState(state).redline.changes.filter((change) => change.section === "2-173-020" && change.part === "text");
    expect(changes.length).toBeGreaterThanOrEqual(2);
    for (const change of changes) {
      expect(locateChange(state, change.id)?.change).toEqual(change);
      const rejected = run(state, rejectChanges([change.id]));
      const remaining = redlineState(rejected).redline.changes;
      expect(remaining.length, change.id).toBe(redlineState(state).redline.changes.length - 1);
      // Every other change is still there, word for word (spacing at its ends may fall either side).
      const facts = (list: typeof remaining) => list.map((each) => `${each.part} ${each.deleted.trim()}→${each.inserted.trim()}`).sort();
      expect(facts(remaining), change.id).toEqual(facts(redlineState(state).redline.changes.filter((each) => each !== change)));
      const before = sectionTexts(toModel(state.doc));
      const now = sectionTexts(toModel(rejected.doc));
      expect(now.filter((text, i) => text !== before[i]), change.id).toHaveLength(1);
    }
  });

  it("accept by id marks exactly that change agreed", () => {
    const state = redlineEditor(base, draft);
    for (const change of redlineState(state).redline.changes) {
      const accepted = run(state, acceptChanges([change.id]));
      const { annotations } = redlineState(accepted);
      const on = [...annotations.byChange].filter(([, list]) => list.some((annotation) => annotation.status === "agreed")).map(([id]) => id);
      expect(on, change.id).toEqual([change.id]);
    }
  });
});
