/**
 * Property: over random sequences of transactions on a real EditorState — catchlines typed and
 * cut, sections renumbered, pasted, deleted and moved, text typed into paragraphs and into the
 * contents themselves, undo and redo — after every transaction each chapter's contents are one
 * line per section in order (worded as the official text words it while the heading is the
 * official one), with the lines the official text lists with no body kept in number order;
 * and undoing a transaction restores the document it started from, contents
 * included, in one step.
 */
import { closeHistory, redo, undo } from "prosemirror-history";
import { Fragment, Slice, type Node as PMNode } from "prosemirror-model";
import type { EditorState, Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { Chapter, OrdinanceDocument, TocEntry } from "../../src/core/model/document";
import { Random } from "../../src/core/samples/random";
import { sectionNode, toModel } from "../../src/editor/convert";
import { createEditorState } from "../../src/editor/editorState";
import { codeSchema } from "../../src/editor/schema";
import { fixtureBase } from "../support/fixtures";

const { nodes } = codeSchema;
/** Lines with no section body; no random edit ever gives a section one of these numbers. */
const RESERVED: Record<string, TocEntry[]> = {
  "2-173": [{ number: "2-173-033", catchline: "Reserved." }, { number: "2-173-066", catchline: "Repealed." }],
  "2-174": [{ number: "2-174-015", catchline: "Reserved." }],
};
const WORDS = ["notice", "of", "hearings", "Prohibited", "–", "agency", "duties."];

/** Thousands of transactions: generous, so a loaded machine slows the test without failing it. */
const HEAVY_PROPERTY_TIMEOUT = 120_000;

/** Last number part as a value: all numbers in one chapter share the first two parts. */
const order = (number: string) => Number(number.split("-")[2]);

/**
 * Contents lines the official text words differently from their headings (when the run has an
 * official text): while a section with that number keeps that heading, its line reads so.
 */
const OFFICIAL_WORDING: Record<string, { heading: string; line: string }> = {
  "2-173-040": { heading: "Conditioning benefits, services, or opportunities on immigrant status prohibited.", line: "Conditioning benefits on status prohibited." },
  "2-174-020": { heading: "Definitions.", line: "Definitions of terms." },
};

/** The contents a chapter should have, worked out directly: sections in order, reserved lines slotted in by number. */
function expectedContents(chapter: Chapter, official: boolean): TocEntry[] {
  const reserved = [...(RESERVED[chapter.number] ?? [])].sort((a, b) => order(a.number) - order(b.number));
  const out: TocEntry[] = [];
  for (const section of chapter.sections) {
    while (reserved.length > 0 && order(reserved[0]!.number) < order(section.number)) out.push(reserved.shift()!);
    const wording = official ? OFFICIAL_WORDING[section.number] : undefined;
    out.push({ number: section.number, catchline: wording && wording.heading === section.catchline ? wording.line : section.catchline });
  }
  return [...out, ...reserved];
}

function startDocument(official: boolean): OrdinanceDocument {
  const fixture = fixtureBase().chapters[0]!;
  const withReserved = (chapter: Chapter): Chapter => ({ ...chapter, toc: expectedContents(chapter, official) });
  const second: Chapter = {
    id: "ch-2-174", number: "2-174", title: "A SECOND CHAPTER", toc: [],
    sections: fixture.sections.slice(0, 3).map((section, index) => ({
      ...section, id: `s-2-174-0${index + 1}0`, number: `2-174-0${index + 1}0`,
      blocks: section.blocks.map((block, b) => ({ ...block, id: `s-2-174-0${index + 1}0-b${b}` })),
    })),
  };
  return { title: null, chapters: [withReserved(fixture), withReserved(second)] };
}

interface Place { readonly pos: number; readonly node: PMNode }

function collect(state: EditorState, type: typeof nodes.section): Place[] {
  const found: Place[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type === type) found.push({ pos, node });
    return node.type === nodes.doc || node.type === nodes.chapter || node.type === nodes.section_group || node.type === nodes.section || node.type === nodes.toc;
  });
  return found;
}

/** A section number for chapter `chapter` that no reserved line has. */
function freshNumber(random: Random, chapter: string): string {
  for (;;) {
    const number = `${chapter}-${String(random.int(1, 120)).padStart(3, "0")}`;
    if (!(RESERVED[chapter] ?? []).some((entry) => entry.number === number)) return number;
  }
}

const chapterOf = (state: EditorState, pos: number) => state.doc.resolve(pos).node(1);

