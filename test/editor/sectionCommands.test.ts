/**
 * Section commands on the demonstration chapter: repeal, a new section, renumber. Each is one
 * undo step, leaves the live redline equal to a fresh compare, reopens as itself, and exports
 * the way a Chicago ordinance shows it.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { redlineState } from "../../src/editor/redline/plugin";
import { adviseNewSection, newSectionProblem, placeAfter } from "../../src/editor/structure/numberAssistant";
import { insertSection, renumberSection, repealSection, sectionNumberProblem, sectionPlace, selectedSection } from "../../src/editor/structure/sectionCommands";
import { changeList, positionOf, redlineEditor, run } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { closed, expectSoundStep, outlineOf } from "../support/structuralChecks";

const base = fixtureBase();

function inSection(state: EditorState, words: string, nth = 0): EditorState {
  return closed(state.apply(state.tr.setSelection(TextSelection.create(state.doc, positionOf(state, words, nth)))));
}

function sectionPos(state: EditorState, number: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (node.type.name === "section" && node.firstChild!.attrs.number === number) found = pos;
    return found < 0 && node.type.name !== "section";
  });
  if (found < 0) throw new Error(`no section ${number}`);
  return found;
}

function exported(state: EditorState, grouping: "chapter" | "section"): string {
  return writeText(buildOrdinance({ base, draft: redlineState(state).draft, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }));
}

function contentsNumbers(state: EditorState): string[] {
  return redlineState(state).draft.chapters[0]!.toc.map((entry) => entry.number);
}

describe("repealing a section", () => {
  it("removes 2-173-070 and its contents line in one step; the redline strikes it and the export repeals it", () => {
    const state = inSection(redlineEditor(base), "Severability", 1);
    const after = run(state, repealSection());
    expectSoundStep(state, after, base);
    expect(contentsNumbers(after)).not.toContain("2-173-070");
    expect(changeList(after).join("\n")).toMatch(/\[-2-173-070 Severability\./);
    expect(changeList(after).every((line) => line.includes("{++}"))).toBe(true);
    expect(exported(after, "section")).toContain("Section 2-173-070 of the Municipal Code of Chicago is hereby repealed in its entirety.");
    const whole = exported(after, "chapter");
    expect(whole).toContain("[-2-173-070 Severability.-]");
    expect(whole).not.toContain("hereby repealed");
  });

  it("refuses the only section of a chapter", () => {
    let state = redlineEditor(base);
    for (const number of ["2-173-005", "2-173-010", "2-173-020", "2-173-030", "2-173-040", "2-173-042", "2-173-050", "2-173-060"]) {
      state = run(state, repealSection(sectionPos(state, number)));
    }
    expect(repealSection(sectionPos(state, "2-173-070"))(state)).toBe(false);
  });
});

describe("a new section", () => {
  it("inserts 2-173-045 after 2-173-042 with its contents line; the export inserts it underscored", () => {
    const state = closed(redlineEditor(base));
    let after = run(state, insertSection(sectionPos(state, "2-173-042"), "2-173-045", "Retaliation prohibited."));
    expectSoundStep(state, after, base);
    expect(contentsNumbers(after)).toEqual(["2-173-005", "2-173-010", "2-173-020", "2-173-030", "2-173-040", "2-173-042", "2-173-045", "2-173-050", "2-173-060", "2-173-070"]);
    expect(selectedSection(after)?.number).toBe("2-173-045");
    after = after.apply(after.tr.insertText("No agent shall retaliate against any person."));
    const text = exported(after, "section");
    expect(text).toContain("Chapter 2-173 of the Municipal Code of Chicago is hereby amended by inserting a new Section 2-173-045, as follows:");
    // Once as the new contents line (SECTION 1 reprints the contents), once as the new section's heading.
    expect(text.split("\n").filter((line) => line === "{+2-173-045 Retaliation prohibited.+}")).toHaveLength(2);
    expect(text).toContain("{+No agent shall retaliate against any person.+}");
    expect(exported(after, "chapter")).toContain("{+2-173-045 Retaliation prohibited.+}");
  });

  it("refuses a number already used or of another chapter", () => {
    const state = redlineEditor(base);
    const chapter = sectionPlace(state.doc, sectionPos(state, "2-173-042"))!.chapter;
    expect(sectionNumberProblem(chapter, "2-173-050")).toBe("2-173-050 is already used; choose an unused number.");
    expect(sectionNumberProblem(chapter, "2-173-0050")).toBe("2-173-0050 is already used (as 2-173-050); choose an unused number.");
    expect(sectionNumberProblem(chapter, "2-172-045")).toBe("2-172-045 belongs to Chapter 2-172, not to Chapter 2-173.");
    expect(sectionNumberProblem(chapter, "3-29-06")).toMatch(/is not a section number/);
    expect(sectionNumberProblem(chapter, "2-173-060", "2-173-060")).toBeNull();
    expect(insertSection(sectionPos(state, "2-173-042"), "2-173-050", "Twice.")(state)).toBe(false);
  });
});

describe("renumbering a section", () => {
  it("gives 2-173-060 the number 2-173-045 and moves it after 2-173-042, contents following", () => {
    const state = closed(redlineEditor(base));
    const after = run(state, renumberSection(sectionPos(state, "2-173-060"), "2-173-045", "2-173-042"));
    expectSoundStep(state, after, base);
    expect(contentsNumbers(after)).toEqual(["2-173-005", "2-173-010", "2-173-020", "2-173-030", "2-173-040", "2-173-042", "2-173-045", "2-173-050", "2-173-070"]);
    expect(outlineOf(after, "2-173-045", 2)[0]).toBe(outlineOf(state, "2-173-060", 2)[0]);
    expect(redlineState(after).redline.changes.some((change) => change.move !== undefined), "the redline shows the section moved").toBe(true);
    expect(exported(after, "section")).toContain("[-2-173-060-] {+2-173-045+} Exchanging file information.");
  });
});

describe("the number assistant over the editor's chapter", () => {
  const chapterOf = (state: EditorState) => sectionPlace(state.doc, sectionPos(state, "2-173-042"))!.chapter;

  it("proposes 2-173-045 after 2-173-042, and the number's gap decides where a typed number may go", () => {
    const state = redlineEditor(base);
    const advice = adviseNewSection(chapterOf(state), "2-173-042");
    expect(advice.number).toBe("2-173-045");
    expect(advice.explanation).toContain("between 2-173-042 and 2-173-050");
    expect(newSectionProblem(chapterOf(state), "2-173-042", "2-173-047")).toBeNull();
    expect(newSectionProblem(chapterOf(state), "2-173-042", "2-173-050")).toMatch(/already used/);
    expect(newSectionProblem(chapterOf(state), "2-173-042", "2-173-055")).toMatch(/does not fall between 2-173-042 and 2-173-050/);
  });

  it("says when the gap has no free number and offers the nearest gap that has one", () => {
    let state = redlineEditor(base);
    state = run(state, insertSection(sectionPos(state, "2-173-040"), "2-173-041", "Filler."));
    const advice = adviseNewSection(chapterOf(state), "2-173-041");
    expect(advice.number).toBeNull();
    expect(advice.explanation).toContain("No number is free between 2-173-041 and 2-173-042");
    expect(advice.alternative).not.toBeNull();
    expect(newSectionProblem(chapterOf(state), advice.alternative!.after, advice.alternative!.number)).toBeNull();
  });

  it("places a renumbered section by its number's order", () => {
    const state = redlineEditor(base);
    expect(placeAfter(chapterOf(state), "2-173-045")).toBe("2-173-042");
    expect(placeAfter(chapterOf(state), "2-173-001")).toBeNull();
    expect(placeAfter(chapterOf(state), "2-173-075", "2-173-070")).toBe("2-173-060");
  });
});

