/**
 * The structure guard and the model read from the editor, case by case: each edit below used
 * to reach a state whose saved text did not reopen, or reopened as another draft. Each state
 * reached must read back as itself (parseCodeText of its canonical text gives its model, ids
 * aside), and the redline must still mark the words on screen.
 */
import { baseKeymap, splitBlock } from "prosemirror-commands";
import { Fragment, Slice } from "prosemirror-model";
import { AllSelection, TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { redlineState } from "../../src/editor/redline/plugin";
import { deleteKeepingStructure, enterCommand } from "../../src/editor/plugins/structureGuard";
import { codeSchema } from "../../src/editor/schema";
import { decorationKinds, positionOf, run } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";
import { shape } from "../support/reopen";

const { nodes } = codeSchema;

function start(): EditorState {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() }).state;
}

/** The state's draft reads back from its canonical text as itself. */
function expectReadsBack(state: EditorState): void {
  const draft = redlineState(state).draft;
  expect(shape(parseCodeText(serializeDocument(draft)).document)).toBe(shape(draft));
}

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

const type = (state: EditorState, text: string, at: number) => state.apply(state.tr.insertText(text, at));

describe("every state reached reads back as itself", () => {
  it("a paragraph typed with double and trailing spaces is single-spaced in the model, and the redline marks the typed word", () => {
    let state = start();
    const at = positionOf(state, "roughly one") + "roughly".length;
    state = type(state, "  truly ", at);
    expect(redlineState(state).draft.chapters[0]!.sections[0]!.blocks[0]!.text).toContain("roughly truly one");
    const marked = () => decorationKinds(state).map((kind) => kind.trimEnd());
    // The insertion covers the typed word and the spaces that read as one after it.
    expect(marked()).toContain("insert:truly");
    const end = positionOf(state, "United States.") + "United States.".length;
    state = type(state, "  ", end);
    expect(marked()).toContain("insert:truly");
    expectReadsBack(state);
  });

  it("lower-case words at the start of a catchline, an emptied catchline and a lower-case chapter title read back", () => {
    let state = start();
    state = type(state, "promptly ", positionOf(state, "Purpose and intent.", 1));
    expect(redlineState(state).draft.chapters[0]!.sections[0]!.catchline).toBe("promptly Purpose and intent.");
    expectReadsBack(state);
    const heading = positionOf(state, "Definitions.", 1);
    state = state.apply(state.tr.delete(heading, heading + "Definitions.".length));
    expectReadsBack(state);
    state = type(state, " upon", positionOf(state, "WELCOMING CITY ORDINANCE") + "WELCOMING CITY ORDINANCE".length);
    expectReadsBack(state);
  });

  it("Enter in a section heading opens the section's text and leaves the heading whole; in a chapter heading it does nothing", () => {
    let state = start();
    const middle = positionOf(state, "Purpose and intent.", 1) + 3;
    state = run(select(state, middle), enterCommand);
    const section = state.doc.child(0).child(2).child(0); // the first section, in its group
    expect(section.child(0).textContent).toBe("Purpose and intent.");
    expect(section.child(1).type).toBe(nodes.paragraph);
    expect(section.child(1).textContent).toBe("");
    expect(state.selection.$from.parent).toBe(section.child(1));
    expectReadsBack(state);
    state = type(state, "New words.", state.selection.from);
    expectReadsBack(state);
    const chapter = select(state, positionOf(state, "WELCOMING") + 3);
    expect(run(chapter, enterCommand).doc.eq(chapter.doc)).toBe(true);
  });

  it("a history note stays a history note: typing before its parenthesis and splitting it are refused, Enter at its start opens a paragraph before it", () => {
    const state = start();
    const note = positionOf(state, "(Added Coun. J. 3-29-06");
    expect(type(state, "promptly ", note).doc.eq(state.doc)).toBe(true);
    const split = runOrSame(select(state, note + "(Added Coun. J.".length), splitBlock);
    expect(split.doc.eq(state.doc)).toBe(true);
    const before = run(select(state, note), enterCommand);
    expect(before.doc.nodeAt(note - 1)!.type).toBe(nodes.paragraph);
    const typed = type(before, "A new paragraph.", before.selection.from);
    expectReadsBack(typed);
    expect(typed.doc.resolve(typed.selection.from + 2).parent.type).toBe(nodes.history_note);
  });

  it("a delete from the contents or the chapter heading into a section is refused; across sections' text it goes through with every heading numbered", () => {
    const state = start();
    const fromToc = select(state, positionOf(state, "Purpose and intent.") + 4, positionOf(state, "Purpose and intent.", 1) + 4);
    expect(runOrSame(fromToc, baseKeymap.Backspace!).doc.eq(state.doc)).toBe(true);
    const fromChapter = select(state, positionOf(state, "CITY ORDINANCE"), positionOf(state, "The City of Chicago"));
    expect(runOrSame(fromChapter, baseKeymap.Backspace!).doc.eq(state.doc)).toBe(true);
    const across = select(state, positionOf(state, "concerning civil immigration"), positionOf(state, "As used in this chapter") + 5);
    const deleted = run(across, baseKeymap.Backspace!);
    expect(deleted.doc.eq(state.doc)).toBe(false);
    deleted.doc.descendants((node) => {
      if (node.type === nodes.section_heading || node.type === nodes.chapter_heading) expect(node.attrs.number).not.toBe("");
      return true;
    });
    expectReadsBack(deleted);
  });

  it("Backspace over a selection from the chapter heading or across chapters deletes the words and keeps every heading", () => {
    const state = start();
    const from = positionOf(state, "CITY ORDINANCE");
    const to = positionOf(state, "counts itself");
    const deleted = run(select(state, from, to), deleteKeepingStructure);
    const chapter = deleted.doc.child(0);
    expect(chapter.child(0).attrs.number).toBe("2-173");
    expect(chapter.child(0).textContent).toBe("WELCOMING ");
    const section = chapter.child(2).child(0); // the first section, in its group
    expect(section.child(0).attrs.number).toBe("2-173-005");
    expect(section.child(0).textContent).toBe("");
    expect(section.child(1).textContent.startsWith("counts itself")).toBe(true);
    expectReadsBack(deleted);
    // Everything selected: every heading stays with its number, each section keeps one empty line.
    const all = state.apply(state.tr.setSelection(new AllSelection(state.doc)));
    const cleared = run(all, deleteKeepingStructure);
    const numbers = (doc: typeof state.doc) => { const found: string[] = []; doc.descendants((node) => { if (node.type === nodes.section_heading) found.push(node.attrs.number as string); return true; }); return found; };
    expect(numbers(cleared.doc)).toEqual(numbers(state.doc));
    expect(redlineState(cleared).draft.chapters[0]!.sections.every((each) => each.blocks.length === 0 && each.catchline === "")).toBe(true);
    expectReadsBack(cleared);
    // A selection within one section that a plain delete takes in one piece is left to it.
    const within = select(state, positionOf(state, "concerning civil immigration"), positionOf(state, "concerning civil immigration") + 11);
    expect(deleteKeepingStructure(within)).toBe(false);
  });

  it("Backspace across two sections' text keeps both sections and both headings (found by a new user: one heading was lost and two sections spliced)", () => {
    const state = start();
    const sections = (doc: typeof state.doc) => { const found: string[] = []; doc.descendants((node) => { if (node.type === nodes.section_heading) found.push(node.attrs.number as string); return true; }); return found; };
    const across = select(state, positionOf(state, "concerning civil immigration"), positionOf(state, "As used in this chapter") + 5);
    const deleted = run(across, deleteKeepingStructure);
    expect(sections(deleted.doc)).toEqual(sections(state.doc));
    expect(deleted.doc.textContent).not.toContain("concerning civil immigration");
    expect(deleted.doc.textContent).toContain("in this chapter");
    // The selected words of 2-173-010's heading go with the rest; the heading and its number stay.
    expect(redlineState(deleted).draft.chapters[0]!.sections.map((each) => each.number)).toEqual(redlineState(state).draft.chapters[0]!.sections.map((each) => each.number));
    expectReadsBack(deleted);
  });

  it("a paragraph pasted at a level its text does not read back with takes the level the text gives it", () => {
    const state = start();
    const at = positionOf(state, "(Added Coun. J. 3-29-06") - 1;
    const pasted = nodes.paragraph.create({ id: "", enumerator: "(f)", level: 3 }, codeSchema.text("A pasted clause."));
    const next = state.apply(state.tr.replace(at, at, new Slice(Fragment.from(pasted), 0, 0)));
    const block = redlineState(next).draft.chapters[0]!.sections[0]!.blocks[5]!;
    expect(block.kind === "paragraph" && [block.enumerator, block.level]).toEqual(["(f)", 1]);
    expectReadsBack(next);
  });

  it("a paragraph whose words would read as a heading is refused", () => {
    const state = start();
    const at = positionOf(state, "As used in this chapter");
    expect(type(state, "2-173-070 ", at).doc.eq(state.doc)).toBe(true);
  });
});

function runOrSame(state: EditorState, command: typeof splitBlock): EditorState {
  let next = state;
  command(state, (tr) => { next = state.apply(tr); });
  return next;
}