/** One random transaction, or null when the chosen edit does not apply here. */
function randomTransaction(state: EditorState, random: Random): Transaction | null {
  const sections = collect(state, nodes.section);
  const section = random.pick(sections);
  const heading = section.node.firstChild!;
  const headingStart = section.pos + 2;
  const chapterNumber = chapterOf(state, section.pos).firstChild!.attrs.number as string;
  switch (random.int(0, 8)) {
    case 0: { // type words into a catchline
      const at = headingStart + random.int(0, heading.content.size);
      return state.tr.insertText(`${random.pick(WORDS)} `, at);
    }
    case 1: { // cut part of a catchline
      if (heading.content.size === 0) return null;
      const from = random.int(0, heading.content.size - 1);
      const to = random.int(from + 1, heading.content.size);
      return state.tr.delete(headingStart + from, headingStart + to);
    }
    case 2: // renumber
      return state.tr.setNodeAttribute(section.pos + 1, "number", freshNumber(random, chapterNumber));
    case 3: { // paste a copy of a section, renumbered, after another section of its chapter
      const model = { ...sectionFromNode(section.node), number: freshNumber(random, chapterNumber), id: "" };
      const target = random.pick(sections.filter((each) => chapterOf(state, each.pos) === chapterOf(state, section.pos)));
      const at = target.pos + target.node.nodeSize;
      return state.tr.replace(at, at, new Slice(Fragment.from(sectionNode(model)), 0, 0));
    }
    case 4: { // delete a section (a chapter keeps at least one)
      const chapter = chapterOf(state, section.pos);
      if (collect(state, nodes.section).filter((each) => chapterOf(state, each.pos) === chapter).length < 2) return null;
      return state.tr.delete(section.pos, section.pos + section.node.nodeSize);
    }
    case 5: { // move a section within its chapter, renumbered to fit nowhere in particular
      const siblings = sections.filter((each) => chapterOf(state, each.pos) === chapterOf(state, section.pos) && each.pos !== section.pos);
      if (siblings.length === 0) return null;
      const target = random.pick(siblings);
      const tr = state.tr.delete(section.pos, section.pos + section.node.nodeSize);
      const at = tr.mapping.map(target.pos + target.node.nodeSize);
      return tr.insert(at, section.node);
    }
    case 6: { // type into a paragraph (the common keystroke)
      const paragraph = section.node.child(random.int(1, section.node.childCount - 1));
      let offset = section.pos + 1;
      for (let i = 0; i < section.node.childCount && section.node.child(i) !== paragraph; i++) offset += section.node.child(i).nodeSize;
      return state.tr.insertText("word ", offset + 1 + random.int(0, paragraph.content.size));
    }
    case 7: { // type straight into a contents line (it is derived: the edit must not stick)
      const entries = collect(state, nodes.toc_entry as typeof nodes.section);
      if (entries.length === 0) return null;
      const entry = random.pick(entries);
      return state.tr.insertText("stray ", entry.pos + 1 + random.int(0, entry.node.content.size));
    }
    default: { // replace a whole heading's catchline with other words
      return state.tr.insertText(`${random.pick(WORDS)} ${random.pick(WORDS)}`, headingStart, headingStart + heading.content.size);
    }
  }
}

function sectionFromNode(node: PMNode) {
  const doc = nodes.doc.create(null, [nodes.chapter.create({ id: "x" }, [nodes.chapter_heading.create({ number: "9-9" }), node])]);
  const section = toModel(doc).chapters[0]!.sections[0]!;
  return { ...section, blocks: section.blocks.map((block) => ({ ...block, id: "" })) };
}

function checkContentsOf(state: EditorState, context: string, official: boolean): OrdinanceDocument {
  const model = toModel(state.doc);
  for (const chapter of model.chapters) expect(chapter.toc, `${context}, chapter ${chapter.number}`).toEqual(expectedContents(chapter, official));
  return model;
}

function step(state: EditorState, command: typeof undo): EditorState {
  let next = state;
  command(state, (tr) => { next = state.apply(tr); });
  return next;
}

describe("contents in step with the headings, over random transactions", () => {
  it.each([
    ["", false],
    [", with an official text that words two contents lines differently", true],
  ])("hold after every transaction of 200 random sequences, and one undo takes a transaction back whole%s", (_label, official) => {
    let transactions = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Random(seed);
      const start = startDocument(official);
      let state = createEditorState(start, official ? { official: start } : {});
      const checkContents = (checked: EditorState, context: string) => checkContentsOf(checked, context, official);
      checkContents(state, `seed ${seed} start`);
      for (let n = 0; n < 25; n++) {
        const context = `seed ${seed} step ${n}`;
        if (random.chance(0.12)) {
          state = step(state, random.chance(0.6) ? undo : redo);
          checkContents(state, `${context} (undo/redo)`);
          continue;
        }
        const tr = randomTransaction(state, random);
        if (!tr) continue;
        const before = toModel(state.doc);
        const after = state.apply(closeHistory(tr));
        // A section given a number its chapter already has is refused (plugins/structureGuard).
        if (after === state) continue;
        transactions++;
        const model = checkContents(after, context);
        if (random.chance(0.3)) {
          const undone = step(after, undo);
          expect(toModel(undone.doc), `${context}: one undo`).toEqual(before);
          expect(toModel(step(undone, redo).doc), `${context}: redo`).toEqual(model);
        }
        state = after;
      }
    }
    expect(transactions).toBeGreaterThan(2500);
  }, HEAVY_PROPERTY_TIMEOUT);
});
