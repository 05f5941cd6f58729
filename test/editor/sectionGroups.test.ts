/**
 * Section groups (editor/sectionGroups.ts) are invisible: over random section edits aimed at
 * the groups' edges in a chapter long enough for several groups — repealing the first or last
 * section of a group, emptying a group, adding dozens of sections to one group one by one or
 * pasted at once, deleting
 * across two groups, moving a section into another group by renumbering, typing, undo and
 * redo — after every transaction the document is valid, no group is past twice the group size
 * nor one under half of it beside a group it could join (so no group is left empty beside another), the model read back has the sections the
 * edit leaves (worked out here from the model before), one undo gives back the model before
 * and redo the one after, and the live redline equals one built from scratch.
 */
import { closeHistory, redo, undo } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { sectionNode, toModel } from "../../src/editor/convert";
import { createEditorState } from "../../src/editor/editorState";
import { deleteKeepingStructure } from "../../src/editor/plugins/structureGuard";
import { redlinePlugin } from "../../src/editor/redline/plugin";
import { codeSchema } from "../../src/editor/schema";
import { SECTIONS_PER_GROUP } from "../../src/editor/sectionGroups";
import { insertSection, renumberSection, repealSection } from "../../src/editor/structure/sectionCommands";
import { disagreement } from "../support/redlineOracle";

const { nodes } = codeSchema;

/** The groups of the document's first chapter, each with its position and its sections' positions. */
function groupsOf(doc: PMNode): Array<{ pos: number; node: PMNode; sections: number[] }> {
  const chapter = doc.firstChild!;
  const groups: Array<{ pos: number; node: PMNode; sections: number[] }> = [];
  chapter.forEach((child, offset) => {
    if (child.type !== nodes.section_group) return;
    const pos = 1 + offset;
    const sections: number[] = [];
    child.forEach((_section, inner) => sections.push(pos + 1 + inner));
    groups.push({ pos, node: child, sections });
  });
  return groups;
}

/** Why the groups are out of shape, or null. */
function groupProblem(doc: PMNode): string | null {
  doc.check();
  for (const chapter of doc.children) {
    const children = chapter.children;
    for (const [index, group] of children.entries()) {
      if (group.type !== nodes.section_group) continue;
      const next = children[index + 1];
      if (next?.type === nodes.section_group && Math.min(group.childCount, next.childCount) < SECTIONS_PER_GROUP / 2 && group.childCount + next.childCount <= 2 * SECTIONS_PER_GROUP) {
        return `groups of ${group.childCount} and ${next.childCount} sections side by side`;
      }
      if (group.childCount > 2 * SECTIONS_PER_GROUP) return `a group of ${group.childCount} sections`;
    }
  }
  return null;
}

/** How many lines (headings and blocks, wordless ones too) the document's sections hold. */
function linesOf(doc: PMNode): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type === nodes.section) { count += node.childCount; return false; }
    return true;
  });
  return count;
}

const numbers = (doc: PMNode) => toModel(doc).chapters[0]!.sections.map((section) => section.number);

function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  // Each edit its own undo event, however quickly the test makes them.
  return command(state, (tr: Transaction) => { next = state.apply(closeHistory(tr)); }) ? next : null;
}

/** A section at a group's edge: the first or last of a random group. */
function edgeSection(doc: PMNode, random: Random): number {
  const group = random.pick(groupsOf(doc).filter((each) => each.sections.length > 0));
  return random.chance(0.5) ? group.sections[0]! : group.sections[group.sections.length - 1]!;
}

function unusedNumber(doc: PMNode, random: Random): string {
  const used = new Set(numbers(doc));
  for (;;) {
    const number = `2-173-${String(random.int(1, 999)).padStart(3, "0")}`;
    if (!used.has(number)) return number;
  }
}

describe("section groups are invisible to every edit", () => {
  it("over random section edits at the groups' edges, with undo and redo", () => {
    let checked = 0;
    let splits = 0;
    let joined = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const random = new Random(seed);
      const base: OrdinanceDocument = { title: null, chapters: [generateChapter(seed, 150_000)] };
      const draft = randomlyEdited(base, seed, 6);
      let state = createEditorState(draft, { plugins: [redlinePlugin({ base })] });
      expect(groupsOf(state.doc).length).toBeGreaterThanOrEqual(3);
      /** Checks the state after one edit and takes it; `expected` is the section numbers it should leave; `history` for an undo or redo. */
      const check = (next: EditorState | null, context: string, expected?: string[], history = false) => {
        if (!next || next === state) return;
        const before = toModel(state.doc);
        const after = toModel(next.doc);
        expect(groupProblem(next.doc), context).toBeNull();
        if (expected) expect(numbers(next.doc), context).toEqual(expected);
        expect(disagreement(next, base), context).toBeNull();
        if (!history && random.chance(0.3)) {
          const undone = run(next, undo)!;
          expect(toModel(undone.doc), `${context}: undo`).toEqual(before);
          expect(groupProblem(undone.doc), `${context}: undo`).toBeNull();
          const redone = run(undone, redo)!;
          expect(toModel(redone.doc), `${context}: redo`).toEqual(after);
          next = redone;
        }
        if (groupsOf(next.doc).length > groupsOf(state.doc).length) splits++;
        if (groupsOf(next.doc).length < groupsOf(state.doc).length) joined++;
        checked++;
        state = next;
      };
      for (let step = 0; step < 18; step++) {
        const context = `seed ${seed} step ${step}`;
        const roll = random.int(0, 8);
        const list = numbers(state.doc);
        if (roll === 0) { // repeal a section at a group's edge
          const pos = edgeSection(state.doc, random);
          const number = state.doc.nodeAt(pos)!.firstChild!.attrs.number as string;
          check(run(state, repealSection(pos)), `${context} repeal ${number}`, list.filter((each) => each !== number));
        } else if (roll === 1) { // empty a group, one repeal at a time
          const groups = groupsOf(state.doc);
          if (groups.length < 2) continue;
          const index = random.int(0, groups.length - 1);
          const count = groups.length;
          // By index: the contents shrink with each repeal, so the group's position moves.
          for (let n = groups[index]!.sections.length; n > 0; n--) {
            const now = groupsOf(state.doc);
            if (now.length !== count) break;
            const pos = now[index]!.sections[0];
            if (now.every((group, i) => i === index || group.sections.length === 0)) break; // a chapter keeps a section
            if (pos === undefined) break;
            const number = state.doc.nodeAt(pos)!.firstChild!.attrs.number as string;
            check(run(state, repealSection(pos)), `${context} empty a group: repeal ${number}`, numbers(state.doc).filter((each) => each !== number));
          }
        } else if (roll === 2) { // many new sections after one at a group's edge
          let pos = edgeSection(state.doc, random);
          for (let n = random.int(1, SECTIONS_PER_GROUP + 8); n > 0; n--) {
            const after = state.doc.nodeAt(pos)!.firstChild!.attrs.number as string;
            const number = unusedNumber(state.doc, random);
            const current = numbers(state.doc);
            const expected = [...current.slice(0, current.indexOf(after) + 1), number, ...current.slice(current.indexOf(after) + 1)];
            check(run(state, insertSection(pos, number, "Added section.")), `${context} insert ${number} after ${after}`, expected);
            const placed = [...groupsOf(state.doc).flatMap((group) => group.sections)].find((each) => state.doc.nodeAt(each)!.firstChild!.attrs.number === number);
            if (placed === undefined) break;
            pos = placed;
          }
        } else if (roll === 3) { // delete from one group's last paragraph into the next group's first section
          const groups = groupsOf(state.doc);
          const index = random.int(0, groups.length - 2);
          const first = groups[index]?.sections.at(-1);
          const second = groups[index + 1]?.sections[0];
          if (first === undefined || second === undefined) continue;
          const last = state.doc.nodeAt(first)!;
          const from = first + last.nodeSize - 1 - 1 - random.int(0, last.lastChild!.content.size);
          const to = second + 2 + random.int(0, state.doc.nodeAt(second)!.firstChild!.content.size);
          const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
          check(run(selected, deleteKeepingStructure), `${context} delete across groups`, list);
        } else if (roll === 4) { // move a section into another group by renumbering it
          const pos = edgeSection(state.doc, random);
          const target = random.pick(list);
          const number = unusedNumber(state.doc, random);
          const moved = state.doc.nodeAt(pos)!.firstChild!.attrs.number as string;
          if (target === moved) continue;
          const without = list.filter((each) => each !== moved);
          const expected = [...without.slice(0, without.indexOf(target) + 1), number, ...without.slice(without.indexOf(target) + 1)];
          check(run(state, renumberSection(pos, number, target)), `${context} renumber ${moved} as ${number} after ${target}`, expected);
        } else if (roll === 5) { // type at the start of a group's edge section's first paragraph
          const pos = edgeSection(state.doc, random);
          const at = pos + 1 + state.doc.nodeAt(pos)!.firstChild!.nodeSize + 1;
          check(state.apply(closeHistory(state.tr.insertText("words ", at))), `${context} type`, list);
        } else if (roll === 8) { // paste a run of sections at once, enough to split a group in three
          const pos = edgeSection(state.doc, random);
          const after = state.doc.nodeAt(pos)!.firstChild!.attrs.number as string;
          const pasted: string[] = [];
          const count = random.int(2 * SECTIONS_PER_GROUP - 8, 2 * SECTIONS_PER_GROUP + 16);
          while (pasted.length < count) {
            const number = unusedNumber(state.doc, random);
            if (!pasted.includes(number)) pasted.push(number);
          }
          const sections = pasted.map((number) => sectionNode({ id: "", number, catchline: "Pasted section.", blocks: [{ kind: "paragraph", id: "", enumerator: null, level: 0, text: "Pasted words." }] }));
          const expected = [...list.slice(0, list.indexOf(after) + 1), ...pasted, ...list.slice(list.indexOf(after) + 1)];
          const at = pos + state.doc.nodeAt(pos)!.nodeSize;
          const pastedState = state.apply(closeHistory(state.tr.insert(at, sections)));
          // Reshaping the groups adds no line: each pasted section brings its heading and its paragraph.
          expect(linesOf(pastedState.doc), context).toBe(linesOf(state.doc) + 2 * pasted.length);
          check(pastedState, `${context} paste ${pasted.length} sections after ${after}`, expected);
        } else if (roll === 6) {
          check(run(state, undo), `${context} undo`, undefined, true);
        } else {
          check(run(state, redo), `${context} redo`, undefined, true);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(splits).toBeGreaterThan(0);
    expect(joined).toBeGreaterThan(0);
  }, 240_000);

  it("give a section pasted into another group, copied with its ids, ids of its own", () => {
    const doc: OrdinanceDocument = { title: null, chapters: [generateChapter(3, 150_000)] };
    let state = createEditorState(doc);
    const groups = groupsOf(state.doc);
    const copied = state.doc.nodeAt(groups[0]!.sections[1]!)!;
    const renumbered = copied.type.create(copied.attrs, [copied.firstChild!.type.create({ number: "2-173-999" }, copied.firstChild!.content), ...copied.children.slice(1)]);
    const last = groups[2]!.sections.at(-1)!;
    state = state.apply(state.tr.insert(last + state.doc.nodeAt(last)!.nodeSize, renumbered));
    const ids: string[] = [];
    state.doc.descendants((node) => { if (node.attrs.id !== undefined && node.type !== nodes.chapter) ids.push(node.attrs.id as string); });
    expect(ids.filter((id) => id === copied.attrs.id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(numbers(state.doc)).toContain("2-173-999");
  });
});
